/** The gateway's own errors on POST /v1/chat/completions, in OpenAI's codes and wording where it has them. */
import { HttpStatus } from '@nestjs/common';
import { ErrorCode, ErrorType } from '@apilink/contracts';
import { AppError } from '../../../common/errors/app-error';

/** `suggestion`: a model that answers on this install (the echo model when it is on), named as a first thing to try. */
export function modelNotFound(model: string, suggestion: string | null = null): AppError {
  const hint = `GET /v1/models lists the active models${suggestion ? `; ${suggestion} answers on this install` : ''}`;
  return new AppError(`model not found or not active: ${model}. ${hint}`, {
    status: HttpStatus.NOT_FOUND,
    type: ErrorType.InvalidRequest,
    code: ErrorCode.ModelNotFound,
    param: 'model',
  });
}

export function contextLengthExceeded(contextWindow: number, promptTokens: number, outputTokens: number): AppError {
  return AppError.invalidRequest(
    `This model's maximum context length is ${contextWindow} tokens. However, you requested ${promptTokens + outputTokens} tokens ` +
      `(${promptTokens} in the messages, ${outputTokens} in the completion). Please reduce the length of the messages or completion.`,
    'messages',
    ErrorCode.ContextLengthExceeded,
  );
}

export function allUpstreamsUnavailable(): AppError {
  return new AppError('All upstream providers unavailable, retry shortly', {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    type: ErrorType.Api,
    code: ErrorCode.UpstreamUnavailable,
    headers: { 'retry-after': '2' },
  });
}

/** The upstream refused the request as invalid: its message reaches the client, as a 400. */
export function upstreamRejected(message: string, code: string | undefined): AppError {
  return AppError.invalidRequest(message, null, code ?? ErrorCode.UpstreamError);
}

export function unsupportedParameter(param: string, message: string): AppError {
  return AppError.invalidRequest(message, param, ErrorCode.UnsupportedParameter);
}

export function requestTimedOut(timeoutMs: number): AppError {
  return new AppError(`The request took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`, {
    status: HttpStatus.GATEWAY_TIMEOUT,
    type: ErrorType.Api,
    code: ErrorCode.Timeout,
  });
}

/** The stream broke after it had started: reported in-band, never as a status. */
export function upstreamStreamFailed(message: string): AppError {
  return new AppError(message, { status: HttpStatus.BAD_GATEWAY, type: ErrorType.Api, code: ErrorCode.UpstreamError });
}
