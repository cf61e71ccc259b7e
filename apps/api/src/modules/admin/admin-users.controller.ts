import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, type StreamableFile } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ADMIN_ROUTES,
  type AdminUser,
  type ApiKeyList,
  type ApiKeySummary,
  type BalanceResponse,
  type CreatedUser,
  type CreditAdjustmentResponse,
  type InvoiceList,
  type LedgerEntry,
  type Page,
  type PaymentList,
  type ResetPasswordResponse,
  type UsageRecord,
} from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuditContext } from '../audit/audit-actor';
import { CurrentAuditContext } from '../audit/audit-context.decorator';
import { UsersService } from '../auth/users.service';
import { BalanceService } from '../billing/ledger/balance.service';
import { LedgerQueryDto } from '../../common/dto/ledger-query.dto';
import { UsagePageQueryDto } from '../../common/dto/usage-page-query.dto';
import { LedgerQueryService } from '../billing/ledger/ledger-query.service';
import { toMoney } from '../../common/money/money.mapper';
import { PaymentsService } from '../payments/payments.service';
import { UsageQueryService } from '../billing/usage/usage-query.service';
import { InvoicesService } from '../invoices/invoices.service';
import { KeysService } from '../keys/keys.service';
import { AdminUserCreationService } from './admin-user-creation.service';
import { AdminUsersService } from './admin-users.service';
import { parseSignedUsd, parseUnsignedUsd } from './signed-usd';
import { AdminActionDto } from './dto/admin-action.dto';
import { ChangeRoleDto } from './dto/change-role.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { CreditAdjustmentDto } from './dto/credit-adjustment.dto';
import { UserSearchQueryDto } from './dto/user-search-query.dto';
import { ApiLedgerQuery, ApiPageQuery, ApiUsageQuery } from './docs/api-query.decorators';
import { UserIdPipe } from './user-id.pipe';

/** Accounts as support sees them: profile, keys, money, usage; and what support may change. */
@ApiTags('Users (support and admin)')
@ApiCookieAuth()
@Controller()
@Auth('staff')
export class AdminUsersController {
  constructor(
    private readonly users: UsersService,
    private readonly adminUsers: AdminUsersService,
    private readonly creation: AdminUserCreationService,
    private readonly keys: KeysService,
    private readonly billing: BalanceService,
    private readonly ledger: LedgerQueryService,
    private readonly payments: PaymentsService,
    private readonly invoices: InvoicesService,
    private readonly usage: UsageQueryService,
  ) {}

  @Get(ADMIN_ROUTES.users)
  @ApiOperation({ summary: 'Search users by any part of their email, newest first' })
  @ApiOkResponse({ description: 'Page<AdminUser>' })
  @ApiPageQuery()
  async search(@Query() query: UserSearchQueryDto): Promise<Page<AdminUser>> {
    return this.users.search(query.email ?? '', query.page, query.pageSize);
  }

  @Post(ADMIN_ROUTES.users)
  @Auth('admin')
  @ApiOperation({
    summary: 'Create an account (admin only)',
    description:
      'Answers a generated one-time password once (it is never stored in clear, logged or audited): hand it over. The account is flagged (passwordChangeRequired): signed in with it, the person reaches only me, change-password and logout (every other /api route answers 403 password_change_required) until they choose their own password (POST /api/auth/change-password; the dashboard asks at once). Initial credits are a ledger adjustment. The user.created audit entry names the admin. 409 when the email is taken.',
  })
  @ApiOkResponse({ description: 'CreatedUser' })
  async create(@CurrentAuditContext() context: AuditContext, @Body() body: CreateUserDto): Promise<CreatedUser> {
    const created = await this.creation.create(context, {
      email: body.email,
      name: body.name ?? null,
      role: body.role ?? 'customer',
      initialCreditsMicros: body.initialCreditsUsd ? parseUnsignedUsd(body.initialCreditsUsd, 'initialCreditsUsd') : 0n,
      reason: body.reason ?? null,
    });
    return {
      user: created.user,
      oneTimePassword: created.oneTimePassword,
      initialCredits: created.initialCredits && {
        ledgerEntryId: created.initialCredits.ledgerEntryId,
        amount: toMoney(created.initialCredits.amountMicros),
      },
    };
  }

  @Get(ADMIN_ROUTES.user.pattern)
  @ApiOperation({ summary: "A user's profile" })
  @ApiOkResponse({ description: 'AdminUser' })
  get(@Param('userId', UserIdPipe) userId: string): Promise<AdminUser> {
    return this.users.getById(userId);
  }

  @Get(ADMIN_ROUTES.userKeys.pattern)
  @ApiOperation({ summary: "A user's API keys (never their secrets)" })
  @ApiOkResponse({ description: 'ApiKeyList' })
  async keyList(@Param('userId', UserIdPipe) userId: string): Promise<ApiKeyList> {
    return { data: await this.keys.listForOwner(userId) };
  }

  @Post(ADMIN_ROUTES.revokeUserKey.pattern)
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke one key; every instance refuses it within a second' })
  @ApiOkResponse({ description: 'ApiKeySummary' })
  revokeKey(
    @CurrentAuditContext() context: AuditContext,
    @Param('userId', UserIdPipe) userId: string,
    @Param('keyId') keyId: string,
    @Body() body: AdminActionDto,
  ): Promise<ApiKeySummary> {
    return this.adminUsers.revokeKey(context, userId, keyId, body.reason);
  }

