import type { ChatCompletionRequest } from '@apilink/contracts';
import type { ActiveModel } from '../../models/active-model';
import type { ModelsService } from '../../models/models.service';
import { AppError } from '../../../common/errors/app-error';
import type { RequestBilling } from '../../billing/request-billing.port';
import { RequestAdmission } from './request-admission';
import { countPromptTokens } from './token-counter';

// The real counter, watched: some tests check it was not called, or give it an answer.
jest.mock('./token-counter', () => {
  const actual = jest.requireActual<typeof import('./token-counter')>('./token-counter');
  return { ...actual, countPromptTokens: jest.fn(actual.countPromptTokens) };
});
const countPrompt = jest.mocked(countPromptTokens);

const USER = '00000000-0000-4000-8000-000000000001';

const MODEL = {
  id: 'openai/gpt-4',
  kind: 'chat',
  contextWindow: 1000,
  maxOutputTokens: 300,
  maxInputTokens: null,
  supportsVision: false,
  supportsTools: true,
  defaultMaxOutputTokens: null,
} as ActiveModel['model'];
const PRICE = {
  effectiveFrom: new Date(0),
  inputMicrosPerMTok: 1_000_000n,
  outputMicrosPerMTok: 2_000_000n,
  cachedInputMicrosPerMTok: null,
  cacheWriteMicrosPerMTok: null,
  reasoningMicrosPerMTok: null,
  longContextTiers: [],
};

/** Billing whose accounts all have credit unless `funded` says otherwise. */
function billingWith(funded = true): RequestBilling {
  const insufficient = new AppError('Insufficient balance.', { status: 402, type: 'insufficient_quota', code: 'insufficient_quota' });
  return { assertFunded: jest.fn(async () => (funded ? undefined : Promise.reject(insufficient))) } as unknown as RequestBilling;
}

function admission(model: Partial<ActiveModel['model']> = {}, billing = billingWith(), price = PRICE) {
  const active = { model: { ...MODEL, ...model }, price, routes: [{}] } as unknown as ActiveModel;
  const models = { findActive: (id: string) => (id === 'openai/gpt-4' ? active : null) } as unknown as ModelsService;
  return new RequestAdmission(models, billing);
}

