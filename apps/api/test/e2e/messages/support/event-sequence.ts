/** Checks a raw Anthropic event sequence against the order the Messages streaming docs define. */
export interface RawEvent {
  type: string;
  index?: number;
  [field: string]: unknown;
}

/** Problems found (empty when the sequence is well-formed). */
export function eventSequenceProblems(events: RawEvent[]): string[] {
  const problems: string[] = [];
  const kinds = events.map((event) => event.type).filter((type) => type !== 'ping');
  if (kinds[0] !== 'message_start') problems.push(`first event is ${kinds[0]}, not message_start`);
  if (kinds.at(-1) !== 'message_stop') problems.push(`last event is ${kinds.at(-1)}, not message_stop`);
  if (kinds.at(-2) !== 'message_delta') problems.push(`message_delta does not precede message_stop`);
  let open: number | null = null;
  let next = 0;
  for (const event of events) {
    if (event.type === 'content_block_start') {
      if (open !== null) problems.push(`block ${event.index} starts while block ${open} is open`);
      if (event.index !== next) problems.push(`block index ${event.index}, expected ${next}`);
      open = event.index ?? -1;
      next++;
    } else if (event.type === 'content_block_delta') {
      if (event.index !== open) problems.push(`delta for block ${event.index} while block ${open} is open`);
    } else if (event.type === 'content_block_stop') {
      if (event.index !== open) problems.push(`stop for block ${event.index} while block ${open} is open`);
      open = null;
    } else if (event.type === 'message_delta' && open !== null) {
      problems.push(`message_delta while block ${open} is open`);
    }
  }
  return problems;
}
