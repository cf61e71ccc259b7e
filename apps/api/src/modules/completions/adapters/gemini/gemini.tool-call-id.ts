/**
 * Gemini 3 rejects a conversation whose earlier function calls come back without the
 * `thoughtSignature` it attached to them, and OpenAI's format has no field for it. The signature
 * therefore travels inside the tool-call id the client echoes back: `call_<random>__thought__<b64url>`.
 */
const MARKER = '__thought__';

/**
 * Google's documented placeholder for function calls that carry no real signature (history from
 * another model, or a client that rewrote ids): it makes Gemini 3 skip validation.
 */
export const SKIP_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';

export function encodeGeminiToolCallId(baseId: string, thoughtSignature: string | undefined): string {
  if (!thoughtSignature) return baseId;
  return `${baseId}${MARKER}${Buffer.from(thoughtSignature, 'base64').toString('base64url')}`;
}

/** The signature hidden in an id made by encodeGeminiToolCallId, if any. */
export function thoughtSignatureOf(toolCallId: string): string | undefined {
  const at = toolCallId.indexOf(MARKER);
  if (at === -1) return undefined;
  const encoded = toolCallId.slice(at + MARKER.length);
  return encoded ? Buffer.from(encoded, 'base64url').toString('base64') : undefined;
}
