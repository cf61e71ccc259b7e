import { OPENAI_QUIRKS, validateQuirks } from './openai-compat.quirks';
import { OPENAI_COMPAT_PROVIDERS } from '../../completions/adapters/openai-compatible/openai-compat.providers';

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

describe('built-in OpenAI-compatible providers', () => {
  it('all carry valid quirks and https base URLs without a trailing slash', () => {
    for (const provider of Object.values(OPENAI_COMPAT_PROVIDERS)) {
      expect(validateQuirks(provider.quirks)).toEqual(provider.quirks);
      expect(provider.baseUrl).toMatch(/^https:\/\/[^ ]+[^/]$/);
    }
  });

  it('use the base URLs of the official SDKs', () => {
    expect(OPENAI_COMPAT_PROVIDERS.openai.baseUrl).toBe('https://api.openai.com/v1');
    expect(OPENAI_COMPAT_PROVIDERS.deepseek.baseUrl).toBe('https://api.deepseek.com');
    expect(OPENAI_COMPAT_PROVIDERS.groq.baseUrl).toBe('https://api.groq.com/openai/v1');
    expect(OPENAI_COMPAT_PROVIDERS.fireworks.baseUrl).toBe('https://api.fireworks.ai/inference/v1');
  });

  it('keep OpenAI itself free of quirks', () => {
    expect(OPENAI_COMPAT_PROVIDERS.openai.quirks).toEqual(OPENAI_QUIRKS);
  });
});
