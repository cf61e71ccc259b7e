import { responseEventSchemaErrors } from '@apilink/testing';
import type { Response, ResponseStreamEvent } from 'openai/resources/responses/responses';

/**
 * Reads an SDK Responses stream to its end, checking every event against its published schema and
 * the sequence numbers (0, 1, 2... over the whole stream); returns the events and the final Response.
 */
export async function readResponseStream(stream: AsyncIterable<ResponseStreamEvent> & { finalResponse(): Promise<Response> }) {
  const events: ResponseStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  const final = await stream.finalResponse();
  for (const event of events) expect(responseEventSchemaErrors(event)).toEqual([]);
  expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
  return { events, types: events.map((event) => event.type), final };
}

/** The function tool both Responses suites call. */
export const WEATHER_TOOL = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Weather by city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  strict: true,
};
