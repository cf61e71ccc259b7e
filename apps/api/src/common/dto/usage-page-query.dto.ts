import { IntersectionType } from '@nestjs/swagger';
import { PageQueryDto } from './page-query.dto';
import { UsageFiltersDto } from './usage-filters.dto';

export class UsagePageQueryDto extends IntersectionType(UsageFiltersDto, PageQueryDto) {}
