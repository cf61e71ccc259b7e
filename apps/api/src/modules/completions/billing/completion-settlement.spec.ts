import { Logger } from '@nestjs/common';
import type { CaptureUsage, Hold, RequestBilling, RequestOutcome } from '../../billing/request-billing.port';
import type { GatewayMetrics } from '../../metrics/gateway-metrics';
import type { AdmittedRequest } from '../admission/request-admission';
import type { CompletionOutcome } from './completion-settlement';
import { CompletionSettlement } from './completion-settlement';
import { DeliveredOutput } from './delivered-output';

const HOLD = { id: 'h1', requestId: 'r1', amountMicros: 10_000n } as Hold;
const ADMITTED = {
  promptTokens: 40,
  active: {
    model: { id: 'openai/gpt-4o-mini' },
    price: {
      effectiveFrom: new Date(0),
      inputMicrosPerMTok: 150_000n,
      outputMicrosPerMTok: 600_000n,
      cachedInputMicrosPerMTok: 75_000n,
      cacheWriteMicrosPerMTok: null,
      reasoningMicrosPerMTok: null,
      longContextTiers: [],
    },
  },
} as unknown as AdmittedRequest;

function setup() {
  const captured: CaptureUsage[] = [];
  const released: RequestOutcome[] = [];
  const billing: RequestBilling = {
    assertFunded: jest.fn(),
    reserve: jest.fn(),
    capture: jest.fn(async (_hold, usage) => {
      captured.push(usage);
      return { settled: true, chargedMicros: usage.actualCostMicros, uncollectedMicros: 0n };
    }),
    release: jest.fn(async (_hold, outcome) => {
      released.push(outcome);
      return { settled: true, chargedMicros: 0n, uncollectedMicros: 0n };
    }),
  };
  const metrics = { requestCompleted: jest.fn() } as unknown as GatewayMetrics;
  return { settlement: new CompletionSettlement(billing, metrics), captured, released, metrics };
}

function outcome(overrides: Partial<CompletionOutcome>): CompletionOutcome {
  return {
    status: 'success',
    httpStatus: 200,
    upstreamId: 'openai',
    attempts: [],
    usage: null,
    delivered: new DeliveredOutput(),
    stream: true,
    startedAt: performance.now(),
    firstTokenAt: null,
    ...overrides,
  };
}

function delivered(text: string): DeliveredOutput {
  const output = new DeliveredOutput();
  output.addChunk({
    id: 'c',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'm',
    choices: [{ index: 0, delta: { content: text }, finish_reason: null }],
  });
  return output;
}

const USAGE = {
  completionUsage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100, prompt_tokens_details: { cached_tokens: 400 } },
  cacheWriteTokens: 0,
};

describe('CompletionSettlement', () => {
  it('captures the upstream usage of a completed request at its prices', async () => {
    const { settlement, captured } = setup();
    await settlement.settle(HOLD, ADMITTED, outcome({ usage: USAGE, delivered: delivered('hello') }));
    // 600 × 0.15 + 400 × 0.075 + 100 × 0.6 = 90 + 30 + 60
    expect(captured).toEqual([
      expect.objectContaining({
        actualCostMicros: 180n,
        promptTokens: 1000,
        completionTokens: 100,
        cachedTokens: 400,
        estimated: false,
        status: 'success',
        provider: 'openai',
      }),
    ]);
  });

  it('counts prompt and output itself, flagged estimated, when the upstream reported no usage', async () => {
    const { settlement, captured } = setup();
    await settlement.settle(HOLD, ADMITTED, outcome({ delivered: delivered('Hello world') }));
    expect(captured[0]).toMatchObject({ promptTokens: 40, completionTokens: 2, estimated: true });
  });

  it('bills the prompt plus what reached the client when it left mid-stream, not the upstream total', async () => {
    const { settlement, captured } = setup();
    await settlement.settle(HOLD, ADMITTED, outcome({ status: 'client_closed', usage: USAGE, delivered: delivered('Hello world') }));
    expect(captured[0]).toMatchObject({ status: 'client_closed', promptTokens: 1000, completionTokens: 2, estimated: true });
  });

  it('releases the hold when no token reached the client', async () => {
    const { settlement, captured, released } = setup();
    await settlement.settle(HOLD, ADMITTED, outcome({ status: 'upstream_error', httpStatus: 503, upstreamId: null }));
    expect(captured).toEqual([]);
    expect(released).toEqual([expect.objectContaining({ status: 'upstream_error', provider: null, ttftMs: null })]);
  });

  it('never lets a billing failure escape: the reaper settles the hold later', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { settlement, metrics } = setup();
    const broken = new CompletionSettlement(
      { assertFunded: jest.fn(), reserve: jest.fn(), capture: jest.fn().mockRejectedValue(new Error('db down')), release: jest.fn() },
      metrics,
    );
    void settlement;
    await expect(broken.settle(HOLD, ADMITTED, outcome({ usage: USAGE }))).resolves.toBeUndefined();
    expect(metrics.requestCompleted).toHaveBeenCalled();
  });
});
