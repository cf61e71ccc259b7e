import { randomUUID } from 'node:crypto';
import { CSRF_HEADER, CSRF_HEADER_VALUE, ECHO_MODEL_ID, HEALTH_PATH, INTERNAL_API_PREFIX, OPENAI_API_PREFIX } from '@apilink/contracts';
import fc from 'fast-check';
import type { InjectOptions } from 'light-my-request';
import { isAnthropicRoute } from '../../src/common/http/anthropic-routes';
import { ROUTE_RECORDER, RouteRecorderModule, type RecordedRoute } from './admin/support/route-recorder.module';
import { startTestApp, type TestApp } from '../support/test-app';
import { TestSession } from '../support/test-session';

// A few thousand requests in ~30 s on a loaded machine; FUZZ_RUNS raises it for a longer hunt.
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
// Routes that would end the sessions the fuzzer signs its requests with.
const SKIPPED = new Set(['POST /api/auth/logout', 'POST /api/auth/change-password']);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const printable = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength });

/** Path segments that broke or nearly broke routes before: NUL, bad escapes, wrong id formats, long ones. */
const segment = fc.oneof(
  fc.constantFrom(
    '%00',
    '%ZZ',
    '%',
    '%E0%A4%A',
    '%FF',
    '%C0%AF',
    '..',
    '%2e%2e%2f',
    '%0d%0aX-Injected:1',
    '*',
    'null',
    '-1',
    'a'.repeat(300),
  ),
  fc.uuid().map(String),
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
  printable(30).map(encodeURIComponent),
);

function nestedJson(levels: number): string {
  return `{"model":${'['.repeat(levels)}${']'.repeat(levels)}}`;
}

const chatShaped = fc.record(
  {
    model: fc.oneof(fc.constant(ECHO_MODEL_ID), fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 })),
    messages: fc.oneof(
      fc.array(
        fc.record({
          role: fc.constantFrom('user', 'system', 'assistant', 'tool', 'x'),
          content: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 3 })),
        }),
        { maxLength: 4 },
      ),
      fc.jsonValue({ maxDepth: 3 }),
    ),
    stream: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })),
    max_tokens: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 5 })),
    temperature: fc.jsonValue({ maxDepth: 1 }),
    name: fc.string({ unit: 'binary', maxLength: 40 }),
    email: fc.oneof(fc.emailAddress(), fc.string({ unit: 'binary', maxLength: 40 })),
    password: fc.string({ unit: 'binary', maxLength: 40 }),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  { weight: 4, arbitrary: chatShaped.map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 5_000 }).map(nestedJson) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

type Auth = 'none' | 'key' | 'session' | 'admin' | 'garbage';

interface FuzzRequest {
  method: (typeof METHODS)[number];
  path: string;
  query: string;
  auth: Auth;
  contentType: string | null;
  requestId: string | null;
  extraHeader: [string, string] | null;
  payload: string | undefined;
}

function requests(routes: RecordedRoute[]): fc.Arbitrary<FuzzRequest> {
  const routed = fc
    .tuple(fc.constantFrom(...routes), fc.array(segment, { minLength: 3, maxLength: 3 }))
    .map(([route, values]) => ({ method: route.method, path: route.url.replace(/:[A-Za-z]+|\*/g, () => values.shift() ?? 'x') }));
  const wild = fc
    .tuple(
      fc.constantFrom(OPENAI_API_PREFIX, INTERNAL_API_PREFIX),
      fc.array(segment, { minLength: 1, maxLength: 4 }),
      fc.constantFrom(...METHODS),
    )
    .map(([prefix, parts, method]) => ({ method, path: `${prefix}/${parts.join('/')}` }));
  return fc
    .record({
      target: fc.oneof({ weight: 4, arbitrary: routed }, { weight: 1, arbitrary: wild }),
      otherMethod: fc.option(fc.constantFrom(...METHODS), { freq: 5 }),
      query: fc.option(
        fc.tuple(printable(10), segment).map(([key, value]) => `?${encodeURIComponent(key)}=${value}`),
        { freq: 3, nil: '' },
      ),
      auth: fc.constantFrom<Auth>('none', 'key', 'session', 'admin', 'garbage'),
      contentType: fc.option(
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=utf-16',
        ),
        { freq: 6 },
      ),
      requestId: fc.option(printable(140), { freq: 3 }),
      extraHeader: fc.option(
        fc.tuple(
          fc.constantFrom('accept', 'accept-encoding', 'x-forwarded-for', 'content-length', 'origin', 'cookie', 'authorization'),
          printable(60),
        ),
        { freq: 4 },
      ),
      payload: body,
    })
    .map(({ target, otherMethod, ...rest }) => ({
      ...rest,
      method: (otherMethod ?? target.method) as FuzzRequest['method'],
      path: target.path,
    }));
}

