import type { FastifyReply } from 'fastify';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import type { CompletionPipeline } from '../completions/pipeline/completion-pipeline';
import type { ModelsService } from '../models/models.service';
import { MessagesService } from './messages.service';
import { MessagesSink } from './output/messages.sink';

function service(maxOutputTokens: number | null) {
  const pipeline = { run: jest.fn().mockResolvedValue(undefined) };
  const models = { findActive: jest.fn(() => (maxOutputTokens === null ? null : { model: { maxOutputTokens } })) };
  const config = { keepAliveIntervalMs: 1000 } as never;
  return {
    pipeline,
    models,
    messages: new MessagesService(pipeline as unknown as CompletionPipeline, models as unknown as ModelsService, config),
  };
}

const caller = { kind: 'api-key', userId: 'u', keyId: 'k' } as ApiKeyPrincipal;
const reply = {} as FastifyReply;

describe('MessagesService', () => {
  it('runs the pipeline with the Messages sink and the chat form, max_tokens lowered to the model cap', async () => {
    const { pipeline, messages } = service(16_384);
    await messages.create(
      { model: 'openai/gpt-4o', max_tokens: 32_000, messages: [{ role: 'user', content: 'Hi' }] },
      'claude-code-20250219',
      caller,
      'req-1',
      reply,
    );
    const [sink, chat, runCaller, requestId] = pipeline.run.mock.calls[0];
    expect(sink).toBeInstanceOf(MessagesSink);
    expect(chat).toMatchObject({ model: 'openai/gpt-4o', max_tokens: 16_384, messages: [{ role: 'user', content: 'Hi' }] });
    expect([runCaller, requestId]).toEqual([caller, 'req-1']);
  });

  it('keeps a max_tokens within the cap, and leaves it to admission when absent', async () => {
    const { pipeline, messages } = service(64_000);
    await messages.create({ model: 'm', max_tokens: 1000, messages: [{ role: 'user', content: 'Hi' }] }, undefined, caller, 'r', reply);
    await messages.create({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] }, undefined, caller, 'r', reply);
    expect(pipeline.run.mock.calls[0][1].max_tokens).toBe(1000);
    expect(pipeline.run.mock.calls[1][1].max_tokens).toBeUndefined();
  });

  it('counts tokens for a served model and answers 404 for an unknown one', () => {
    const request = { model: 'm', messages: [{ role: 'user' as const, content: 'Hello there' }] };
    expect(service(1000).messages.countTokens(request)).toEqual({ input_tokens: expect.any(Number) });
    expect(service(1000).messages.countTokens(request).input_tokens).toBeGreaterThan(2);
    expect(() => service(null).messages.countTokens(request)).toThrow(AppError);
  });
});
