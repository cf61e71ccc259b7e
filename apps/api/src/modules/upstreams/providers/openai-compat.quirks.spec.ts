import { OPENAI_QUIRKS, validateQuirks } from './openai-compat.quirks';
import { QUIRKS_PRESETS } from './quirks-presets';
import { UPSTREAM_PROVIDERS } from './upstream-providers';

describe('validateQuirks', () => {
  it("fills a partial record with OpenAI's behaviour", () => {
    expect(validateQuirks({ streamUsage: 'never' })).toEqual({ ...OPENAI_QUIRKS, streamUsage: 'never' });
  });

  it('rejects unknown keys so a typo in configuration fails at boot', () => {
    expect(() => validateQuirks({ dropParam: ['seed'] }, 'provider acme')).toThrow('provider acme: unknown key "dropParam"');
  });

  it('reports every problem at once', () => {
    let message = '';
    try {
      validateQuirks({
        renameParams: { max_completion_tokens: 'Max-Tokens', bogus: 'x' },
        dropParams: ['seed', 'stream'],
        rejectParams: ['seed'],
        streamUsage: 'sometimes',
        developerRole: 'admin',
        flattenTextContent: 'yes',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('renameParams.max_completion_tokens: target must be a snake_case name');
    expect(message).toContain('"bogus" is not a renamable request parameter');
    expect(message).toContain('dropParams: "stream" is not a request parameter the gateway forwards');
    expect(message).toContain('"seed" cannot be both dropped and rejected');
    expect(message).toContain('streamUsage must be');
    expect(message).toContain('developerRole must be');
    expect(message).toContain('flattenTextContent must be a boolean');
  });

  it('rejects non-objects', () => {
    expect(() => validateQuirks(null)).toThrow('expected an object');
    expect(() => validateQuirks(['x'])).toThrow('expected an object');
  });
});

describe('the provider table', () => {
  it('gives every provider an https default base URL without a trailing slash, and unique ids and env prefixes', () => {
    for (const provider of UPSTREAM_PROVIDERS) expect(provider.defaultBaseUrl).toMatch(/^https:\/\/[^ ]+[^/]$/);
    const ids = UPSTREAM_PROVIDERS.map((provider) => provider.id);
    const prefixes = UPSTREAM_PROVIDERS.flatMap((provider) => (provider.envPrefix ? [provider.envPrefix] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('gives quirks to OpenAI-compatible providers only', () => {
    for (const provider of UPSTREAM_PROVIDERS) if (provider.protocol !== 'openai') expect(provider.quirks).toBeUndefined();
  });

  it('makes one valid preset per OpenAI-compatible provider, under the names saved accounts use', () => {
    for (const quirks of QUIRKS_PRESETS.values()) expect(validateQuirks(quirks)).toEqual(quirks);
    expect([...QUIRKS_PRESETS.keys()].sort()).toEqual([
      'alibaba',
      'cerebras',
      'cohere',
      'deepinfra',
      'deepseek',
      'fireworks',
      'groq',
      'mistral',
      'moonshot',
      'nebius',
      'openai',
      'openrouter',
      'perplexity',
      'together',
      'xai',
      'zai',
    ]);
  });

  it('keeps OpenAI itself free of chat quirks, and only it serving the Responses API', () => {
    expect(QUIRKS_PRESETS.get('openai')).toEqual({ ...OPENAI_QUIRKS, responsesApi: true });
    expect([...QUIRKS_PRESETS].filter(([, quirks]) => quirks.responsesApi).map(([name]) => name)).toEqual(['openai']);
    expect(QUIRKS_PRESETS.get('mistral')?.renameParams).toEqual({ max_completion_tokens: 'max_tokens', seed: 'random_seed' });
  });
});
