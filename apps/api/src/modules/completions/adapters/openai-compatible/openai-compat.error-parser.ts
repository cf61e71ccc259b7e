/** Reads error bodies of OpenAI and the many loosely compatible servers. */
import { asString, isObject } from '../shared/json';
import { fallbackErrorMessage, isRetryableStatus, redactSecrets, tryParseJson } from '../shared/upstream-error';
import type { UpstreamErrorInfo } from '../upstream-adapter';

export function parseOpenAiCompatError(status: number, bodyText: string): UpstreamErrorInfo {
  const json = tryParseJson(bodyText);
  const body = isObject(json) ? json : {};
  // OpenAI nests {error:{...}}; Mistral/vLLM-style servers put message/type at the top level.
  const error = isObject(body.error) ? body.error : body;
  const message = asString(error.message) ?? asString(body.error) ?? asString(body.detail);
  const code = error.code === undefined || error.code === null ? undefined : String(error.code);
  return {
    message: message ? redactSecrets(message) : fallbackErrorMessage(status, bodyText),
    type: asString(error.type),
    code,
    // An exhausted upstream account will not recover by retrying, whatever the status says.
    retryable: isRetryableStatus(status) && code !== 'insufficient_quota',
  };
}
