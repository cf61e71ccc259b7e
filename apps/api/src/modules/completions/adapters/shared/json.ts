/** Small type guards for reading untrusted upstream JSON without casting blindly. */
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Parses one SSE data payload; malformed JSON means the upstream broke its own protocol. */
export function parseEventJson(data: string, upstream: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new UpstreamProtocolError(`${upstream} sent a stream event that is not JSON: ${data.slice(0, 200)}`);
  }
  if (!isObject(parsed)) {
    throw new UpstreamProtocolError(`${upstream} sent a stream event that is not a JSON object`);
  }
  return parsed;
}
