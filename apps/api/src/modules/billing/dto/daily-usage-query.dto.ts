import type { DailyUsageQuery } from '@apilink/contracts';
import { IsOptional, IsTimeZone } from 'class-validator';
import { UsageFiltersDto } from '../../../common/dto/usage-filters.dto';

export class DailyUsageQueryDto extends UsageFiltersDto implements DailyUsageQuery {
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string;
}
