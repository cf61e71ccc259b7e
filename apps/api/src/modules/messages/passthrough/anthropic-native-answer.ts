/** An Anthropic upstream's message, returned as is but for the client's model id and usage with cost. */
import { UpstreamProtocolError } from '../../completions/adapters/errors/upstream-protocol.error';
import { readAnthropicUsage, toUpstreamUsage } from '../../completions/adapters/anthropic/anthropic.usage';
import { isObject } from '../../completions/adapters/shared/json';
import type { CompletionContext } from '../../completions/completion-context';
import type { CodecAnswer } from '../../completions/pipeline/upstream-codec';
import { messageUsage } from '../output/message-usage';
import type { MessageObject } from '../wire/anthropic-messages.types';

export function anthropicNativeAnswer(json: unknown, context: CompletionContext): CodecAnswer<MessageObject> {
  if (!isObject(json) || json.type !== 'message' || !Array.isArray(json.content)) {
    throw new UpstreamProtocolError('Anthropic returned a body that is not a message');
  }
  const usage = isObject(json.usage) ? toUpstreamUsage(readAnthropicUsage(json.usage)) : null;
  const message = { ...json, model: context.response.model } as unknown as MessageObject;
  // Fields Anthropic adds to usage later (service_tier, server tool counts) stay; the counts are ours.
  if (usage) message.usage = { ...(json.usage as object), ...messageUsage(usage, context) };
  return { answer: message, usage };
}
