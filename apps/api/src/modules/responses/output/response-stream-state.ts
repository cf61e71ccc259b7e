/** What one streamed response's translator and writer share: its identity and the event counter. */
import type { ResponsesRequest } from '../wire/responses.types';

export class ResponseStreamState {
  private sequence = 0;

  constructor(
    readonly request: ResponsesRequest,
    readonly id: string,
    readonly createdAt: number,
  ) {}

  /** The next event's `sequence_number`, from 0, over every event of the response. */
  nextSequence(): number {
    return this.sequence++;
  }
}
