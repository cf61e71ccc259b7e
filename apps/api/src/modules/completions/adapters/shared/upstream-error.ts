/** Pieces every protocol's error parser shares: retry policy by status, safe messages. */

/** 408, 429 and 5xx (Anthropic's 529 included) are transient; other 4xx will fail again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

// Upstream messages sometimes echo the key they rejected ("Incorrect API key provided: sk-...").
const SECRET_PATTERNS: RegExp[] = [/\bsk-[A-Za-z0-9_*-]{6,}/g, /\bAIza[0-9A-Za-z_-]{10,}/g, /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi];

export function redactSecrets(message: string): string {
  return SECRET_PATTERNS.reduce((text, pattern) => text.replace(pattern, '[redacted]'), message);
}

/** Parses a body that may be JSON; undefined when it is not. */
export function tryParseJson(bodyText: string): unknown {
  try {
    return JSON.parse(bodyText);
  } catch {
    return undefined;
  }
}

/** Message for bodies with no usable message: a short, redacted excerpt or the status alone. */
export function fallbackErrorMessage(status: number, bodyText: string): string {
  const excerpt = bodyText.trim().slice(0, 300);
  return redactSecrets(excerpt ? `Upstream returned HTTP ${status}: ${excerpt}` : `Upstream returned HTTP ${status}`);
}
