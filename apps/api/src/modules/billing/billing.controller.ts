import { Controller, Get, Query } from '@nestjs/common';
import { BILLING_ROUTES, type BalanceResponse, type LedgerEntry, type Page } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentSession } from '../../common/auth/current-principal.decorator';
import type { SessionPrincipal } from '../../common/auth/principal';
import { BalanceService } from './ledger/balance.service';
import { LedgerQueryDto } from '../../common/dto/ledger-query.dto';
import { LedgerQueryService } from './ledger/ledger-query.service';

/** The dashboard's balance and statement (always the logged-in user's own). */
@Auth('session')
@Controller()
export class BillingController {
  constructor(
    private readonly billing: BalanceService,
    private readonly ledger: LedgerQueryService,
  ) {}

  @Get(BILLING_ROUTES.balance)
  balance(@CurrentSession() session: SessionPrincipal): Promise<BalanceResponse> {
    return this.billing.balanceResponse(session.userId);
  }

  @Get(BILLING_ROUTES.ledger)
  ledgerPage(@CurrentSession() session: SessionPrincipal, @Query() query: LedgerQueryDto): Promise<Page<LedgerEntry>> {
    return this.ledger.list(session.userId, query.page, query.pageSize, query.kind);
  }
}
