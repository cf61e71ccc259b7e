/** Test support: a CompletionContext for a request to claude-sonnet-4-5 prices ($3 / $15 per 1M), for the specs of every inbound API. */
import type { ApiKeyPrincipal } from '../../../common/auth/principal';
import { DeliveredOutput } from '../billing/delivered-output';
import type { AdmittedRequest } from '../admission/request-admission';
import type { CompletionContext } from '../completion-context';
import type { RequestLifetime } from '../streaming/request-lifetime';

export function testCompletionContext(promptTokens = 10): CompletionContext {
  const admitted = {
    promptTokens,
    maxOutputTokens: 100,
    active: {
      price: {
        effectiveFrom: new Date(0),
        inputMicrosPerMTok: 3_000_000n,
        outputMicrosPerMTok: 15_000_000n,
        cachedInputMicrosPerMTok: 300_000n,
        cacheWriteMicrosPerMTok: 3_750_000n,
        reasoningMicrosPerMTok: null,
        longContextTiers: [],
      },
    },
  } as unknown as AdmittedRequest;
  return {
    request: { model: 'claude-sonnet-4-5', messages: [] },
    caller: {} as ApiKeyPrincipal,
    requestId: 'req-test',
    admitted,
    lifetime: {} as RequestLifetime,
    response: { id: 'chatcmpl-abc123', model: 'claude-sonnet-4-5', created: 1 },
    outcome: {
      status: 'error',
      httpStatus: 500,
      upstreamId: null,
      attempts: [],
      usage: null,
      delivered: new DeliveredOutput(),
      stream: true,
      startedAt: 0,
      firstTokenAt: null,
    },
    deadline: 0,
  };
}
