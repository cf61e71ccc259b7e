/**
 * POST /v1/messages and /v1/messages/count_tokens: Anthropic's Messages API on the same keys,
 * credits and upstreams as chat. The completion pipeline does everything but the wire format,
 * which the MessagesSink renders.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { completionsConfig } from '../../config/completions.config';
import type { ConfigOf } from '../../config/define-config';
import { countPromptTokens } from '../completions/admission/token-counter';
import { modelNotFound } from '../completions/errors/completion-errors';
import { CompletionPipeline } from '../completions/pipeline/completion-pipeline';
import { ModelsService } from '../models/models.service';
import { MessagesSink } from './output/messages.sink';
import { allowedBetas } from './passthrough/anthropic-beta';
import { messagesToChat } from './translation/messages-to-chat';
import type { MessagesRequest } from './wire/anthropic-messages.types';

@Injectable()
export class MessagesService {
  constructor(
    private readonly pipeline: CompletionPipeline,
    private readonly models: ModelsService,
    @Inject(completionsConfig.KEY) private readonly config: ConfigOf<typeof completionsConfig>,
  ) {}

  /** Answers on `reply` itself (a message or an event stream); throws AppErrors for the error filter. */
  create(
    request: MessagesRequest,
    betaHeader: string | string[] | undefined,
    caller: ApiKeyPrincipal,
    requestId: string,
    reply: FastifyReply,
  ): Promise<void> {
    const sink = new MessagesSink(request, allowedBetas(betaHeader), this.config.keepAliveIntervalMs);
    return this.pipeline.run(sink, messagesToChat(request, this.outputCap(request)), caller, requestId, reply);
  }

  /** `{input_tokens}` counted as admission counts them, for a model the caller could use. */
  countTokens(request: MessagesRequest): { input_tokens: number } {
    if (!this.models.findActive(request.model)) throw modelNotFound(request.model);
    return { input_tokens: countPromptTokens(messagesToChat(request, undefined)).tokens };
  }

  /**
   * Claude Code asks every model for Claude's output cap (32k and more); a model that writes less
   * answers up to its own cap instead of refusing, as agents switch models freely.
   */
  private outputCap(request: MessagesRequest): number | undefined {
    if (request.max_tokens === undefined) return undefined;
    const limit = this.models.findActive(request.model)?.model.maxOutputTokens;
    return limit === undefined ? request.max_tokens : Math.min(request.max_tokens, limit);
  }
}
