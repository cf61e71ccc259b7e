/** Adapter for Google's Gemini API (generativelanguage v1beta generateContent). */
import { Injectable } from '@nestjs/common';
import { MappedUpstreamAdapter } from '../shared/mapped-upstream-adapter';
import { parseGeminiError } from './gemini.error-parser';
import { mapGeminiRequest } from './gemini.request-mapper';
import { mapGeminiResponse } from './gemini.response-mapper';
import { GeminiStreamParser } from './gemini.stream-parser';

@Injectable()
export class GeminiAdapter extends MappedUpstreamAdapter {
  constructor() {
    super('gemini', {
      buildRequest: mapGeminiRequest,
      parseResponse: mapGeminiResponse,
      createStreamParser: (ctx) => new GeminiStreamParser(ctx),
      parseError: parseGeminiError,
    });
  }
}