  @Get(ADMIN_ROUTES.userBalance.pattern)
  @ApiOperation({ summary: "A user's balance, holds and totals" })
  @ApiOkResponse({ description: 'BalanceResponse' })
  balance(@Param('userId', UserIdPipe) userId: string): Promise<BalanceResponse> {
    return this.billing.balanceResponse(userId);
  }

  @Get(ADMIN_ROUTES.userLedger.pattern)
  @ApiOperation({ summary: "A user's credit ledger, newest first (`kind` filters, comma-separated)" })
  @ApiOkResponse({ description: 'Page<LedgerEntry>' })
  @ApiLedgerQuery()
  ledgerPage(@Param('userId', UserIdPipe) userId: string, @Query() query: LedgerQueryDto): Promise<Page<LedgerEntry>> {
    return this.ledger.list(userId, query.page, query.pageSize, query.kind);
  }

  @Get(ADMIN_ROUTES.userPayments.pattern)
  @ApiOperation({ summary: "A user's top-ups, newest first" })
  @ApiOkResponse({ description: 'PaymentList' })
  async paymentList(@Param('userId', UserIdPipe) userId: string): Promise<PaymentList> {
    return { data: await this.payments.list(userId) };
  }

  @Get(ADMIN_ROUTES.userInvoices.pattern)
  @ApiOperation({ summary: "A user's invoices and credit notes" })
  @ApiOkResponse({ description: 'InvoiceList' })
  async invoiceList(@Param('userId', UserIdPipe) userId: string): Promise<InvoiceList> {
    return { data: await this.invoices.list(userId) };
  }

  @Get(ADMIN_ROUTES.userInvoicePdf.pattern)
  @ApiOperation({ summary: "One of a user's invoices or credit notes as PDF (to send the customer a copy)" })
  invoicePdf(@Param('userId', UserIdPipe) userId: string, @Param('invoiceId') invoiceId: string): Promise<StreamableFile> {
    return this.invoices.pdf(userId, invoiceId);
  }

  @Get(ADMIN_ROUTES.userUsage.pattern)
  @ApiOperation({ summary: "A user's requests, newest first, filtered by key, model, status and time" })
  @ApiOkResponse({ description: 'Page<UsageRecord>' })
  @ApiUsageQuery()
  usagePage(@Param('userId', UserIdPipe) userId: string, @Query() query: UsagePageQueryDto): Promise<Page<UsageRecord>> {
    const { page, pageSize, ...filters } = query;
    return this.usage.list(userId, filters, page, pageSize);
  }

  @Post(ADMIN_ROUTES.creditAdjustments.pattern)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add or remove credits with a mandatory reason',
    description:
      'Support is limited per action by SUPPORT_CREDIT_ADJUSTMENT_LIMIT_USD (403 above it); admins are not. A debit never takes the available balance below zero (409).',
  })
  @ApiOkResponse({ description: 'CreditAdjustmentResponse' })
  adjustCredits(
    @CurrentAuditContext() context: AuditContext,
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: CreditAdjustmentDto,
  ): Promise<CreditAdjustmentResponse> {
    return this.adminUsers.adjustCredits(context, userId, parseSignedUsd(body.amountUsd), body.reason);
  }

  @Post(ADMIN_ROUTES.disableUser.pattern)
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: sessions end, keys stop working on every instance within a second' })
  @ApiOkResponse({ description: 'AdminUser' })
  disable(
    @CurrentAuditContext() context: AuditContext,
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: AdminActionDto,
  ): Promise<AdminUser> {
    return this.adminUsers.disable(context, userId, body.reason);
  }

  @Post(ADMIN_ROUTES.enableUser.pattern)
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-enable a disabled account (its unrevoked keys work again)' })
  @ApiOkResponse({ description: 'AdminUser' })
  enable(
    @CurrentAuditContext() context: AuditContext,
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: AdminActionDto,
  ): Promise<AdminUser> {
    return this.adminUsers.enable(context, userId, body.reason);
  }

  @Post(ADMIN_ROUTES.resetUserPassword.pattern)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reset a password: a new one-time password, answered once',
    description:
      'Generates a new one-time password (answered once; never stored in clear, logged or audited), flags the account (passwordChangeRequired: the person must choose their own at next sign-in) and ends all its sessions. Support may reset customers only; nobody their own account (403). The user.password_reset audit entry names the staff member.',
  })
  @ApiOkResponse({ description: 'ResetPasswordResponse' })
  resetPassword(
    @CurrentAuditContext() context: AuditContext,
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: AdminActionDto,
  ): Promise<ResetPasswordResponse> {
    return this.adminUsers.resetPassword(context, userId, body.reason);
  }

  @Put(ADMIN_ROUTES.userRole.pattern)
  @Auth('admin')
  @ApiOperation({ summary: "Change a user's role (admin only; not your own)" })
  @ApiOkResponse({ description: 'AdminUser' })
  changeRole(
    @CurrentAuditContext() context: AuditContext,
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: ChangeRoleDto,
  ): Promise<AdminUser> {
    return this.adminUsers.changeRole(context, userId, body.role, body.reason);
  }
}
