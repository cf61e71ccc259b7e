import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The built dashboard loads only its own hashed scripts, styles and chunks (Vite emits no inline
 * script; the favicon is a data: URI) and talks only to this origin, so everything is 'self'.
 * React sets style through the CSSOM, which style-src does not govern. No framing at all.
 */
const DIRECTIVES: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * The staff API docs page (Swagger UI) injects a <style> element; only that page, which loads
 * nothing but the vendored Swagger UI files, allows inline styles. Scripts stay 'self' only.
 */
export const SWAGGER_UI_CSP = Object.entries({ ...DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"] })
  .map(([name, sources]) => `${kebab(name)} ${sources.join(' ')}`)
  .join('; ');

/**
 * Security headers on every response (dashboard, /api and /v1 alike, so routes added later
 * have them too): CSP, X-Content-Type-Options, Referrer-Policy, X-Frame-Options and friends.
 * HSTS only in production, where the gateway sits behind HTTPS; a development box on plain http
 * must not pin its host to HTTPS.
 *
 * helmet computes the headers; they are the same for every response, so they are computed once
 * here and set from one hook. (@fastify/helmet rebuilt helmet's middleware, CSP parsing included,
 * on every request: 3-4% of the gateway's CPU on /v1.)
 */
export function registerSecurityHeaders(fastify: FastifyInstance, production: boolean): void {
  const headers = securityHeaders(production);
  fastify.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (let i = 0; i < headers.length; i++) raw.setHeader(headers[i][0], headers[i][1]);
    done();
  });
}

/** The headers helmet sets with this configuration, as [name, value] pairs. */
export function securityHeaders(production: boolean): ReadonlyArray<readonly [string, string]> {
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name.toLowerCase(), value]),
    // helmet removes X-Powered-By, which nothing here sets.
    removeHeader: () => undefined,
  };
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  middleware({} as never, recorder as never, () => undefined);
  return headers;
}
