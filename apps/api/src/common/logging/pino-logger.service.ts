import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { ROOT_LOGGER } from './logging.tokens';

// Nest's exception handlers (and some libraries) call error(message, stack[, context]).
const STACK_TRACE = /\n\s*at /;

// Nest's boot chatter (one line per module and per route, ~150 lines) is for debugging the
// framework; at info the start-up output is the banner main.ts prints.
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/**
 * Nest's LoggerService over the root pino logger, so `new Logger(Context)` in any class writes
 * structured JSON. Takes both call shapes the code base uses, with the same fields nestjs-pino
 * wrote (`context`, `err` with its stack, `msg`):
 *   logger.log('Seeded 3 models')                        -> { context, msg }
 *   logger.warn({ requestId }, 'Hold already settled')  -> { context, requestId, msg }
 *   logger.error({ err, requestId }, 'Unhandled error')  -> { context, err: { type, message, stack }, requestId, msg }
 *   logger.error(error)                                  -> { context, err, msg: error.message }
 * Nest's Logger appends the instance's context as the last argument (after an undefined stack
 * for error()); a string there becomes `context`, what comes before it are format arguments.
 */
@Injectable()
export class PinoLoggerService implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write(BOOT_CONTEXTS.has(params[params.length - 1] as string) ? 'debug' : 'info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const last = params[params.length - 1];
    if (typeof last === 'string') fields.context = last;
    const rest = typeof last === 'string' ? params.slice(0, -1) : params;

    if (message instanceof Error) {
      fields.err = message;
      this.logger[level](fields, ...(rest as [string?, ...unknown[]]));
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
      this.logger[level](fields, ...(rest as [string?, ...unknown[]]));
    } else if (level === 'error' && rest.length === 1 && typeof rest[0] === 'string' && STACK_TRACE.test(rest[0])) {
      const err = new Error(String(message));
      err.stack = rest[0];
      fields.err = err;
      this.logger[level](fields);
    } else {
      this.logger[level](fields, String(message), ...rest);
    }
  }
}
