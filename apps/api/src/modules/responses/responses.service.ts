/**
 * POST /v1/responses: OpenAI's Responses API, stateless, on the same keys, credits and upstreams as
 * chat. The request's chat form drives the completion pipeline (admission, hold, failover,
 * settlement) and every upstream's adapter; the ResponsesSink renders a Response or its events.
 * Parameter names in refusals are the Responses ones the client sent, not their chat forms.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { completionsConfig } from '../../config/completions.config';
import type { ConfigOf } from '../../config/define-config';
import { CompletionPipeline } from '../completions/pipeline/completion-pipeline';
import { ResponseStreamState } from './output/response-stream-state';
import { newItemId } from './output/response-shell';
import { ResponsesSink } from './output/responses.sink';
import { responsesToChat } from './translation/responses-to-chat';
import type { ResponsesRequest } from './wire/responses.types';

/** Chat parameter → the Responses parameter it came from. */
const RESPONSES_PARAM: Record<string, string> = {
  response_format: 'text.format',
  max_completion_tokens: 'max_output_tokens',
  max_tokens: 'max_output_tokens',
  reasoning_effort: 'reasoning.effort',
  messages: 'input',
};

@Injectable()
export class ResponsesService {
  constructor(
    private readonly pipeline: CompletionPipeline,
    @Inject(completionsConfig.KEY) private readonly config: ConfigOf<typeof completionsConfig>,
  ) {}

  /** Answers on `reply` itself (a Response or an event stream); throws AppErrors for the error filter. */
  async create(request: ResponsesRequest, caller: ApiKeyPrincipal, requestId: string, reply: FastifyReply): Promise<void> {
    const state = new ResponseStreamState(request, newItemId('resp'), Math.floor(Date.now() / 1000));
    try {
      await this.pipeline.run(
        new ResponsesSink(state, this.config.keepAliveIntervalMs),
        responsesToChat(request),
        caller,
        requestId,
        reply,
      );
    } catch (error) {
      throw withResponsesParam(error);
    }
  }
}

function withResponsesParam(error: unknown): unknown {
  if (!(error instanceof AppError) || error.param === null) return error;
  const [head, ...rest] = error.param.split('.');
  const renamed = RESPONSES_PARAM[head];
  if (!renamed) return error;
  const param = [renamed, ...rest].join('.');
  return new AppError(error.message.split(error.param).join(param), {
    status: error.status,
    type: error.type,
    code: error.code,
    param,
    headers: error.headers,
  });
}
