/** The settlement item a capture, release or expiry becomes, for either kind of hold. */
import type { SettleArgs, HoldOutcome } from './hold-functions';
import type { CaptureUsage, Hold, RequestOutcome } from '../request-billing.port';

export function captureArgs(hold: Pick<Hold, 'requestId' | 'userId' | 'keyId'>, usage: CaptureUsage): SettleArgs {
  if (usage.actualCostMicros < 0n) throw new RangeError('A cost cannot be negative');
  return {
    requestId: hold.requestId,
    userId: hold.userId,
    keyId: hold.keyId,
    outcome: 'captured',
    actualCostMicros: usage.actualCostMicros,
    provider: usage.provider,
    promptTokens: tokenCount(usage.promptTokens),
    completionTokens: tokenCount(usage.completionTokens),
    cachedTokens: tokenCount(usage.cachedTokens),
    estimated: usage.estimated,
    status: usage.status,
    latencyMs: usage.latencyMs,
    ttftMs: usage.ttftMs,
    attempts: usage.attempts,
  };
}

export function nothingCharged(
  hold: Pick<Hold, 'requestId' | 'userId' | 'keyId'>,
  outcome: HoldOutcome,
  result: RequestOutcome,
): SettleArgs {
  return {
    requestId: hold.requestId,
    userId: hold.userId,
    keyId: hold.keyId,
    outcome,
    actualCostMicros: 0n,
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    estimated: false,
    ...result,
  };
}

function tokenCount(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Token count must be a non-negative integer: ${value}`);
  return value;
}
