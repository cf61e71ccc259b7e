/** Adapter for every provider speaking OpenAI's Chat Completions protocol, steered by quirks. */
import { Injectable } from '@nestjs/common';
import { MappedUpstreamAdapter } from '../shared/mapped-upstream-adapter';
import { parseOpenAiCompatError } from './openai-compat.error-parser';
import { OPENAI_QUIRKS } from '../../../upstreams/providers/openai-compat.quirks';
import { mapOpenAiCompatRequest } from './openai-compat.request-mapper';
import { mapOpenAiCompatResponse } from './openai-compat.response-mapper';
import { OpenAiCompatStreamParser } from './openai-compat.stream-parser';

@Injectable()
export class OpenAiCompatibleAdapter extends MappedUpstreamAdapter {
  constructor() {
    super('openai', {
      buildRequest: mapOpenAiCompatRequest,
      // Usage accounting depends on the target's quirks, which the caller passes in ctx.
      parseResponse: (json, ctx) => mapOpenAiCompatResponse(json, ctx, ctx.quirks ?? OPENAI_QUIRKS),
      createStreamParser: (ctx) => new OpenAiCompatStreamParser(ctx, ctx.quirks ?? OPENAI_QUIRKS),
      parseError: parseOpenAiCompatError,
    });
  }
}
