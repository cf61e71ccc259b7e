import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export interface RootLoggerSettings {
  level: string;
  /** Human-readable lines through pino-pretty (a dev dependency): local terminals only. */
  pretty: boolean;
}

// Credentials are censored wherever a caller puts them: under a logged request or headers
// object, or as a field of their own (top level or one level down).
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'password',
  'apiKey',
  'secret',
  '*.password',
  '*.apiKey',
  '*.secret',
];

/**
 * Structured JSON lines on stdout. Bodies are never logged (prompts are customer data).
 * `destination` is for tests that read the lines back.
 */
export function createRootLogger(settings: RootLoggerSettings, destination?: DestinationStream): Logger {
  const options: LoggerOptions = { level: settings.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (settings.pretty) return pino({ ...options, transport: { target: 'pino-pretty', options: { singleLine: true } } });
  // Asynchronous writes: a line joins those queued while the previous write is in flight, so the
  // event loop never blocks on stdout (a slow pipe or terminal). Pino flushes them at exit.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
