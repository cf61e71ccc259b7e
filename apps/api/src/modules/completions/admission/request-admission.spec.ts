import type { ChatCompletionRequest } from '@apilink/contracts';
import type { ActiveModel } from '../../models/active-model';
import type { ModelsService } from '../../models/models.service';
import { RequestAdmission } from './request-admission';

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

function admission(model: Partial<ActiveModel['model']> = {}) {
  const active = { model: { ...MODEL, ...model }, price: PRICE, routes: [{}] } as unknown as ActiveModel;
  const models = { findActive: (id: string) => (id === 'openai/gpt-4' ? active : null) } as unknown as ModelsService;
  return new RequestAdmission(models);
}

const request = (overrides: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({
  model: 'openai/gpt-4',
  messages: [{ role: 'user', content: 'Hello world' }],
  ...overrides,
});

describe('RequestAdmission', () => {
  it('refuses an unknown or inactive model with 404 model_not_found', () => {
    expect(() => admission().admit(request({ model: 'openai/nope' }))).toThrow(
      expect.objectContaining({ status: 404, code: 'model_not_found' }),
    );
  });

  it('refuses an embedding model with a 400 naming model and pointing at /v1/embeddings', () => {
    expect(() => admission({ kind: 'embedding' }).admit(request())).toThrow(
      expect.objectContaining({ status: 400, param: 'model', message: expect.stringContaining('/v1/embeddings') }),
    );
  });

  it('holds the prompt plus the output cap at list price, times n', () => {
    const admitted = admission().admit(request({ max_tokens: 100, n: 2 }));
    expect(admitted.promptTokens).toBe(8);
    expect(admitted.maxOutputTokens).toBe(100);
    // 8 × $1/M = 8 µ$, 200 × $2/M = 400 µ$
    expect(admitted.holdMicros).toBe(408n);
  });

  it('without a client cap holds what the context leaves, at most the model output cap or its default', () => {
    expect(admission().admit(request()).maxOutputTokens).toBe(300);
    expect(admission({ contextWindow: 200 }).admit(request()).maxOutputTokens).toBe(192);
    expect(admission({ defaultMaxOutputTokens: 50 }).admit(request()).maxOutputTokens).toBe(50);
  });

  it('refuses prompt + requested output over the context window before any upstream call', () => {
    expect(() => admission({ contextWindow: 100 }).admit(request({ max_tokens: 95 }))).toThrow(
      expect.objectContaining({ status: 400, code: 'context_length_exceeded', param: 'messages' }),
    );
  });

  it('refuses a prompt over the input limit', () => {
    expect(() => admission({ maxInputTokens: 5 }).admit(request())).toThrow(expect.objectContaining({ code: 'context_length_exceeded' }));
  });

  it('names max_completion_tokens or max_tokens when above the model cap', () => {
    expect(() => admission().admit(request({ max_completion_tokens: 301 }))).toThrow(
      expect.objectContaining({ param: 'max_completion_tokens' }),
    );
    expect(() => admission().admit(request({ max_tokens: 301 }))).toThrow(expect.objectContaining({ param: 'max_tokens' }));
  });

  it('refuses images for a model without vision, naming the message', () => {
    const withImage = request({
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }] }],
    });
    expect(() => admission().admit(withImage)).toThrow(expect.objectContaining({ status: 400, param: 'messages.0.content' }));
    expect(admission({ supportsVision: true }).admit(withImage).promptTokens).toBeGreaterThan(765);
  });

  describe('for a model without tool support', () => {
    const noTools = () => admission({ supportsTools: false });
    const WEATHER = { type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object' } } };

    it('refuses tools with 400 naming tools', () => {
      expect(() => noTools().admit(request({ tools: [WEATHER], tool_choice: 'auto' }))).toThrow(
        expect.objectContaining({
          status: 400,
          type: 'invalid_request_error',
          code: 'unsupported_parameter',
          param: 'tools',
          message: 'This model does not support tools (function calling).',
        }),
      );
      expect(admission().admit(request({ tools: [WEATHER] })).promptTokens).toBeGreaterThan(0);
    });

    it('refuses a tool_choice that asks for tools, naming tool_choice', () => {
      for (const toolChoice of ['auto', 'required', { type: 'function', function: { name: 'get_weather' } }] as const) {
        expect(() => noTools().admit(request({ tool_choice: toolChoice }))).toThrow(
          expect.objectContaining({ status: 400, param: 'tool_choice' }),
        );
      }
    });

    it('admits tool_choice "none", an empty tools list and a history of earlier tool calls', () => {
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
      expect(noTools().admit(history).promptTokens).toBeGreaterThan(0);
    });
  });
});
