/** Shared steps of the billing e2e tests. */
import { randomUUID } from 'node:crypto';
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
