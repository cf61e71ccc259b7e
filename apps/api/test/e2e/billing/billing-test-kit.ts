/** Shared steps of the billing e2e tests. */
import { randomUUID } from 'node:crypto';
import { APIError } from 'openai';
import { DataSource } from 'typeorm';
import type { CaptureUsage, ReserveRequest } from '../../../src/modules/billing/request-billing.port';
import { RequestBillingService } from '../../../src/modules/billing/request-billing.service';
import type { TestApp } from '../../support/test-app';
import type { TestSession } from '../../support/test-session';

export const USD = 1_000_000n;

export function billingOf(testApp: TestApp): RequestBillingService {
  return testApp.app.get(RequestBillingService);
}

export function reserveRequest(session: TestSession, amountMicros: bigint, overrides: Partial<ReserveRequest> = {}): ReserveRequest {
  return {
    requestId: `req_${randomUUID()}`,
    userId: session.user.id,
    keyId: session.keyId,
    spendCapMicros: null,
    amountMicros,
    model: 'test/model',
    ...overrides,
  };
}

export function usage(actualCostMicros: bigint, overrides: Partial<CaptureUsage> = {}): CaptureUsage {
  return {
    actualCostMicros,
    promptTokens: 100,
    completionTokens: 50,
    cachedTokens: 0,
    estimated: false,
    provider: 'openai',
    status: 'success',
    latencyMs: 800,
    ttftMs: 120,
    ...overrides,
  };
}

/** What a rejected promise was rejected with, failing the test if it was not rejected. */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ status?: number; type?: string; code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { status?: number; type?: string; code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

export interface UsageRow {
  status: string;
  cost_micros: string;
  hold_micros: string;
}

/** Settlement runs just after each response; wait until `count` settled usage rows exist (refusals have rows too). */
export async function waitForRows(app: TestApp, userId: string, count: number): Promise<UsageRow[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const rows: UsageRow[] = await app.app
      .get(DataSource)
      .query(
        "SELECT status, cost_micros::text, hold_micros::text FROM usage_records WHERE user_id = $1 AND status <> 'refused' ORDER BY created_at",
        [userId],
      );
    if (rows.length >= count) return rows;
    if (Date.now() > deadline) throw new Error(`${rows.length} usage rows, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function openLeases(db: DataSource, userId: string): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS open FROM credit_leases WHERE user_id = $1 AND status = 'open'`, [userId]);
  return row.open;
}

/** The account once every lease on it went back (idle leases are returned after 1 s here). */
export async function accountOnceLeasesReturned(db: DataSource, userId: string): Promise<{ balance_micros: string; held_micros: string }> {
  const deadline = Date.now() + 15_000;
  while ((await openLeases(db, userId)) > 0) {
    if (Date.now() > deadline) throw new Error('a lease is still open 15 s after the last request');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const [account] = await db.query('SELECT balance_micros, held_micros FROM credit_accounts WHERE user_id = $1', [userId]);
  return account;
}

export async function openHolds(db: DataSource, userId: string): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS open FROM credit_holds WHERE user_id = $1 AND status = 'open'`, [userId]);
  return row.open;
}

export function errorStatus(error: unknown): number {
  if (error instanceof APIError && error.status) return error.status;
  throw error;
}
