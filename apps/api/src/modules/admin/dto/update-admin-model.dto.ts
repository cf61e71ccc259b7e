import { ApiPropertyOptional } from '@nestjs/swagger';
import { MODEL_ALIAS_PATTERN, MODEL_ALIASES_MAX, type GatewayModelCapabilities, type UpdateAdminModelRequest } from '@apilink/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, Matches, Min, ValidateNested } from 'class-validator';
import { AdminActionDto } from './admin-action.dto';

export class ModelCapabilitiesDto implements Partial<GatewayModelCapabilities> {
  @ApiPropertyOptional({ description: 'Function calling: off refuses requests with tools (400, param "tools")' })
  @IsOptional()
  @IsBoolean()
  tools?: boolean;

  @ApiPropertyOptional({ description: 'Image inputs: off refuses requests with images (400 naming the message)' })
  @IsOptional()
  @IsBoolean()
  vision?: boolean;

  @ApiPropertyOptional({ description: 'Reasoning model (listed in /v1/models)' })
  @IsOptional()
  @IsBoolean()
  reasoning?: boolean;
}

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

  @ApiPropertyOptional({ type: ModelCapabilitiesDto, description: "Corrects the catalog's flags; flags omitted stay unchanged" })
  @IsOptional()
  @ValidateNested()
  @Type(() => ModelCapabilitiesDto)
  capabilities?: ModelCapabilitiesDto;
}
