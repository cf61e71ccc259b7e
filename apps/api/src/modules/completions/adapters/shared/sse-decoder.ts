/**
 * Incremental Server-Sent Events decoder (WHATWG rules) for text that arrives in arbitrary
 * pieces: a piece may end mid-line, between `\r` and `\n`, or mid-event. Complete events are
 * returned as soon as their terminating blank line arrives, so nothing waits for the whole body.
 */
export interface SseEvent {
  /** The `event:` field, when the upstream names its events (Anthropic does, OpenAI does not). */
  event: string | undefined;
  data: string;
}

export class SseDecoder {
  private buffer = '';
  /** Index in buffer up to which no line terminator exists, so long lines are scanned once. */
  private scanned = 0;
  private started = false;
  private eventName: string | undefined;
  private dataLines: string[] = [];

  push(text: string): SseEvent[] {
    this.buffer += text;
    if (!this.started && this.buffer.length > 0) {
      this.started = true;
      if (this.buffer.charCodeAt(0) === 0xfeff) this.buffer = this.buffer.slice(1);
    }
    return this.drainLines(false);
  }

  /** Flushes a last line or event the upstream did not terminate. */
  end(): SseEvent[] {
    const events = this.drainLines(true);
    if (this.buffer.length > 0) this.readLine(this.buffer, events);
    this.buffer = '';
    this.scanned = 0;
    this.dispatch(events);
    return events;
  }

  private drainLines(final: boolean): SseEvent[] {
    const events: SseEvent[] = [];
    let lineStart = 0;
    let i = Math.max(this.scanned, 0);
    while (i < this.buffer.length) {
      const ch = this.buffer.charCodeAt(i);
      if (ch !== 0x0a && ch !== 0x0d) {
        i += 1;
        continue;
      }
      // A trailing CR may be the first half of CRLF: wait for the next piece unless this is the end.
      if (ch === 0x0d && i + 1 === this.buffer.length && !final) break;
      this.readLine(this.buffer.slice(lineStart, i), events);
      i += ch === 0x0d && this.buffer.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      lineStart = i;
    }
    this.buffer = this.buffer.slice(lineStart);
    this.scanned = i - lineStart;
    return events;
  }

  private readLine(line: string, events: SseEvent[]): void {
    if (line === '') {
      this.dispatch(events);
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.dataLines.push(value);
    else if (field === 'event') this.eventName = value;
    // `id` and `retry` only matter to reconnecting browsers.
  }

  private dispatch(events: SseEvent[]): void {
    if (this.dataLines.length > 0) {
      events.push({ event: this.eventName, data: this.dataLines.join('\n') });
    }
    this.dataLines = [];
    this.eventName = undefined;
  }
}
