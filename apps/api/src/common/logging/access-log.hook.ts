import { API_OWNED_PREFIXES, HEALTH_PATH, METRICS_PATH, READINESS_PATH } from '@apilink/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import pino, { type Logger } from 'pino';

// Probes and scrapes every few seconds would drown the lines that matter.
const QUIET_PATHS = new Set([HEALTH_PATH, READINESS_PATH, METRICS_PATH]);

/**
 * One line per request, written from Fastify hooks with fields Fastify already has: no
 * middleware bridge, no child logger, no per-request async context. Never headers or bodies
 * (credentials, and prompts are customer data). 5xx lines are errors; everything else, client
 * errors included, is info: a 401 or 429 is the caller's problem, not the operator's. The
 * dashboard's files (scripts, styles, the page itself) are debug: a page view is a dozen of them.
 */
export function registerAccessLog(fastify: FastifyInstance, rootLogger: Logger): void {
  const logger = withoutRedaction(rootLogger);
  // Fastify runs no onResponse hook for a response the client cut off (it left mid-stream or
  // before the answer was ready), so those requests get their line when the socket closes.
  // An answer whose end() was called counts as completed, even if the client left before the
  // last bytes were flushed: the onResponse hook then writes nothing either (a rare gap).
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.raw.once('close', () => {
      if (!reply.raw.writableEnded) writeLine(logger, request, reply, 'request aborted');
    });
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    writeLine(logger, request, reply, 'request completed');
    done();
  });
}

function writeLine(logger: Logger, request: FastifyRequest, reply: FastifyReply, msg: string): void {
  const url = pathOf(request.url);
  if (QUIET_PATHS.has(url)) return;
  // A request aborted before its answer was ready has no status.
  const statusCode = reply.raw.headersSent ? reply.statusCode : null;
  const line = { requestId: request.id, method: request.method, url, statusCode, responseTime: Math.round(reply.elapsedTime * 100) / 100 };
  if (statusCode !== null && statusCode >= 500) logger.error(line, msg);
  else if (isDashboardFile(request.method, url, statusCode)) logger.debug(line, msg);
  else logger.info(line, msg);
}

/** A file of the built dashboard served successfully: anything read outside the API's own paths. */
function isDashboardFile(method: string, url: string, statusCode: number | null): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (statusCode === null || statusCode >= 400) return false;
  return !API_OWNED_PREFIXES.some((prefix) => url === prefix || url.startsWith(`${prefix}/`));
}

/** The path without the query string, which may carry anything a caller typed. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The root logger's sibling, writing to the same destination at the same level, without its
 * redaction: an access line holds only the fields written above (no headers, no body, no query),
 * so there is nothing to censor, and redaction's per-call work was a tenth of the gateway's
 * allocations under load (pino 9's redactor copies the redacted paths of every logged object).
 */
function withoutRedaction(rootLogger: Logger): Logger {
  const destination = (rootLogger as unknown as Record<symbol, pino.DestinationStream | undefined>)[pino.symbols.streamSym];
  // A pretty (transport) logger has no plain stream to share; keep it, redaction and all.
  if (!destination || typeof destination.write !== 'function') return rootLogger;
  return pino({ level: rootLogger.level }, destination);
}
