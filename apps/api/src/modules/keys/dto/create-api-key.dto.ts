import { API_KEY_NAME_MAX_LENGTH, type CreateApiKeyRequest } from '@apilink/contracts';
import { Transform } from 'class-transformer';
import { trimString } from '../../../common/dto/trim-string';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export const MAX_RPM_LIMIT = 1_000_000;
/** Up to 18 digits keeps the value inside PostgreSQL's bigint. */
export const MICROS_PATTERN = /^\d{1,18}$/;

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @Transform(trimString)
  @IsString()
  @Length(1, API_KEY_NAME_MAX_LENGTH)
  name: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RPM_LIMIT)
  rpmLimit?: number | null;

  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string | null;

  @IsOptional()
  @IsString()
  @Matches(MICROS_PATTERN, { message: 'spendCapMicros must be a whole number of micro-USD written as a string, e.g. "5000000" for $5' })
  spendCapMicros?: string | null;
}
