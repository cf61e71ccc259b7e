/** The parameters of `params` the client actually set, which a request mapper is about to leave out. */
import type { ChatCompletionRequest, ChatCompletionRequestParam } from '@apilink/contracts';

export function setParams(req: ChatCompletionRequest, params: readonly ChatCompletionRequestParam[]): string[] {
  return params.filter((param) => req[param] !== undefined && req[param] !== null);
}
