import { parseEnv } from '../../config/env-parser';
import { UPSTREAM_PROVIDERS } from './providers/upstream-providers';
import { upstreamsConfig } from './upstreams.config';

function load(env: Record<string, string>) {
  const saved = process.env;
  process.env = { ...env };
  try {
    return upstreamsConfig();
  } finally {
    process.env = saved;
  }
}

describe('upstreams config, generated from the provider table', () => {
  it('makes an account for each provider whose key is set, at its default base URL unless overridden', () => {
    const config = load({ OPENAI_API_KEY: 'sk-a', DASHSCOPE_API_KEY: 'sk-b', DASHSCOPE_BASE_URL: 'http://127.0.0.1:9/v1/' });
    expect(config.providerAccounts).toEqual([
      { id: 'openai', protocol: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-a', quirksPreset: 'openai' },
      { id: 'alibaba', protocol: 'openai', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-b', quirksPreset: 'alibaba' },
    ]);
    expect(config.echoEnabled).toBe(false);
    expect(load({}).echoEnabled).toBe(true);
  });

  it('declares <PREFIX>_API_KEY and <PREFIX>_BASE_URL for every provider with an env prefix, defaulting the URL', () => {
    const schema = upstreamsConfig.schema as new () => object;
    const env = parseEnv(schema, {}) as Record<string, unknown>;
    for (const provider of UPSTREAM_PROVIDERS.filter((row) => row.envPrefix)) {
      expect(env[`${provider.envPrefix}_BASE_URL`]).toBe(provider.defaultBaseUrl);
      expect(() => parseEnv(schema, { [`${provider.envPrefix}_BASE_URL`]: 'not a url' })).toThrow(
        `${provider.envPrefix}_BASE_URL must be a URL address`,
      );
    }
    expect(env).not.toHaveProperty('OPENROUTER_BASE_URL');
  });
});
