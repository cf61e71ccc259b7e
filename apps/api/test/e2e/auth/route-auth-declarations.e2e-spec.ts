import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AUTH_REQUIREMENT, type AuthRequirement } from '../../../src/common/auth/auth.decorator';
import { LeanRoutes } from '../../../src/common/auth/lean-routes';
import { OPEN_BEFORE_PASSWORD_CHANGE } from '../../../src/modules/auth/open-before-password-change.decorator';
import { EchoTestModule } from '../../support/echo-test.module';
import { startTestApp, type TestApp } from '../../support/test-app';

interface DeclaredRoute {
  route: string;
  requirement: AuthRequirement | undefined;
  /** Reachable by a session that still has a staff-issued one-time password. */
  openBeforePasswordChange?: boolean;
}

/**
 * Every route handler Nest registered, with the auth it declares (undefined = none), and the lean
 * routes (the /v1 hot path, mounted on Fastify without Nest's router) with theirs.
 */
function walkRoutes(testApp: TestApp): DeclaredRoute[] {
  const discovery = testApp.app.get(DiscoveryService);
  const reflector = testApp.app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: DeclaredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!controller) continue;
    const prototype = controller.prototype as Record<string, (...args: unknown[]) => unknown>;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const requirement = reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [handler, controller]);
      routes.push({
        route: `${method} /${[base, path]
          .map((part) => part.replace(/^\/|\/$/g, ''))
          .filter(Boolean)
          .join('/')}`,
        requirement,
        openBeforePasswordChange: reflector.getAllAndOverride<boolean>(OPEN_BEFORE_PASSWORD_CHANGE, [handler, controller]) === true,
      });
    }
  }
  for (const lean of testApp.app.get(LeanRoutes).declared()) routes.push({ route: lean.route, requirement: lean.auth });
  return routes;
}

const V1_ROUTES = [
  'POST /v1/chat/completions',
  'POST /v1/embeddings',
  'POST /v1/messages',
  'POST /v1/messages/count_tokens',
  'POST /v1/responses',
  'GET /v1/models',
  'GET /v1/models/*',
  'GET /v1/credits',
];

describe('default-deny: every route declares its authentication', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [DiscoveryModule] });
  });
  afterAll(() => testApp.close());

  it('finds no route of the real app without @Auth or @Public', () => {
    const routes = walkRoutes(testApp);
    // The walk sees the app's real routes (a sanity check that it is not vacuous).
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining(['GET /healthz', 'POST /api/auth/login', 'GET /api/keys', 'POST /api/keys/:id/revoke', 'GET /*']),
    );
    expect(routes.filter((r) => r.requirement === undefined).map((r) => r.route)).toEqual([]);
  });

  it('walks the /v1 routes, lean or not, and each needs an API key', () => {
    const byRoute = new Map(walkRoutes(testApp).map((r) => [r.route, r.requirement]));
    expect(Object.fromEntries(V1_ROUTES.map((route) => [route, byRoute.get(route)]))).toEqual(
      Object.fromEntries(V1_ROUTES.map((route) => [route, 'api-key'])),
    );
  });

  it('refuses every walked /v1 route without a key, with 401 in the envelope and the request id', async () => {
    for (const route of V1_ROUTES) {
      const [method, path] = route.split(' ');
      const url = path.replace('*', 'openai/gpt-4o-mini');
      const response = method === 'GET' ? await testApp.http().get(url) : await testApp.http().post(url).send({});
      expect({ route, status: response.status }).toEqual({ route, status: 401 });
      const requestId = response.headers['x-request-id'];
      expect(requestId).toEqual(expect.any(String));
      // Anthropic's envelope on /v1/messages (its SDKs read it), OpenAI's everywhere else.
      if (path.startsWith('/v1/messages'))
        expect(response.body).toMatchObject({ type: 'error', error: { type: 'authentication_error' }, request_id: requestId });
      else expect(response.body.error).toMatchObject({ code: 'invalid_api_key', request_id: requestId });
    }
  });

  it('declares the auth routes as intended', () => {
    const byRoute = new Map(walkRoutes(testApp).map((r) => [r.route, r.requirement]));
    expect(
      Object.fromEntries(
        [
          'POST /api/auth/signup',
          'POST /api/auth/login',
          'POST /api/auth/logout',
          'GET /api/auth/me',
          'POST /api/auth/change-password',
          'GET /api/keys',
          'PATCH /api/keys/:id',
        ].map((route) => [route, byRoute.get(route)]),
      ),
    ).toEqual({
      'POST /api/auth/signup': 'public',
      'POST /api/auth/login': 'public',
      'POST /api/auth/logout': 'session',
      'GET /api/auth/me': 'session',
      'POST /api/auth/change-password': 'session',
      'GET /api/keys': 'session',
      'PATCH /api/keys/:id': 'session',
    });
  });

  it('opens only me, change-password and logout to a session that must first replace its one-time password', () => {
    const open = walkRoutes(testApp).filter((r) => r.openBeforePasswordChange);
    expect(open.map((r) => `${r.route} ${r.requirement}`).sort()).toEqual(
      ['GET /api/auth/me session', 'POST /api/auth/change-password session', 'POST /api/auth/logout session'].sort(),
    );
  });
});

describe('the route walk itself', () => {
  it('catches an undeclared route', async () => {
    const testApp = await startTestApp({ extraImports: [DiscoveryModule, EchoTestModule] });
    try {
      expect(
        walkRoutes(testApp)
          .filter((r) => r.requirement === undefined)
          .map((r) => r.route),
      ).toEqual(['GET /api/test-undeclared']);
    } finally {
      await testApp.close();
    }
  });
});
