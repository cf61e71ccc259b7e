/** Names the parameters the serving upstream left out, while the response headers can still change. */
import { DROPPED_PARAMS_HEADER } from '@apilink/contracts';
import type { FastifyReply } from 'fastify';

export function announceDroppedParams(reply: FastifyReply, droppedParams: readonly string[]): void {
  if (droppedParams.length > 0 && !reply.raw.headersSent) void reply.header(DROPPED_PARAMS_HEADER, droppedParams.join(', '));
}
