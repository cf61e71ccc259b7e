/**
 * Everything decided about an embeddings request before money is held: the model is an active
 * embedding model, each input fits its input limit, and the hold is the counted input tokens at the
 * input price (embeddings bill no output).
 */
import { Injectable } from '@nestjs/common';
import { ErrorCode, type EmbeddingRequest } from '@apilink/contracts';
import { AppError } from '../../../common/errors/app-error';
import { ModelsService } from '../../models/models.service';
import { tokenPricesFor } from '../../models/pricing/token-prices';
import type { AdmittedRequest } from '../admission/request-admission';
import { countTextTokens } from '../admission/token-counter';
import { estimateHoldMicros } from '../billing/completion-cost';
import { modelNotFound } from '../errors/completion-errors';
import { embeddingInputs } from './embedding-codec';

@Injectable()
export class EmbeddingAdmission {
  constructor(private readonly models: ModelsService) {}

  /** @throws AppError 404 model_not_found, or 400 naming `model` (a chat model) or the input that is too long. */
  admit(request: EmbeddingRequest): AdmittedRequest {
    const active = this.models.findActive(request.model);
    if (!active) throw modelNotFound(request.model);
    const { model } = active;
    if (model.kind !== 'embedding') {
      throw AppError.invalidRequest(
        `'${request.model}' is a chat model: /v1/embeddings serves embedding models (kind "embedding" in /v1/models).`,
        'model',
      );
    }
    const limit = Math.min(model.maxInputTokens ?? model.contextWindow, model.contextWindow);
    const inputs = embeddingInputs(request.input);
    let promptTokens = 0;
    inputs.forEach((input, index) => {
      const tokens = typeof input === 'string' ? countTextTokens(input) : input.length;
      if (tokens > limit) {
        throw AppError.invalidRequest(
          `This model's maximum input length is ${limit} tokens, but input ${index} has ${tokens} tokens. Please shorten it.`,
          inputs.length === 1 ? 'input' : `input.${index}`,
          ErrorCode.ContextLengthExceeded,
        );
      }
      promptTokens += tokens;
    });
    const prices = tokenPricesFor(active.price, promptTokens);
    return { active, promptTokens, maxOutputTokens: 0, prices, holdMicros: estimateHoldMicros(prices, promptTokens, 0) };
  }
}
