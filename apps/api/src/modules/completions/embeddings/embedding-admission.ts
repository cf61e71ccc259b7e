/**
 * Everything decided about an embeddings request before money is held: the model is an active
 * embedding model, the account has credit (before any counting), each input fits its input limit,
 * and the hold is the counted input tokens at the input price (embeddings bill no output). All the
 * inputs share one counting budget, and the hold covers the count's upper bound.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type EmbeddingRequest } from '@apilink/contracts';
import { AppError } from '../../../common/errors/app-error';
import { REQUEST_BILLING, type RequestBilling } from '../../billing/request-billing.port';
import { ModelsService } from '../../models/models.service';
import { tokenPricesFor } from '../../billing/pricing/token-prices';
import type { AdmittedRequest } from '../admission/request-admission';
import { BoundedTokenCount } from '../admission/bounded-token-count';
import { isPriced } from '../admission/priced-model';
import { estimateHoldMicros } from '../../billing/pricing/completion-cost';
import { modelNotFound } from '../errors/completion-errors';
import { embeddingInputs } from './embedding-codec';

@Injectable()
export class EmbeddingAdmission {
  constructor(
    private readonly models: ModelsService,
    @Inject(REQUEST_BILLING) private readonly billing: RequestBilling,
  ) {}

  /** @throws AppError 404 model_not_found, 402 (no credit at all), or 400 naming `model` (a chat model) or the input that is too long. */
  async admit(request: EmbeddingRequest, userId: string): Promise<AdmittedRequest> {
    const active = this.models.findActive(request.model);
    if (!active) throw modelNotFound(request.model);
    const { model } = active;
    if (model.kind !== 'embedding') {
      throw AppError.invalidRequest(
        `'${request.model}' is a chat model: /v1/embeddings serves embedding models (kind "embedding" in /v1/models).`,
        'model',
      );
    }
    if (isPriced(active)) await this.billing.assertFunded(userId);
    const limit = Math.min(model.maxInputTokens ?? model.contextWindow, model.contextWindow);
    const inputs = embeddingInputs(request.input);
    const count = new BoundedTokenCount();
    let promptTokens = 0;
    let heldTokens = 0;
    inputs.forEach((input, index) => {
      const counted = typeof input === 'string' ? count.addText(input) : { tokens: input.length, upperBound: input.length };
      const tokens = counted.tokens;
      if (tokens > limit) {
        throw AppError.invalidRequest(
          `This model's maximum input length is ${limit} tokens, but input ${index} has ${tokens} tokens. Please shorten it.`,
          inputs.length === 1 ? 'input' : `input.${index}`,
          ErrorCode.ContextLengthExceeded,
        );
      }
      promptTokens += tokens;
      // No upstream embeds (or bills) more of an input than its limit.
      heldTokens += Math.min(counted.upperBound, limit);
    });
    const prices = tokenPricesFor(active.price, heldTokens);
    return { active, promptTokens, maxOutputTokens: 0, prices, holdMicros: estimateHoldMicros(prices, heldTokens, 0) };
  }
}
