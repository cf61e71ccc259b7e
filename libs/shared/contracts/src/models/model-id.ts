/** Public model ids are `<provider>/<upstream model id>`; the upstream id may itself contain `/`. */

/** The built-in demo model that answers in-process when no upstream provider is configured. */
export const ECHO_MODEL_ID = 'apilink/echo';

export interface ModelIdParts {
  provider: string;
  upstreamModel: string;
}

/** Splits on the first `/` only; null when the id has no provider prefix or an empty half. */
export function splitModelId(id: string): ModelIdParts | null {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return null;
  return { provider: id.slice(0, slash), upstreamModel: id.slice(slash + 1) };
}
