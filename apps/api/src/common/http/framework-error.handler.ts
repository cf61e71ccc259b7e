import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../errors/all-exceptions.filter';
import { stampRequestId } from './stamp-request-id';

// Fastify's own messages echo the raw URL; these say the same without it.
const MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: 'The request URL is not valid: it has a malformed percent-encoding',
  FST_ERR_MAX_PARAM_LENGTH: 'A segment of the request URL is too long',
};

const logger = new Logger('Errors');

/**
 * Fastify's `frameworkErrors`: answers requests it refuses before routing (a malformed URL, an
 * over-long path segment), which no hook or Nest filter sees, with the request id and the
 * route's usual envelope instead of Fastify's own body.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : HttpStatus.BAD_REQUEST;
  stampRequestId(request, reply);
  sendError(new HttpException(MESSAGES[error.code] ?? 'The request could not be routed', status), request, reply, logger);
}
