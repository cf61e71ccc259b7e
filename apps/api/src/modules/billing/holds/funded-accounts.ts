/**
 * Which accounts have a positive balance, for the check that runs before any costly work on a
 * /v1 request (counting a large prompt costs more than this): an account seen funded is
 * remembered for a while, so paying traffic makes no extra query; an account without credit is
 * looked up on each request, a primary-key read. Only a pre-check: the hold stays the judge, so a
 * stale "funded" costs at most the work the check would have saved.
 */
import type { PreparedQuery } from './hold-functions';

const BALANCE_SQL = 'SELECT balance_micros > 0 AS funded FROM credit_accounts WHERE user_id = $1';
/** How long an account seen funded is believed funded without asking again. */
const FUNDED_TTL_MS = 60_000;
/** Accounts remembered at most (least recently seen out first). */
const MAX_ENTRIES = 50_000;

export class FundedAccounts {
  /** User id → when its "funded" answer stops being trusted. */
  private readonly fundedUntil = new Map<string, number>();

  constructor(
    private readonly query: PreparedQuery,
    private readonly now: () => number = Date.now,
  ) {}

  async isFunded(userId: string): Promise<boolean> {
    const until = this.fundedUntil.get(userId);
    if (until !== undefined && until > this.now()) return true;
    const rows = await this.query<{ funded: boolean }>('billing_account_funded', BALANCE_SQL, [userId]);
    const funded = rows[0]?.funded === true;
    this.fundedUntil.delete(userId);
    if (funded) {
      if (this.fundedUntil.size >= MAX_ENTRIES) this.fundedUntil.delete(this.fundedUntil.keys().next().value as string);
      this.fundedUntil.set(userId, this.now() + FUNDED_TTL_MS);
    }
    return funded;
  }

  /** A hold was refused for lack of balance: ask the database next time. */
  forget(userId: string): void {
    this.fundedUntil.delete(userId);
  }
}
