/** Adapter for Anthropic's Messages API. */
import { Injectable } from '@nestjs/common';
import { MappedUpstreamAdapter } from '../shared/mapped-upstream-adapter';
import { parseAnthropicError } from './anthropic.error-parser';
import { mapAnthropicRequest } from './anthropic.request-mapper';
import { mapAnthropicResponse } from './anthropic.response-mapper';
import { AnthropicStreamParser } from './anthropic.stream-parser';

@Injectable()
export class AnthropicAdapter extends MappedUpstreamAdapter {
  constructor() {
    super('anthropic', {
      buildRequest: mapAnthropicRequest,
      parseResponse: mapAnthropicResponse,
      createStreamParser: (ctx) => new AnthropicStreamParser(ctx),
      parseError: parseAnthropicError,
    });
  }
}
