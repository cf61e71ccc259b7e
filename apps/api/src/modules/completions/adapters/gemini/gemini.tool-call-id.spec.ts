import { encodeGeminiToolCallId, thoughtSignatureOf } from './gemini.tool-call-id';

describe('Gemini tool-call ids', () => {
  const signature =
    'EqUCCqICAb4+9vsh8Pd5taZVoPzSvjWWwzBrvhEQWBLCGa7IdY8FBMm7Z6dCKFU3Ft0la15gF7RaHe1NlPRygQec0bFwPDfMwGcUOMNiJiNIKxusCs4ejCZRuouNYQ4etEIt7CujEUHiILLfZXSJZYhs4UCrD2bLqPq0sE0lWgYJnzHkkKUOnMsA2hKffAhtF4DWn5INYj8pPssvch/2VpDFW2F9XSE04zLDzkIWF2eztJX50Y0lTehRZC3FW7fOrXCzGx+PwdataD6eXlF5O1zn+86XtmktOs2DEp4o1PMvXFFAXe8GGvPt8Idf3UtHMq7AsapwMW9sjiKj+FJk54m+9LMTSaj7C86smfvoQryYBEHTVazr1bEnpl4bPG5JUtm2yAMkHj4=';

  it('carries the thought signature through the id and back, byte for byte', () => {
    const id = encodeGeminiToolCallId('call_abc', signature);
    expect(id).toMatch(/^call_abc__thought__[A-Za-z0-9_-]+$/);
    expect(thoughtSignatureOf(id)).toBe(signature);
  });

  it('leaves ids without a signature untouched', () => {
    expect(encodeGeminiToolCallId('call_abc', undefined)).toBe('call_abc');
    expect(thoughtSignatureOf('call_abc')).toBeUndefined();
    expect(thoughtSignatureOf('toolu_01T1x1fJ34qAmk2tNTrN7Up6')).toBeUndefined();
  });
});
