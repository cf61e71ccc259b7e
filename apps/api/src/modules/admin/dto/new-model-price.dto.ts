import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { NewModelPriceRequest } from '@apilink/contracts';
import { IsOptional, IsString, Matches } from 'class-validator';
import { AdminActionDto } from './admin-action.dto';

const USD = /^\d{1,12}(\.\d{1,6})?$/;
const message = { message: '$property must be USD per 1M tokens with at most 6 decimals, e.g. "2.5"' };

export class NewModelPriceDto extends AdminActionDto implements NewModelPriceRequest {
  @ApiProperty({ example: '2.5', description: 'USD per 1M input tokens' })
  @IsString()
  @Matches(USD, message)
  inputPerMTokUsd: string;

  @ApiProperty({ example: '10', description: 'USD per 1M output tokens' })
  @IsString()
  @Matches(USD, message)
  outputPerMTokUsd: string;

  @ApiPropertyOptional({ nullable: true, description: 'Null: cached input costs the input price' })
  @IsOptional()
  @IsString()
  @Matches(USD, message)
  cachedInputPerMTokUsd?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(USD, message)
  cacheWritePerMTokUsd?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Null: reasoning tokens cost the output price' })
  @IsOptional()
  @IsString()
  @Matches(USD, message)
  reasoningPerMTokUsd?: string | null;
}
