import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import type { SseEvent } from './sse-decoder';
import { SseEventParser } from './sse-event-parser';

/** Echoes each event's data `count` times (`x3` → three copies, `x0` → none); `end` is the terminal event. */
class RepeatingParser extends SseEventParser<string> {
  readonly usage = null;
  private ended = false;

  protected readEvent(event: SseEvent, out: string[]): void {
    if (event.data === 'end') this.ended = true;
    const count = Number(/^x(\d+)/.exec(event.data)?.[1] ?? 1);
    for (let i = 0; i < count; i++) out.push(`${event.data}#${i}`);
  }

  protected assertComplete(): void {
    if (!this.ended) throw new UpstreamProtocolError('closed before end');
  }
}

describe('SseEventParser', () => {
  it('returns what each completed event became, in order, whether none, one or several per event', () => {
    const parser = new RepeatingParser();
    expect(parser.push('data: x2\n\ndata: x0\n\ndata: one')).toEqual(['x2#0', 'x2#1']);
    expect(parser.push('\n\ndata: end\n\n')).toEqual(['one#0', 'end#0']);
    expect(parser.end()).toEqual([]);
  });

  it('reads an event the upstream left unterminated before checking that the stream is complete', () => {
    const parser = new RepeatingParser();
    expect(parser.push('data: x1\n\ndata: end')).toEqual(['x1#0']);
    expect(parser.end()).toEqual(['end#0']);
  });

  it('throws from end when the stream stopped before its terminal event', () => {
    const parser = new RepeatingParser();
    expect(parser.push('data: x1\n\n')).toEqual(['x1#0']);
    expect(() => parser.end()).toThrow(UpstreamProtocolError);
  });
});
