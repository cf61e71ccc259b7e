/** Nest providers for the adapters, the UPSTREAM_ADAPTERS collection and the registry over it. */
import type { Provider } from '@nestjs/common';
import { AnthropicAdapter } from './anthropic/anthropic.adapter';
import { GeminiAdapter } from './gemini/gemini.adapter';
import { OpenAiCompatibleAdapter } from './openai-compatible/openai-compat.adapter';
import type { UpstreamAdapter } from './upstream-adapter';
import { UpstreamAdapterRegistry } from './upstream-adapter.registry';
import { UPSTREAM_ADAPTERS } from './upstream-adapter.tokens';

const ADAPTER_CLASSES = [OpenAiCompatibleAdapter, AnthropicAdapter, GeminiAdapter];

export const UPSTREAM_ADAPTER_PROVIDERS: Provider[] = [
  ...ADAPTER_CLASSES,
  {
    provide: UPSTREAM_ADAPTERS,
    useFactory: (...adapters: UpstreamAdapter[]) => adapters,
    inject: ADAPTER_CLASSES,
  },
  UpstreamAdapterRegistry,
];
