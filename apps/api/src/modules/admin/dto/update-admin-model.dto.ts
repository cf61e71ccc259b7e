import { ApiPropertyOptional } from '@nestjs/swagger';
import { MODEL_ALIAS_PATTERN, MODEL_ALIASES_MAX, type UpdateAdminModelRequest } from '@apilink/contracts';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { AdminActionDto } from './admin-action.dto';

export class UpdateAdminModelDto extends AdminActionDto implements UpdateAdminModelRequest {
  @ApiPropertyOptional({
    type: [String],
    example: ['gpt-4o-latest'],
    description: 'Replaces the list; unique across model ids and aliases',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MODEL_ALIASES_MAX)
  @Matches(MODEL_ALIAS_PATTERN, { each: true, message: 'each alias is letters, digits and . _ : / - (up to 200)' })
  aliases?: string[];

  @ApiPropertyOptional({ nullable: true, minimum: 1, description: "Null returns to the model's maximum" })
  @IsOptional()
  @IsInt()
  @Min(1)
  defaultMaxOutputTokens?: number | null;
}
