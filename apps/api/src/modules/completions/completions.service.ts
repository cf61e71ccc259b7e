/** POST /v1/chat/completions: the completion pipeline with the OpenAI chat sink. */
import { Inject, Injectable } from '@nestjs/common';
import type { ChatCompletionRequest } from '@apilink/contracts';
import type { FastifyReply } from 'fastify';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { completionsConfig } from '../../config/completions.config';
import type { ConfigOf } from '../../config/define-config';
import { ChatCompletionSink } from './chat/chat-completion.sink';
import { CompletionPipeline } from './pipeline/completion-pipeline';

@Injectable()
export class CompletionsService {
  private readonly sink: ChatCompletionSink;

  constructor(
    private readonly pipeline: CompletionPipeline,
    @Inject(completionsConfig.KEY) config: ConfigOf<typeof completionsConfig>,
  ) {
    this.sink = new ChatCompletionSink(config.keepAliveIntervalMs);
  }

  /** Answers on `reply` itself (JSON or event stream); throws AppErrors for the error filter. */
  create(request: ChatCompletionRequest, caller: ApiKeyPrincipal, requestId: string, reply: FastifyReply): Promise<void> {
    return this.pipeline.run(this.sink, request, caller, requestId, reply);
  }
}
