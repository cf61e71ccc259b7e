import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { BILLING_ROUTES, type BalanceResponse, type BillingDetails, type LedgerEntry, type Page } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentSession } from '../../common/auth/current-principal.decorator';
import type { SessionPrincipal } from '../../common/auth/principal';
import { BalanceService } from './ledger/balance.service';
import { LedgerQueryDto } from './dto/ledger-query.dto';
import { UpdateBillingDetailsDto } from './dto/update-billing-details.dto';
import { LedgerQueryService } from './ledger/ledger-query.service';
import { toBalanceResponse } from './mappers/balance.mapper';
import { toLedgerEntry } from './mappers/ledger-entry.mapper';
import { BillingProfileService } from './profile/billing-profile.service';

/** The dashboard's balance, statement and billing details (always the logged-in user's own). */
@Auth('session')
@Controller()
export class BillingController {
  constructor(
    private readonly billing: BalanceService,
    private readonly ledger: LedgerQueryService,
    private readonly profiles: BillingProfileService,
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

  @Get(BILLING_ROUTES.details)
  details(@CurrentSession() session: SessionPrincipal): Promise<BillingDetails> {
    return this.profiles.get(session.userId);
  }

  @Put(BILLING_ROUTES.details)
  updateDetails(@CurrentSession() session: SessionPrincipal, @Body() body: UpdateBillingDetailsDto): Promise<BillingDetails> {
    return this.profiles.update(session.userId, body);
  }
}
