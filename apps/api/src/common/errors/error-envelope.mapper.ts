import { HttpException, HttpStatus } from '@nestjs/common';
import { ErrorCode, ErrorType, type ErrorEnvelope } from '@apilink/contracts';
import { AppError } from './app-error';

export interface RenderedError {
  status: number;
  body: ErrorEnvelope;
  headers: Record<string, string>;
}

/** Codes for framework errors (Nest wraps Fastify's body-parsing errors in HttpException). */
const CODE_BY_STATUS: Record<number, string> = {
  [HttpStatus.UNAUTHORIZED]: ErrorCode.Unauthenticated,
  [HttpStatus.FORBIDDEN]: ErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: ErrorCode.NotFound,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.UnsupportedMediaType,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.RateLimitExceeded,
};

function typeForStatus(status: number): ErrorType {
  if (status === HttpStatus.FORBIDDEN) return ErrorType.Permission;
  if (status === HttpStatus.TOO_MANY_REQUESTS) return ErrorType.RateLimit;
  if (status >= 500) return ErrorType.Api;
  return ErrorType.InvalidRequest;
}

function codeFor(status: number, message: string): string {
  if (status === HttpStatus.BAD_REQUEST && /JSON/i.test(message)) return ErrorCode.InvalidJson;
  return CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.InternalError : ErrorCode.InvalidRequest);
}

function envelope(requestId: string, message: string, type: string, code: string | null, param: string | null = null): ErrorEnvelope {
  return { error: { message, type, param, code, request_id: requestId } };
}

function messageOf(error: HttpException): string {
  const response = error.getResponse();
  const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  return Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : error.message;
}

/** Turns anything thrown into the one error envelope; unknown errors never leak their message. */
export function renderError(error: unknown, requestId: string): RenderedError {
  if (error instanceof AppError) {
    return { status: error.status, headers: error.headers, body: envelope(requestId, error.message, error.type, error.code, error.param) };
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    const status = error.getStatus();
    const message = messageOf(error);
    return { status, headers: {}, body: envelope(requestId, message, typeForStatus(status), codeFor(status, message)) };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    headers: {},
    body: envelope(
      requestId,
      'The server had an error while processing your request. Quote the request id to support.',
      ErrorType.Api,
      ErrorCode.InternalError,
    ),
  };
}