const request = (overrides: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({
  model: 'openai/gpt-4',
  messages: [{ role: 'user', content: 'Hello world' }],
  ...overrides,
});

describe('RequestAdmission', () => {
  it('refuses an unknown or inactive model with 404 model_not_found', async () => {
    await expect(admission().admit(request({ model: 'openai/nope' }), USER)).rejects.toThrow(
      expect.objectContaining({ status: 404, code: 'model_not_found' }),
    );
  });

  it('refuses an embedding model with a 400 naming model and pointing at /v1/embeddings', async () => {
    await expect(admission({ kind: 'embedding' }).admit(request(), USER)).rejects.toThrow(
      expect.objectContaining({ status: 400, param: 'model', message: expect.stringContaining('/v1/embeddings') }),
    );
  });

  it('holds the prompt plus the output cap at list price, times n', async () => {
    const admitted = await admission().admit(request({ max_tokens: 100, n: 2 }), USER);
    expect(admitted.promptTokens).toBe(8);
    expect(admitted.maxOutputTokens).toBe(100);
    // 8 × $1/M = 8 µ$, 200 × $2/M = 400 µ$
    expect(admitted.holdMicros).toBe(408n);
  });

  it('refuses an account without credit with 402 before counting the prompt', async () => {
    countPrompt.mockClear();
    const billing = billingWith(false);
    await expect(admission({}, billing).admit(request(), USER)).rejects.toThrow(expect.objectContaining({ status: 402 }));
    expect(billing.assertFunded).toHaveBeenCalledWith(USER);
    expect(countPrompt).not.toHaveBeenCalled();
  });

  it('lets an account without credit use a free model (its hold is 0)', async () => {
    const free = { ...PRICE, inputMicrosPerMTok: 0n, outputMicrosPerMTok: 0n };
    const admitted = await admission({}, billingWith(false), free).admit(request(), USER);
    expect(admitted.holdMicros).toBe(0n);
  });

  it('holds the upper bound of an estimated prompt, capped at the context window, and checks the context with the estimate', async () => {
    countPrompt.mockReturnValueOnce({ tokens: 400, upperBound: 5_000, estimated: true });
    const admitted = await admission().admit(request({ max_tokens: 100 }), USER);
    expect(admitted.promptTokens).toBe(400);
    // 1000 (the context window, not 5000) × $1/M + 100 × $2/M
    expect(admitted.holdMicros).toBe(1_000n + 200n);
  });

  it('without a client cap holds what the context leaves, at most the model output cap or its default', async () => {
    expect((await admission().admit(request(), USER)).maxOutputTokens).toBe(300);
    expect((await admission({ contextWindow: 200 }).admit(request(), USER)).maxOutputTokens).toBe(192);
    expect((await admission({ defaultMaxOutputTokens: 50 }).admit(request(), USER)).maxOutputTokens).toBe(50);
  });

  it('refuses prompt + requested output over the context window before any upstream call', async () => {
    await expect(admission({ contextWindow: 100 }).admit(request({ max_tokens: 95 }), USER)).rejects.toThrow(
      expect.objectContaining({ status: 400, code: 'context_length_exceeded', param: 'messages' }),
    );
  });

  it('refuses a prompt over the input limit', async () => {
    await expect(admission({ maxInputTokens: 5 }).admit(request(), USER)).rejects.toThrow(
      expect.objectContaining({ code: 'context_length_exceeded' }),
    );
  });

  it('names max_completion_tokens or max_tokens when above the model cap', async () => {
    await expect(admission().admit(request({ max_completion_tokens: 301 }), USER)).rejects.toThrow(
      expect.objectContaining({ param: 'max_completion_tokens' }),
    );
    await expect(admission().admit(request({ max_tokens: 301 }), USER)).rejects.toThrow(expect.objectContaining({ param: 'max_tokens' }));
  });

  it('refuses images for a model without vision, naming the message', async () => {
    const withImage = request({
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }] }],
    });
    await expect(admission().admit(withImage, USER)).rejects.toThrow(expect.objectContaining({ status: 400, param: 'messages.0.content' }));
    expect((await admission({ supportsVision: true }).admit(withImage, USER)).promptTokens).toBeGreaterThan(765);
  });

  describe('for a model without tool support', () => {
    const noTools = () => admission({ supportsTools: false });
    const WEATHER = { type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object' } } };

    it('refuses tools with 400 naming tools', async () => {
      await expect(noTools().admit(request({ tools: [WEATHER], tool_choice: 'auto' }), USER)).rejects.toThrow(
        expect.objectContaining({
          status: 400,
          type: 'invalid_request_error',
          code: 'unsupported_parameter',
          param: 'tools',
          message: 'This model does not support tools (function calling).',
        }),
      );
      expect((await admission().admit(request({ tools: [WEATHER] }), USER)).promptTokens).toBeGreaterThan(0);
    });

    it('refuses a tool_choice that asks for tools, naming tool_choice', async () => {
      for (const toolChoice of ['auto', 'required', { type: 'function', function: { name: 'get_weather' } }] as const) {
        await expect(noTools().admit(request({ tool_choice: toolChoice }), USER)).rejects.toThrow(
          expect.objectContaining({ status: 400, param: 'tool_choice' }),
        );
      }
    });

    it('admits tool_choice "none", an empty tools list and a history of earlier tool calls', async () => {
      const history = request({
        messages: [
          { role: 'user', content: 'Weather in Oslo?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
          },
          { role: 'tool', tool_call_id: 'call_1', content: '{"temperature": 5}' },
          { role: 'user', content: 'Thanks, and in words?' },
        ],
        tools: [],
        tool_choice: 'none',
      });
      expect((await noTools().admit(history, USER)).promptTokens).toBeGreaterThan(0);
    });
  });
});
