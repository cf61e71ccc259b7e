import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

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
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, production: boolean): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
}
