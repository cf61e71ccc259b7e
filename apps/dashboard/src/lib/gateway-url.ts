import { OPENAI_API_PREFIX } from '@apilink/contracts';

/** The OpenAI-compatible base URL customers configure: wherever this dashboard is served from. */
export function gatewayBaseUrl(): string {
  return `${window.location.origin}${OPENAI_API_PREFIX}`;
}

/** Shown in snippets instead of a real secret (keys are never stored by the dashboard). */
export const PLACEHOLDER_KEY = 'al-YOUR_API_KEY';
