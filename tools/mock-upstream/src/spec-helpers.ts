// Helpers shared by this tool's specs: auth headers per protocol and an SSE parser written from the spec
// (https://html.spec.whatwg.org/multipage/server-sent-events.html), independent of the mock's own code.
import type { MockUpstream } from './mock-upstream';

export interface SseEvent {
  event?: string;
  data: string;
}

/** Parses a complete event stream; accepts LF, CRLF and CR line endings as the spec does. */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split(/\r\n\r\n|\n\n|\r\r/)) {
    if (block.trim() === '') continue;
    const event: SseEvent = { data: '' };
    const data: string[] = [];
    for (const line of block.split(/\r\n|\n|\r/)) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'event') event.event = value;
      if (name === 'data') data.push(value);
    }
    event.data = data.join('\n');
    events.push(event);
  }
  return events;
}

export function authHeaders(mock: MockUpstream, key = mock.apiKey): Record<string, string> {
  switch (mock.protocol) {
    case 'openai':
      return { authorization: `Bearer ${key}` };
    case 'anthropic':
      return { 'x-api-key': key, 'anthropic-version': '2023-06-01' };
    case 'gemini':
      return { 'x-goog-api-key': key };
  }
}

export function postJson(url: string, body: unknown, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal });
}

/** Reads a streamed body frame by frame, returning each network chunk with the time it arrived. */
export async function readChunks(response: Response): Promise<{ text: string; at: number }[]> {
  const decoder = new TextDecoder();
  const chunks: { text: string; at: number }[] = [];
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push({ text: decoder.decode(value, { stream: true }), at: Date.now() });
  }
}
