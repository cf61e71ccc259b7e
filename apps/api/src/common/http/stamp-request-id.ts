import { REQUEST_ID_HEADER } from '@apilink/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAnthropicRoute } from './anthropic-routes';

/** Puts the request id on the reply: X-Request-Id always, and `request-id`, which Anthropic's SDKs read, on their routes. */
export function stampRequestId(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header(REQUEST_ID_HEADER, request.id);
  if (isAnthropicRoute(request.url)) void reply.header('request-id', request.id);
}
