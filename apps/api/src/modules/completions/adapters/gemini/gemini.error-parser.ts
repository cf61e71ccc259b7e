/** Reads Google API error bodies: `{error:{code, message, status}}`, sometimes wrapped in an array. */
import { asString, isObject } from '../shared/json';
import { fallbackErrorMessage, isRetryableStatus, redactSecrets, tryParseJson } from '../shared/upstream-error';
import type { UpstreamErrorInfo } from '../upstream-adapter';

export function parseGeminiError(status: number, bodyText: string): UpstreamErrorInfo {
  let json = tryParseJson(bodyText);
  if (Array.isArray(json)) json = json[0];
  const error = isObject(json) && isObject(json.error) ? json.error : {};
  const message = asString(error.message);
  const googleStatus = asString(error.status);
  return {
    message: message ? redactSecrets(message) : fallbackErrorMessage(status, bodyText),
    type: googleStatus,
    code: googleStatus,
    retryable: isRetryableStatus(status),
  };
}
