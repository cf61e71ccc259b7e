/** The official Anthropic SDK pointed at the gateway, as Claude Code configures it, never retrying on its own. */
import Anthropic from '@anthropic-ai/sdk';
import type { TestApp } from '../../../support/test-app';

export function anthropicClient(testApp: TestApp, apiKey: string, via: 'x-api-key' | 'bearer' = 'x-api-key'): Anthropic {
  const credentials = via === 'x-api-key' ? { apiKey, authToken: null } : { apiKey: null, authToken: apiKey };
  return new Anthropic({ ...credentials, baseURL: testApp.url, maxRetries: 0, timeout: 20_000 });
}
