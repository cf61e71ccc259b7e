import { randomUUID } from 'node:crypto';
import { ADMIN_API_PREFIX } from '@apilink/contracts';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ROUTE_RECORDER, RouteRecorderModule, type RecordedRoute } from './support/route-recorder.module';
import { staffSessions, type StaffSessions } from './support/staff';

type Caller = 'anonymous' | 'customer' | 'support' | 'admin';
type Access = 'staff' | 'admin';

/**
 * The design, as rules rather than a list of routes: everything under /api/admin is for staff
 * (support and admin) except these, which are for admins only.
 */
function designedAccess(route: RecordedRoute): Access {
  const path = route.url;
  if (
    ['/api/admin/audit-log', '/api/admin/upstreams', '/api/admin/models'].some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
  ) {
    return 'admin';
  }
  if (route.method === 'PUT' && path === '/api/admin/users/:userId/role') return 'admin';
  if (route.method === 'POST' && path === '/api/admin/users') return 'admin';
  return 'staff';
}

function expectedOutcome(caller: Caller, access: Access): 401 | 403 | 'allowed' {
  if (caller === 'anonymous') return 401;
  if (caller === 'customer') return 403;
  if (caller === 'support') return access === 'admin' ? 403 : 'allowed';
  return 'allowed';
}

/** A concrete URL for a route pattern: every parameter a random id that exists nowhere (no side effects). */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID());

describe('RBAC matrix of /api/admin', () => {
  let testApp: TestApp;
  let sessions: StaffSessions;
  let adminRoutes: RecordedRoute[];

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [RouteRecorderModule] });
    sessions = await staffSessions(testApp);
    const recorded = testApp.app.get<RecordedRoute[]>(ROUTE_RECORDER);
    const unique = new Map<string, RecordedRoute>();
    for (const route of recorded) {
      if (route.method === 'HEAD' || !(route.url === ADMIN_API_PREFIX || route.url.startsWith(`${ADMIN_API_PREFIX}/`))) continue;
      unique.set(`${route.method} ${route.url}`, route);
    }
    adminRoutes = [...unique.values()];
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('finds every admin route in the router, for all the capabilities', () => {
    const keys = adminRoutes.map((route) => `${route.method} ${route.url}`);
    for (const expected of [
      'GET /api/admin/users',
      'POST /api/admin/users',
      'POST /api/admin/users/:userId/credit-adjustments',
      'POST /api/admin/users/:userId/keys/:keyId/revoke',
      'POST /api/admin/users/:userId/disable',
      'PUT /api/admin/users/:userId/role',
      'GET /api/admin/requests/:requestId',
      'GET /api/admin/audit-log',
      'POST /api/admin/upstreams',
      'DELETE /api/admin/upstreams/:id',
      'POST /api/admin/models/:modelId/prices',
      'GET /api/admin/docs/openapi.json',
    ]) {
      expect(keys).toContain(expected);
    }
    expect(adminRoutes.length).toBeGreaterThanOrEqual(25);
  });

  it.each(['anonymous', 'customer', 'support', 'admin'] as const)('answers %s as designed on every admin route', async (caller) => {
    const outcomes: string[] = [];
    const wrong: string[] = [];
    for (const route of adminRoutes) {
      const url = concrete(route.url);
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const response =
        caller === 'anonymous' ? await testApp.http()[method](url).set('x-apilink-csrf', '1') : await sessions[caller].api(method, url);
      const expected = expectedOutcome(caller, designedAccess(route));
      const ok = expected === 'allowed' ? ![401, 403].includes(response.status) && response.status < 500 : response.status === expected;
      outcomes.push(`${route.method} ${route.url} -> ${response.status}`);
      if (!ok) wrong.push(`${route.method} ${route.url}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(wrong).toEqual([]);
    expect(outcomes).toHaveLength(adminRoutes.length);
  });
});
