/**
 * Turns the chat chunks of any upstream (its adapter's stream parser) into the Responses event
 * sequence: response.created and response.in_progress with the first output, then per output item
 * output_item.added, content_part.added and output_text.delta (a message) or
 * function_call_arguments.delta (a function call), each closed by its .done events and
 * output_item.done, and response.completed with the usage and its cost at the end.
 */
import type { ChatCompletionChunk } from '@apilink/contracts';
import type { CompletionContext } from '../../completions/completion-context';
import type { CodecEventParser } from '../../completions/pipeline/upstream-codec';
import type { OutputFunctionCall, OutputItem, OutputMessage, OutputText, ResponseStreamEvent } from '../wire/responses.types';
import type { ResponseStreamState } from './response-stream-state';
import { finishStatus, newItemId, responseShell } from './response-shell';
import { responseUsage } from './response-usage';
import { extend } from '../../../common/objects/extend';

type EventBody = { type: string; [field: string]: unknown };

export class ResponseEventTranslator implements CodecEventParser<ResponseStreamEvent> {
  private started = false;
  private readonly output: OutputItem[] = [];
  private openText: OutputMessage | null = null;
  /** Output index of each chat tool-call index. */
  private readonly callIndexes = new Map<number, number>();
  private readonly openCalls = new Set<OutputFunctionCall>();
  private finishReason: string | null = null;

  constructor(
    private readonly chunks: CodecEventParser<ChatCompletionChunk>,
    private readonly state: ResponseStreamState,
    private readonly context: CompletionContext,
  ) {}

  get usage() {
    return this.chunks.usage;
  }

  push(text: string): ResponseStreamEvent[] {
    return this.translate(this.chunks.push(text), false);
  }

  end(): ResponseStreamEvent[] {
    return this.translate(this.chunks.end(), true);
  }

  private translate(chunks: ChatCompletionChunk[], last: boolean): ResponseStreamEvent[] {
    const events: EventBody[] = [];
    if (!this.started && (chunks.length > 0 || last)) {
      this.started = true;
      const response = responseShell(this.state.request, this.state.id, this.state.createdAt, []);
      events.push({ type: 'response.created', response }, { type: 'response.in_progress', response });
    }
    for (const chunk of chunks) {
      const choice = chunk.choices[0];
      if (!choice) continue;
      if (choice.delta.content) this.text(choice.delta.content, events);
      for (const call of choice.delta.tool_calls ?? []) this.toolCall(call, events);
      if (choice.finish_reason) this.finishReason = choice.finish_reason;
    }
    if (last) this.finish(events);
    return events.map((event) => extend(event, { sequence_number: this.state.nextSequence() }));
  }

  private text(delta: string, events: EventBody[]): void {
    if (!this.openText) {
      const item: OutputMessage = { id: newItemId('msg'), type: 'message', role: 'assistant', status: 'in_progress', content: [] };
      this.openText = item;
      this.output.push(item);
      events.push(
        { type: 'response.output_item.added', output_index: this.output.length - 1, item: { ...item, content: [] } },
        {
          type: 'response.content_part.added',
          item_id: item.id,
          output_index: this.output.length - 1,
          content_index: 0,
          part: emptyText(),
        },
      );
      item.content.push(emptyText());
    }
    const item = this.openText;
    item.content[0].text += delta;
    events.push({
      type: 'response.output_text.delta',
      item_id: item.id,
      output_index: this.output.indexOf(item),
      content_index: 0,
      delta,
      logprobs: [],
    });
  }

  private toolCall(delta: NonNullable<ChatCompletionChunk['choices'][number]['delta']['tool_calls']>[number], events: EventBody[]): void {
    let outputIndex = this.callIndexes.get(delta.index);
    if (outputIndex === undefined) {
      this.closeText(events);
      const item: OutputFunctionCall = {
        id: newItemId('fc'),
        type: 'function_call',
        call_id: delta.id ?? newItemId('fc'),
        name: delta.function?.name ?? '',
        arguments: '',
        status: 'in_progress',
      };
      this.output.push(item);
      this.openCalls.add(item);
      outputIndex = this.output.length - 1;
      this.callIndexes.set(delta.index, outputIndex);
      events.push({ type: 'response.output_item.added', output_index: outputIndex, item: { ...item } });
    }
    const item = this.output[outputIndex] as OutputFunctionCall;
    const piece = delta.function?.arguments;
    if (piece) {
      item.arguments += piece;
      events.push({ type: 'response.function_call_arguments.delta', item_id: item.id, output_index: outputIndex, delta: piece });
    }
  }

  private closeText(events: EventBody[]): void {
    const item = this.openText;
    if (!item) return;
    this.openText = null;
    const outputIndex = this.output.indexOf(item);
    const part = item.content[0];
    item.status = 'completed';
    events.push(
      { type: 'response.output_text.done', item_id: item.id, output_index: outputIndex, content_index: 0, text: part.text, logprobs: [] },
      { type: 'response.content_part.done', item_id: item.id, output_index: outputIndex, content_index: 0, part: { ...part } },
      { type: 'response.output_item.done', output_index: outputIndex, item: { ...item, content: [{ ...part }] } },
    );
  }

  private finish(events: EventBody[]): void {
    this.closeText(events);
    for (const item of this.openCalls) {
      const outputIndex = this.output.indexOf(item);
      item.status = 'completed';
      events.push(
        {
          type: 'response.function_call_arguments.done',
          item_id: item.id,
          name: item.name,
          output_index: outputIndex,
          arguments: item.arguments,
        },
        { type: 'response.output_item.done', output_index: outputIndex, item: { ...item } },
      );
    }
    this.openCalls.clear();
    const response = {
      ...responseShell(this.state.request, this.state.id, this.state.createdAt, this.output),
      ...finishStatus(this.finishReason),
      usage: responseUsage(this.chunks.usage, this.context),
    };
    events.push({ type: response.status === 'completed' ? 'response.completed' : 'response.incomplete', response });
  }
}

function emptyText(): OutputText {
  return { type: 'output_text', text: '', annotations: [], logprobs: [] };
}
