/** What one streamed response's parser and writer share: its identity and the event counter. */
import type { ResponsesRequest } from '../wire/responses.types';

export class ResponseStreamState {
  private sequence = 0;
  private responseId: string;

  constructor(
    readonly request: ResponsesRequest,
    id: string,
    readonly createdAt: number,
  ) {
    this.responseId = id;
  }

  get id(): string {
    return this.responseId;
  }

  /** The next event's `sequence_number`, from 0, over every event of the response. */
  nextSequence(): number {
    return this.sequence++;
  }

  /**
   * A passed-through upstream stream numbers its own events and names its own response: what the
   * gateway adds after them (a failure's events) continues from the last number, under that id.
   */
  followUpstream(responseId: string | null, sequenceNumber: number): void {
    if (responseId) this.responseId = responseId;
    this.sequence = Math.max(this.sequence, sequenceNumber + 1);
  }
}
