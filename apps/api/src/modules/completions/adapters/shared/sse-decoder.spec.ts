import { splitRandomly } from '../__testing__/stream-feeding';
import { SseDecoder, type SseEvent } from './sse-decoder';

function decode(pieces: string[]): SseEvent[] {
  const decoder = new SseDecoder();
  return [...pieces.flatMap((piece) => decoder.push(piece)), ...decoder.end()];
}

describe('SseDecoder', () => {
  const stream =
    'event: message_start\ndata: {"a":1}\n\n: keep-alive comment\n\ndata: line one\ndata: line two\n\nevent: ping\ndata: {}\n\n';
  const expected: SseEvent[] = [
    { event: 'message_start', data: '{"a":1}' },
    { event: undefined, data: 'line one\nline two' },
    { event: 'ping', data: '{}' },
  ];

  it('returns named events, joins multi-line data and skips comments', () => {
    expect(decode([stream])).toEqual(expected);
  });

  it('returns each event as soon as its blank line arrives, not at the end', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('data: first\n')).toEqual([]);
    expect(decoder.push('\ndata: sec')).toEqual([{ event: undefined, data: 'first' }]);
    expect(decoder.push('ond\n\n')).toEqual([{ event: undefined, data: 'second' }]);
    expect(decoder.end()).toEqual([]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('gives the same events for %s line endings however the text is split', (_name, eol) => {
    const text = stream.replace(/\n/g, eol);
    expect(decode([text])).toEqual(expected);
    expect(decode([...text])).toEqual(expected);
    for (let seed = 1; seed <= 20; seed += 1) expect(decode(splitRandomly(text, seed, 7))).toEqual(expected);
  });

  it('does not split CRLF into two line breaks when a piece ends between CR and LF', () => {
    expect(decode(['data: a\r', '\n\r', '\ndata: b\r\n\r\n'])).toEqual([
      { event: undefined, data: 'a' },
      { event: undefined, data: 'b' },
    ]);
  });

  it('flushes a final event the upstream did not terminate with a blank line', () => {
    expect(decode(['data: [DONE]'])).toEqual([{ event: undefined, data: '[DONE]' }]);
    expect(decode(['data: {"x":1}\n'])).toEqual([{ event: undefined, data: '{"x":1}' }]);
  });

  it('strips a leading byte-order mark and a single space after the colon only', () => {
    expect(decode(['\ufeffdata:  two spaces\n\ndata:none\n\n'])).toEqual([
      { event: undefined, data: ' two spaces' },
      { event: undefined, data: 'none' },
    ]);
  });

  it('ignores id and retry fields and data-less events', () => {
    expect(decode(['id: 7\nretry: 100\n\nevent: lonely\n\ndata: x\n\n'])).toEqual([{ event: undefined, data: 'x' }]);
  });
});
