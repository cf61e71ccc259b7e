/** An OpenAI upstream's Response, returned as is but for the client's model id (the sink adds usage with cost). */
import { UpstreamProtocolError } from '../../completions/adapters/errors/upstream-protocol.error';
import { isObject } from '../../completions/adapters/shared/json';
import type { CompletionContext } from '../../completions/completion-context';
import type { CodecAnswer } from '../../completions/pipeline/upstream-codec';
import type { ResponseObject } from '../wire/responses.types';
import { responsesUpstreamUsage } from './responses-upstream-usage';

export function openAiResponsesNativeAnswer(json: unknown, context: CompletionContext): CodecAnswer<ResponseObject> {
  if (!isObject(json) || json.object !== 'response' || !Array.isArray(json.output)) {
    throw new UpstreamProtocolError('OpenAI returned a body that is not a Response');
  }
  const answer = { ...json, model: context.response.model } as unknown as ResponseObject;
  return { answer, usage: responsesUpstreamUsage(json.usage) };
}
