import type { DestinationStream } from 'pino';

/** A pino destination that keeps each JSON line parsed, for specs that read log output back. */
export function capturedLines(): { destination: DestinationStream; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}
