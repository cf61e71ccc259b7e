import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import {
  UPSTREAM_ACCOUNT_NAME_PATTERN,
  UPSTREAM_PROTOCOLS,
  UPSTREAM_TIMEOUT_MS_MAX,
  UPSTREAM_TIMEOUT_MS_MIN,
  type CreateUpstreamAccountRequest,
  type UpdateUpstreamAccountRequest,
  type UpstreamModelRouteInput,
  type UpstreamProtocolName,
} from '@apilink/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ADMIN_REASON_MAX_LENGTH } from './admin-action.dto';

const MODEL_ID = /^[^/\s]+\/\S+$/;

export class UpstreamModelRouteDto implements UpstreamModelRouteInput {
  @ApiProperty({ example: 'openai/gpt-4o-mini', description: 'The gateway model id' })
  @IsString()
  @Matches(MODEL_ID, { message: 'model must be a model id like "openai/gpt-4o-mini"' })
  @MaxLength(200)
  model: string;

  @ApiPropertyOptional({ nullable: true, description: "The id this upstream knows; default the catalog's upstream id" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  upstreamModel?: string | null;

  @ApiProperty({ description: 'Lower is tried first among every upstream serving the model', example: 10 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority: number;
}

export class CreateUpstreamAccountDto implements CreateUpstreamAccountRequest {
  @ApiProperty({ example: 'openai-main', pattern: UPSTREAM_ACCOUNT_NAME_PATTERN.source })
  @IsString()
  @Matches(UPSTREAM_ACCOUNT_NAME_PATTERN, { message: "name must be lowercase letters, digits, '.', '_' or '-' (up to 64)" })
  name: string;

  @ApiProperty({ enum: UPSTREAM_PROTOCOLS })
  @IsIn(UPSTREAM_PROTOCOLS)
  protocol: UpstreamProtocolName;

  @ApiProperty({ example: 'https://api.openai.com/v1' })
  @IsString()
  @MaxLength(2048)
  baseUrl: string;

  @ApiProperty({ writeOnly: true, description: 'Stored encrypted; never returned (only its last 4 characters)' })
  @IsString()
  @Length(4, 4096)
  apiKey: string;

  @ApiPropertyOptional({ nullable: true, example: 'deepseek', description: 'Built-in OpenAI-compatible provider quirks' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  quirksPreset?: string | null;

  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true, description: 'OpenAI-compatible quirks record' })
  @IsOptional()
  @IsObject()
  quirks?: Record<string, unknown> | null;

  @ApiPropertyOptional({ nullable: true, minimum: UPSTREAM_TIMEOUT_MS_MIN, maximum: UPSTREAM_TIMEOUT_MS_MAX })
  @IsOptional()
  @IsInt()
  @Min(UPSTREAM_TIMEOUT_MS_MIN)
  @Max(UPSTREAM_TIMEOUT_MS_MAX)
  timeoutMs?: number | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ type: [UpstreamModelRouteDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => UpstreamModelRouteDto)
  models: UpstreamModelRouteDto[];

  @ApiPropertyOptional({ maxLength: ADMIN_REASON_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(ADMIN_REASON_MAX_LENGTH)
  reason?: string;
}

/** Protocol is fixed at creation (quirks and routes depend on it); `enabled` has its own actions. */
export class UpdateUpstreamAccountDto
  extends PartialType(OmitType(CreateUpstreamAccountDto, ['protocol', 'enabled'] as const))
  implements UpdateUpstreamAccountRequest {}
