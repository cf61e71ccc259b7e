import type { Params } from 'nestjs-pino';
import { HEALTH_PATH, METRICS_PATH, READINESS_PATH } from '@apilink/contracts';

const QUIET_PATHS = new Set([HEALTH_PATH, READINESS_PATH, METRICS_PATH]);

/**
 * Structured pino logs with the request id on every line. Bodies are never logged (prompts are
 * customer data) and credentials are redacted wherever they appear.
 */
export function loggerOptions(level: string, pretty: boolean): Params {
  return {
    pinoHttp: {
      level,
      genReqId: (request) => (request as { id?: string }).id ?? 'unknown',
      customProps: (request) => ({ requestId: (request as { id?: string }).id }),
      autoLogging: { ignore: (request) => QUIET_PATHS.has((request.url ?? '').split('?')[0]) },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]', '*.password', '*.apiKey', '*.secret'],
        censor: '[redacted]',
      },
      serializers: {
        req: (request: { id?: string; method?: string; url?: string }) => ({ id: request.id, method: request.method, url: request.url?.split('?')[0] }),
      },
      transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
  };
}
