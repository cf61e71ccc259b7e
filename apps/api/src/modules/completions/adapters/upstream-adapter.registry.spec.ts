import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AnthropicAdapter } from './anthropic/anthropic.adapter';
import { GeminiAdapter } from './gemini/gemini.adapter';
import { OpenAiCompatibleAdapter } from './openai-compatible/openai-compat.adapter';
import { UPSTREAM_ADAPTER_PROVIDERS } from './upstream-adapter.providers';
import { buildUpstreamAdapterMap, UpstreamAdapterRegistry } from './upstream-adapter.registry';

describe('upstream adapter registry', () => {
  const all = () => [new OpenAiCompatibleAdapter(), new AnthropicAdapter(), new GeminiAdapter()];

  it('indexes one adapter per protocol', () => {
    const map = buildUpstreamAdapterMap(all());
    expect([...map.keys()].sort()).toEqual(['anthropic', 'gemini', 'openai']);
    expect(map.get('anthropic')).toBeInstanceOf(AnthropicAdapter);
  });

  it('fails on two adapters for the same protocol, naming both classes', () => {
    expect(() => buildUpstreamAdapterMap([...all(), new GeminiAdapter()])).toThrow(/protocol "gemini": GeminiAdapter and GeminiAdapter/);
  });

  it('fails when a protocol has no adapter', () => {
    expect(() => buildUpstreamAdapterMap([new OpenAiCompatibleAdapter()])).toThrow(/anthropic, gemini/);
  });

  it('is assembled by Nest from the UPSTREAM_ADAPTERS providers', async () => {
    @Module({ providers: UPSTREAM_ADAPTER_PROVIDERS })
    class AdaptersModule {}
    const app = await NestFactory.createApplicationContext(AdaptersModule, { logger: false });
    try {
      const registry = app.get(UpstreamAdapterRegistry);
      expect(registry.get('openai')).toBeInstanceOf(OpenAiCompatibleAdapter);
      expect(registry.get('gemini').protocol).toBe('gemini');
    } finally {
      await app.close();
    }
  });
});
