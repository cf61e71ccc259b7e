import { describe, expect, it } from 'vitest';
import { clientGuides } from './client-guides';

const input = { baseUrl: 'https://gw.example.com/v1', apiKey: 'al-KEY', model: 'openai/gpt-4o' };

describe('clientGuides', () => {
  it('points Claude Code and the Anthropic SDK at the origin, without /v1, with the key and a model', () => {
    const guides = clientGuides(input);
    const claudeCode = guides.find((guide) => guide.id === 'claude-code');
    expect(claudeCode?.code).toContain('export ANTHROPIC_BASE_URL=https://gw.example.com\n');
    expect(claudeCode?.code).toContain('export ANTHROPIC_AUTH_TOKEN=al-KEY');
    expect(claudeCode?.code).toContain('export ANTHROPIC_MODEL=openai/gpt-4o');
    expect(guides.find((guide) => guide.id === 'anthropic-sdk')?.code).toContain("baseURL: 'https://gw.example.com'");
    // The OpenAI-compatible guides keep the /v1 base URL.
    expect(guides.find((guide) => guide.id === 'aider')?.code).toContain('OPENAI_API_BASE=https://gw.example.com/v1');
  });

  it('gives Codex a responses provider on the /v1 base URL and embeddings on the openai SDK', () => {
    const guides = clientGuides(input);
    const codex = guides.find((guide) => guide.id === 'codex')?.code ?? '';
    expect(codex).toContain('[model_providers.apilink]');
    expect(codex).toContain('base_url = "https://gw.example.com/v1"');
    expect(codex).toContain('wire_api = "responses"');
    expect(codex).toContain('env_key = "APILINK_API_KEY"');
    expect(codex).toContain('model = "openai/gpt-4o"');
    expect(guides.find((guide) => guide.id === 'embeddings')?.code).toContain("baseURL: 'https://gw.example.com/v1'");
  });
});
