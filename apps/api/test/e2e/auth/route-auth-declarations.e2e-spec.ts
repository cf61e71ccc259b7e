import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AUTH_REQUIREMENT, type AuthRequirement } from '../../../src/common/auth/auth.decorator';
import { EchoTestModule } from '../../support/echo-test.module';
import { startTestApp, type TestApp } from '../../support/test-app';

interface DeclaredRoute {
  route: string;
  requirement: AuthRequirement | undefined;
}

/** Every route handler Nest registered, with the auth it declares (undefined = none). */
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
      });
    }
  }
  return routes;
}

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
