/** Adapter for Google's Gemini API (generativelanguage v1beta generateContent). */
import { Injectable } from '@nestjs/common';
import { MappedUpstreamAdapter } from '../shared/mapped-upstream-adapter';
import { parseGeminiError } from './gemini.error-parser';
import { mapGeminiRequest } from './gemini.request-mapper';
import { mapGeminiResponse } from './gemini.response-mapper';
import { GeminiStreamParser } from './gemini.stream-parser';

/** What Google's SDKs use; the adapter appends /v1beta/models/{model}:... */
export const GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';

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