/** The error envelope the route's clients read: Anthropic's on its routes, OpenAI's everywhere else. */
function envelopeFor(path: string, requestId: string, body: { error?: { param?: unknown } }): unknown {
  if (isAnthropicRoute(path))
    return { type: 'error', error: { type: expect.any(String), message: expect.any(String) }, request_id: requestId };
  const param = body.error?.param ?? null;
  return { error: { message: expect.any(String), type: expect.any(String), param, code: expect.any(String), request_id: requestId } };
}

/** Polls /healthz over the real socket while the fuzzer runs; reports the longest wait. */
function watchHealth(url: string): { stop(): Promise<number> } {
  let longest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const startedAt = performance.now();
      const response = await fetch(`${url}${HEALTH_PATH}`);
      await response.arrayBuffer();
      longest = Math.max(longest, performance.now() - startedAt);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return longest;
    },
  };
}

describe('fuzzing /v1 and /api with generated bodies, paths and headers', () => {
  let testApp: TestApp;
  let routes: RecordedRoute[];
  let headersFor: Record<Auth, Record<string, string>>;
  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [RouteRecorderModule] });
    routes = testApp.app
      .get<RecordedRoute[]>(ROUTE_RECORDER)
      .filter((route) => route.method !== 'HEAD' && /^\/(v1|api)\//.test(route.url) && !SKIPPED.has(`${route.method} ${route.url}`));
    const customer = await TestSession.create(testApp, { credits: 5_000_000n });
    const admin = await TestSession.create(testApp, { role: 'admin' });
    headersFor = {
      none: {},
      key: customer.bearer(),
      session: { cookie: customer.cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE },
      admin: { cookie: admin.cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE, ...admin.bearer() },
      garbage: { authorization: `Bearer al-${randomUUID()}`, cookie: 'apilink_session=garbage' },
    };
  });
  afterAll(() => testApp.close());

  it('answers every one with a 2xx-4xx carrying the request id, errors in the envelope, and /healthz stays live', async () => {
    expect(routes.length).toBeGreaterThan(30);
    const statuses = new Map<number, number>();
    let bodiesSent = 0;
    const health = watchHealth(testApp.url);
    const startedAt = Date.now();
    try {
      await fc.assert(
        fc.asyncProperty(requests(routes), async (fuzz) => {
          const headers: Record<string, string> = { ...headersFor[fuzz.auth] };
          if (fuzz.contentType) headers['content-type'] = fuzz.contentType;
          if (fuzz.requestId !== null) headers['x-request-id'] = fuzz.requestId;
          if (fuzz.extraHeader) headers[fuzz.extraHeader[0]] = fuzz.extraHeader[1];
          const options: InjectOptions = { method: fuzz.method, url: `${fuzz.path}${fuzz.query}`, headers };
          if (fuzz.payload !== undefined && fuzz.method !== 'GET') {
            options.payload = fuzz.payload;
            bodiesSent++;
          }
          const response = await testApp.app.inject(options);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const requestId = String(response.headers['x-request-id']);
          expect(response.statusCode).toBeLessThan(500);
          expect(requestId).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
          if (response.statusCode >= 400) expect(response.json()).toEqual(envelopeFor(fuzz.path, requestId, response.json()));
        }),
        { numRuns: RUNS },
      );
    } finally {
      const longestHealthWaitMs = await health.stop();
      const figures = {
        requests: [...statuses.values()].reduce((sum, count) => sum + count, 0),
        bodiesSent,
        statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
        serverErrors: [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0),
        longestHealthWaitMs: Math.round(longestHealthWaitMs),
        seconds: Math.round((Date.now() - startedAt) / 1000),
      };
      console.log(`fuzz figures: ${JSON.stringify(figures)}`);
    }
    const afterwards = performance.now();
    await fetch(`${testApp.url}${HEALTH_PATH}`).then((response) => expect(response.status).toBe(200));
    expect(performance.now() - afterwards).toBeLessThan(1000);
  }, 180_000);
});
