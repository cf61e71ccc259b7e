import { USAGE_STATUSES, type UsageFilters, type UsageStatus } from '@apilink/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class UsageFiltersDto implements UsageFilters {
  @IsOptional()
  @IsUUID()
  keyId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  model?: string;

  @IsOptional()
  @IsIn(USAGE_STATUSES)
  status?: UsageStatus;

  @IsOptional()
  @IsISO8601()
  from?: string;

  @IsOptional()
  @IsISO8601()
  to?: string;
}
