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
 * Structured JSON lines on `destination` (stdout in the app, through LoggingModule's batched
 * destination; tests read lines back). Bodies are never logged (prompts are customer data).
 */
export function createRootLogger(settings: RootLoggerSettings, destination: DestinationStream): Logger {
  const options: LoggerOptions = { level: settings.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (settings.pretty) return pino({ ...options, transport: { target: 'pino-pretty', options: { singleLine: true } } });
  return pino(options, destination);
}
