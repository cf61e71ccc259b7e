/**
 * Everything decided before money is held or an upstream is called: is the model active, can it
 * take the request's images and tools, has the account any credit, does the request fit its
 * context window and output cap, and what is the worst case it can cost. The cheap checks come
 * before counting the prompt's tokens, the one costly step.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ECHO_MODEL_ID, type ChatCompletionRequest } from '@apilink/contracts';
import { REQUEST_BILLING, type RequestBilling } from '../../billing/request-billing.port';
import type { ActiveModel } from '../../models/active-model';
import { ModelsService } from '../../models/models.service';
import { tokenPricesFor, type TokenPrices } from '../../billing/pricing/token-prices';
import { AppError } from '../../../common/errors/app-error';
import { contextLengthExceeded, modelNotFound, unsupportedParameter } from '../errors/completion-errors';
import { estimateHoldMicros } from '../../billing/pricing/completion-cost';
import { isPriced } from './priced-model';
import { countPromptTokens } from './token-counter';

export interface AdmittedRequest {
  active: ActiveModel;
  /** The prompt's tokens: exact, or past the counting budget an estimate (see BoundedTokenCount). */
  promptTokens: number;
  /** Output tokens per choice the hold covers (and Anthropic's max_tokens): the client's cap, the model's default, or all the context leaves. */
  maxOutputTokens: number;
  /** Prices for the held size of the request (long-context tiers applied). */
  prices: TokenPrices;
  /** Covers the prompt's upper bound (capped at the context window, which no upstream bills past) and the output cap. */
  holdMicros: bigint;
}

@Injectable()
export class RequestAdmission {
  constructor(
    private readonly models: ModelsService,
    @Inject(REQUEST_BILLING) private readonly billing: RequestBilling,
  ) {}

  /**
   * @throws AppError 404 model_not_found, 402 insufficient_quota (no credit at all; the hold decides
   *   the rest), 400 context_length_exceeded or 400 naming a parameter.
   */
  async admit(request: ChatCompletionRequest, userId: string): Promise<AdmittedRequest> {
    const active = this.models.findActive(request.model);
    if (!active) throw modelNotFound(request.model, this.models.findActive(ECHO_MODEL_ID) ? ECHO_MODEL_ID : null);
    const { model } = active;
    if (model.kind !== 'chat') {
      throw AppError.invalidRequest(`'${request.model}' is an embedding model: send it to POST /v1/embeddings.`, 'model');
    }
    if (!model.supportsVision) rejectImages(request);
    if (!model.supportsTools) rejectTools(request);

    const requested = request.max_completion_tokens ?? request.max_tokens ?? null;
    if (requested !== null && requested > model.maxOutputTokens) {
      const param = request.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
      throw AppError.invalidRequest(
        `${param} is too large: ${requested}. This model supports at most ${model.maxOutputTokens} completion tokens.`,
        param,
      );
    }
    if (isPriced(active)) await this.billing.assertFunded(userId);

    const prompt = countPromptTokens(request);
    const promptTokens = prompt.tokens;
    const inputLimit = Math.min(model.maxInputTokens ?? model.contextWindow, model.contextWindow);
    if (promptTokens + (requested ?? 0) > model.contextWindow || promptTokens >= inputLimit) {
      throw contextLengthExceeded(model.contextWindow, promptTokens, requested ?? 0);
    }
    // Without a client cap: the admin's default for the model, else all the model may write; never more than fits.
    const maxOutputTokens =
      requested ?? Math.min(model.defaultMaxOutputTokens ?? model.maxOutputTokens, model.contextWindow - promptTokens);
    const heldPromptTokens = Math.min(prompt.upperBound, model.contextWindow);
    const prices = tokenPricesFor(active.price, heldPromptTokens);
    const holdMicros = estimateHoldMicros(prices, heldPromptTokens, maxOutputTokens * (request.n ?? 1));
    return { active, promptTokens, maxOutputTokens, prices, holdMicros };
  }
}

/**
 * Refuses what asks this model to call tools: a non-empty `tools`, or a `tool_choice` other than
 * "none"; an upstream without function calling can honour neither (code `unsupported_parameter`,
 * like an adapter's refusal of a parameter). Earlier assistant `tool_calls` and `tool` messages
 * are not refused: they record past turns, not a request to call anything, and clients replay
 * them when a conversation moves to another model; an upstream that cannot read them answers with
 * its own 400, which reaches the client. The legacy `functions`/`function_call` never get here:
 * the validator refuses them as unknown parameters.
 */
function rejectTools(request: ChatCompletionRequest): void {
  const param = request.tools?.length ? 'tools' : request.tool_choice != null && request.tool_choice !== 'none' ? 'tool_choice' : null;
  if (param) throw unsupportedParameter(param, 'This model does not support tools (function calling).');
}

function rejectImages(request: ChatCompletionRequest): void {
  request.messages.forEach((message, index) => {
    if (Array.isArray(message.content) && message.content.some((part) => part.type === 'image_url')) {
      throw AppError.invalidRequest('This model does not accept image inputs.', `messages.${index}.content`);
    }
  });
}
