/** Reads Anthropic's `{type:'error', error:{type, message}}` bodies. */
import { asString, isObject } from '../shared/json';
import { fallbackErrorMessage, isRetryableStatus, redactSecrets, tryParseJson } from '../shared/upstream-error';
import type { UpstreamErrorInfo } from '../upstream-adapter';

export function parseAnthropicError(status: number, bodyText: string): UpstreamErrorInfo {
  const json = tryParseJson(bodyText);
  const error = isObject(json) && isObject(json.error) ? json.error : {};
  const message = asString(error.message);
  const type = asString(error.type);
  return {
    message: message ? redactSecrets(message) : fallbackErrorMessage(status, bodyText),
    type,
    code: type,
    // 529 overloaded_error is covered by the 5xx rule.
    retryable: isRetryableStatus(status),
  };
}
