import { Controller, Get, Query } from '@nestjs/common';
import { BILLING_ROUTES, type BalanceResponse, type LedgerEntry, type Page } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentSession } from '../../common/auth/current-principal.decorator';
import type { SessionPrincipal } from '../../common/auth/principal';
import { BalanceService } from './ledger/balance.service';
import { LedgerQueryDto } from './dto/ledger-query.dto';
import { LedgerQueryService } from './ledger/ledger-query.service';
import { toBalanceResponse } from './mappers/balance.mapper';
import { toLedgerEntry } from './mappers/ledger-entry.mapper';

/** The dashboard's balance and statement (always the logged-in user's own). */
@Auth('session')
@Controller()
export class BillingController {
  constructor(
    private readonly billing: BalanceService,
    private readonly ledger: LedgerQueryService,
  ) {}

  @Get(BILLING_ROUTES.balance)
  async balance(@CurrentSession() session: SessionPrincipal): Promise<BalanceResponse> {
    return toBalanceResponse(await this.billing.balance(session.userId));
  }

  @Get(BILLING_ROUTES.ledger)
  async ledgerPage(@CurrentSession() session: SessionPrincipal, @Query() query: LedgerQueryDto): Promise<Page<LedgerEntry>> {
    const { entries, total } = await this.ledger.list(session.userId, query.page, query.pageSize, query.kind);
    return { data: entries.map(toLedgerEntry), page: query.page, pageSize: query.pageSize, total };
  }
}
