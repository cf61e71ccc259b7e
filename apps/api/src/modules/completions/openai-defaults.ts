/**
 * Fields OpenAI always sends in a non-streamed completion, as null when unused (`logprobs` per
 * choice, `refusal` per message). Its published schema requires them and some clients read them,
 * so the gateway adds them whatever the upstream's protocol. (Adapters may set them; this only fills gaps.)
 */
import type { ChatCompletion } from '@apilink/contracts';

export function withOpenAiDefaults(completion: ChatCompletion): ChatCompletion {
  for (const choice of completion.choices) {
    if (choice.logprobs === undefined) choice.logprobs = null;
    if (choice.message.refusal === undefined) choice.message.refusal = null;
  }
  return completion;
}
