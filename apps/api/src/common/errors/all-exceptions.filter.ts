import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAnthropicRoute } from '../http/anthropic-routes';
import { renderAnthropicError } from './anthropic-error-envelope.mapper';
import { AppError } from './app-error';
import { renderError } from './error-envelope.mapper';
import { rememberErrorCode } from './sent-error-code';

/** The single place errors become HTTP responses; 5xx are logged with their stack, never sent. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendError(exception, request, reply, this.logger);
  }
}

export function sendError(exception: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  // Clients of the Anthropic-compatible routes (Claude Code, the Anthropic SDK) read Anthropic's envelope.
  const rendered = isAnthropicRoute(request.url)
    ? renderAnthropicError(exception, String(request.id))
    : renderError(exception, String(request.id));
  if (rendered.status >= 500) {
    logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
  } else if (rendered.status >= 400) {
    // The gateway's own code on every route (the Anthropic envelope has only a type).
    const { error } = rendered.body;
    rememberErrorCode(
      request,
      exception instanceof AppError && exception.code ? exception.code : 'code' in error && error.code ? error.code : error.type,
    );
  }
  // A stream that already started cannot change its status; its writer reports errors in-band.
  if (reply.sent || reply.raw.headersSent) return;
  void reply.status(rendered.status).headers(rendered.headers).send(rendered.body);
}
