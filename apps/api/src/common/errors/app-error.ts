import { HttpStatus } from '@nestjs/common';
import { ErrorCode, ErrorType } from '@apilink/contracts';

export interface AppErrorOptions {
  status: number;
  type: ErrorType;
  code: ErrorCode | string;
  param?: string | null;
  /** Extra response headers, e.g. retry-after on 429. */
  headers?: Record<string, string>;
}

/**
 * A domain error that knows how it is shown to a client. Feature errors extend it or use the
 * factories below; anything else that reaches the filter becomes a 500 with no details.
 */
export class AppError extends Error {
  readonly status: number;
  readonly type: ErrorType;
  readonly code: string;
  readonly param: string | null;
  readonly headers: Record<string, string>;

  constructor(message: string, options: AppErrorOptions) {
    super(message);
    this.name = new.target.name;
    this.status = options.status;
    this.type = options.type;
    this.code = options.code;
    this.param = options.param ?? null;
    this.headers = options.headers ?? {};
  }

  static invalidRequest(message: string, param: string | null = null, code: string = ErrorCode.InvalidRequest): AppError {
    return new AppError(message, { status: HttpStatus.BAD_REQUEST, type: ErrorType.InvalidRequest, code, param });
  }

  static notFound(message: string, code: string = ErrorCode.NotFound): AppError {
    return new AppError(message, { status: HttpStatus.NOT_FOUND, type: ErrorType.InvalidRequest, code });
  }

  static unauthenticated(message: string, code: string = ErrorCode.Unauthenticated): AppError {
    return new AppError(message, { status: HttpStatus.UNAUTHORIZED, type: ErrorType.InvalidRequest, code });
  }

  static forbidden(message = 'You do not have permission to do this', code: string = ErrorCode.Forbidden): AppError {
    return new AppError(message, { status: HttpStatus.FORBIDDEN, type: ErrorType.Permission, code });
  }

  static conflict(message: string, param: string | null = null): AppError {
    return new AppError(message, { status: HttpStatus.CONFLICT, type: ErrorType.InvalidRequest, code: ErrorCode.Conflict, param });
  }

  static serviceUnavailable(message: string, code: string = ErrorCode.ServiceUnavailable): AppError {
    return new AppError(message, { status: HttpStatus.SERVICE_UNAVAILABLE, type: ErrorType.Api, code });
  }
}
