import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { BILLING_ROUTES, type DailyUsageTotals, type ModelUsageTotals, type Page, type UsageRecord } from '@apilink/contracts';
import { Auth } from '../../../common/auth/auth.decorator';
import { CurrentSession } from '../../../common/auth/current-principal.decorator';
import type { SessionPrincipal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { DailyUsageQueryDto } from '../dto/daily-usage-query.dto';
import { sqlStateOf } from '../holds/database-error';
import { UsageFiltersDto } from '../../../common/dto/usage-filters.dto';
import { UsagePageQueryDto } from '../../../common/dto/usage-page-query.dto';
import { toMoney } from '../../../common/money/money.mapper';
import { toUsageRecord } from '../mappers/usage-record.mapper';
import { UsageQueryService } from './usage-query.service';

const INVALID_PARAMETER_VALUE = '22023';

/** The customer's request log: list, lookup by request id, totals per model and per day, CSV export. */
@Auth('session')
@Controller()
export class UsageController {
  constructor(private readonly usage: UsageQueryService) {}

  @Get(BILLING_ROUTES.usage)
  async list(@CurrentSession() session: SessionPrincipal, @Query() query: UsagePageQueryDto): Promise<Page<UsageRecord>> {
    const { page, pageSize, ...filters } = query;
    return this.usage.list(session.userId, filters, page, pageSize);
  }

  @Get(BILLING_ROUTES.usageByModel)
  async byModel(@CurrentSession() session: SessionPrincipal, @Query() filters: UsageFiltersDto): Promise<ModelUsageTotals> {
    const rows = await this.usage.totalsByModel(session.userId, filters);
    return {
      data: rows.map(({ costMicros, ...row }) => ({ ...row, cost: toMoney(costMicros) })),
      total: toMoney(rows.reduce((sum, row) => sum + row.costMicros, 0n)),
    };
  }

  @Get(BILLING_ROUTES.usageDaily)
  async byDay(@CurrentSession() session: SessionPrincipal, @Query() query: DailyUsageQueryDto): Promise<DailyUsageTotals> {
    const { timeZone = 'UTC', ...filters } = query;
    const rows = await this.usage.totalsByDay(session.userId, filters, timeZone).catch((error: unknown) => {
      // Node's and PostgreSQL's time zone lists differ at the edges; a name only Node knows is still the caller's.
      if (sqlStateOf(error) === INVALID_PARAMETER_VALUE) throw AppError.invalidRequest(`Unknown time zone: ${timeZone}`, 'timeZone');
      throw error;
    });
    return {
      data: rows.map(({ costMicros, ...row }) => ({ ...row, cost: toMoney(costMicros) })),
      total: toMoney(rows.reduce((sum, row) => sum + row.costMicros, 0n)),
      timeZone,
    };
  }

  @Get(BILLING_ROUTES.usageCsv)
  csv(@CurrentSession() session: SessionPrincipal, @Query() filters: UsageFiltersDto): StreamableFile {
    return new StreamableFile(this.usage.csv(session.userId, filters), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="apilink-usage-${new Date().toISOString().slice(0, 10)}.csv"`,
    });
  }

  @Get(BILLING_ROUTES.usageByRequest.pattern)
  async byRequest(@CurrentSession() session: SessionPrincipal, @Param('requestId') requestId: string): Promise<UsageRecord> {
    const record = await this.usage.byRequestId(session.userId, requestId);
    if (!record) throw AppError.notFound('No request with this id in your usage log');
    return toUsageRecord(record);
  }
}
