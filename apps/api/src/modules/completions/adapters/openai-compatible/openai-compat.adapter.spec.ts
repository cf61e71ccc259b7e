import { readFixture } from '../__testing__/fixtures';
import { testResponseContext } from '../__testing__/response-context';
import { feedPieces } from '../__testing__/stream-feeding';
import { OpenAiCompatibleAdapter } from './openai-compat.adapter';
import { QUIRKS_PRESETS } from '../../../upstreams/providers/quirks-presets';

describe('OpenAiCompatibleAdapter', () => {
  const adapter = new OpenAiCompatibleAdapter();
  const xaiStream = readFixture(__dirname, 'xai-reasoning-tool-call.sse');

  it('serves the openai protocol', () => {
    expect(adapter.protocol).toBe('openai');
  });

  it("applies the quirks passed in the response context, OpenAI's otherwise", () => {
    const withQuirks = adapter.createStreamParser(testResponseContext({ quirks: QUIRKS_PRESETS.get('xai')! }));
    feedPieces(withQuirks, [xaiStream]);
    expect(withQuirks.usage?.completionUsage.completion_tokens).toBe(26 + 227);

    const withoutQuirks = adapter.createStreamParser(testResponseContext());
    feedPieces(withoutQuirks, [xaiStream]);
    expect(withoutQuirks.usage?.completionUsage.completion_tokens).toBe(26);
  });

  it('uses the same quirks for non-streaming responses', () => {
    const json = { choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, completion_tokens_details: { reasoning_tokens: 3 } } };
    const parsed = adapter.parseResponse(json, testResponseContext({ quirks: QUIRKS_PRESETS.get('xai')! }));
    expect(parsed.usage?.completionUsage).toMatchObject({ completion_tokens: 5, total_tokens: 6 });
  });
});
