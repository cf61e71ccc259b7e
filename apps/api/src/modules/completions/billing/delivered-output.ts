/**
 * The output a client actually received, kept as references to the streamed text (no copying per
 * chunk) and counted only when needed: when the upstream reported no usage, or the client left
 * early and is billed for the prompt plus what it got. Error text is never added.
 */
import type { ChatCompletion, ChatCompletionChunk } from '@apilink/contracts';
import { countTextTokens } from '../admission/token-counter';

export class DeliveredOutput {
  private readonly pieces: string[] = [];

  addChunk(chunk: ChatCompletionChunk): void {
    for (const choice of chunk.choices) {
      const { delta } = choice;
      if (delta.content) this.pieces.push(delta.content);
      if (delta.reasoning_content) this.pieces.push(delta.reasoning_content);
      if (delta.refusal) this.pieces.push(delta.refusal);
      if (delta.tool_calls) {
        for (const call of delta.tool_calls) {
          if (call.function?.name) this.pieces.push(call.function.name);
          if (call.function?.arguments) this.pieces.push(call.function.arguments);
        }
      }
    }
  }

  addCompletion(completion: ChatCompletion): void {
    for (const { message } of completion.choices) {
      if (message.content) this.pieces.push(message.content);
      if (message.reasoning_content) this.pieces.push(message.reasoning_content);
      if (message.refusal) this.pieces.push(message.refusal);
      for (const call of message.tool_calls ?? []) this.pieces.push(call.function.name, call.function.arguments);
    }
  }

  /** Output text of another wire format (e.g. an Anthropic text or input_json delta). */
  addText(text: string): void {
    if (text) this.pieces.push(text);
  }

  /** Whether any token reached the client. */
  get isEmpty(): boolean {
    return this.pieces.length === 0;
  }

  countTokens(): number {
    return countTextTokens(this.pieces.join(''));
  }
}
