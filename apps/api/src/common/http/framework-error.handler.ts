import { HttpException, HttpStatus } from '@nestjs/common';
import { REQUEST_ID_HEADER } from '@apilink/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { renderError } from '../errors/error-envelope.mapper';

// Fastify's own messages echo the raw URL; these say the same without it.
const MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: 'The request URL is not valid: it has a malformed percent-encoding',
  FST_ERR_MAX_PARAM_LENGTH: 'A segment of the request URL is too long',
};

/**
 * Fastify's `frameworkErrors`: answers requests it refuses before routing (a malformed URL, an
 * over-long path segment), which no hook or Nest filter sees, with the request id and the usual
 * envelope instead of Fastify's own body.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : HttpStatus.BAD_REQUEST;
  const rendered = renderError(new HttpException(MESSAGES[error.code] ?? 'The request could not be routed', status), String(request.id));
  void reply.status(rendered.status).header(REQUEST_ID_HEADER, request.id).send(rendered.body);
}
