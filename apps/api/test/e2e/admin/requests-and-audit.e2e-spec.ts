import { randomUUID } from 'node:crypto';
import { ADMIN_ROUTES, AUDIT_ACTIONS, type AdminRequestDetail, type AuditLogEntry } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { REQUEST_BILLING, type RequestBilling } from '../../../src/modules/billing/request-billing.port';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { staffSessions, type StaffSessions } from './support/staff';

describe('Request lookup and the audit log', () => {
  let testApp: TestApp;
  let staff: StaffSessions;

  beforeAll(async () => {
    testApp = await startTestApp();
    staff = await staffSessions(testApp);
  });
  afterAll(() => testApp.close());

  describe('request lookup', () => {
    it('shows support the metadata of a request a customer quotes, never its content', async () => {
      const customer = await TestSession.create(testApp, { keyName: 'production' });
      await staff.admin.api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id)).send({ amountUsd: '5', reason: 'trial' }).expect(200);
      const billing = testApp.app.get<RequestBilling>(REQUEST_BILLING);
      const requestId = `req-${randomUUID()}`;
      const hold = await billing.reserve({
        requestId,
        userId: customer.user.id,
        keyId: customer.keyId,
        spendCapMicros: null,
        amountMicros: 50_000n,
        model: 'openai/gpt-4o-mini',
      });
      await billing.capture(hold, {
        status: 'success',
        provider: 'openai',
        latencyMs: 812,
        ttftMs: 240,
        actualCostMicros: 1_234n,
        promptTokens: 120,
        completionTokens: 30,
        cachedTokens: 64,
        estimated: false,
      });

      const response = await staff.support.api('get', ADMIN_ROUTES.request(requestId)).expect(200);
      const detail = response.body as AdminRequestDetail;
      expect(detail).toEqual({
        requestId,
        user: { id: customer.user.id, email: customer.email },
        key: { id: customer.keyId, name: 'production', displayKey: expect.stringMatching(/^al-/) },
        usage: {
          requestId,
          keyId: customer.keyId,
          model: 'openai/gpt-4o-mini',
          provider: 'openai',
          promptTokens: 120,
          completionTokens: 30,
          cachedTokens: 64,
          cost: { micros: '1234', usd: '0.001234' },
          uncollected: { micros: '0', usd: '0.000000' },
          estimated: false,
          status: 'success',
          httpStatus: null,
          errorCode: null,
          latencyMs: 812,
          ttftMs: 240,
          createdAt: expect.any(String),
        },
        attempts: null,
      });
      expect(JSON.stringify(detail)).not.toContain(customer.apiKey);
    });

    it('answers 404 for an unknown request id', async () => {
      const response = await staff.support.api('get', ADMIN_ROUTES.request(`req-${randomUUID()}`)).expect(404);
      expect(response.body.error.request_id).toEqual(expect.any(String));
    });
  });

  describe('audit log', () => {
    it('filters by actor, action, target and time, newest first, in pages', async () => {
      const since = new Date(Date.now() - 1000).toISOString();
      const customer = await TestSession.create(testApp, { withKey: false });
      const otherSupport = await TestSession.create(testApp, { role: 'support', withKey: false });
      for (const [session, amount] of [
        [staff.support, '1'],
        [otherSupport, '2'],
        [staff.support, '3'],
      ] as const) {
        await session
          .api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id))
          .send({ amountUsd: amount, reason: `grant ${amount}` })
          .expect(200);
      }
      await staff.support.api('post', ADMIN_ROUTES.disableUser(customer.user.id)).send({}).expect(200);

      const byTarget = await staff.admin.api('get', `${ADMIN_ROUTES.auditLog}?targetType=user&targetId=${customer.user.id}`).expect(200);
      expect(byTarget.body.total).toBe(4);
      expect((byTarget.body.data as AuditLogEntry[]).map((entry) => [entry.action, entry.reason])).toEqual([
        ['user.disabled', null],
        [AUDIT_ACTIONS.CreditAdjusted, 'grant 3'],
        [AUDIT_ACTIONS.CreditAdjusted, 'grant 2'],
        [AUDIT_ACTIONS.CreditAdjusted, 'grant 1'],
      ]);

      const byActor = await staff.admin
        .api(
          'get',
          `${ADMIN_ROUTES.auditLog}?actorId=${staff.support.user.id}&action=${AUDIT_ACTIONS.CreditAdjusted}&targetId=${customer.user.id}&from=${since}`,
        )
        .expect(200);
      expect(byActor.body.data.map((entry: AuditLogEntry) => entry.reason)).toEqual(['grant 3', 'grant 1']);

      const secondPage = await staff.admin
        .api('get', `${ADMIN_ROUTES.auditLog}?targetId=${customer.user.id}&page=2&pageSize=3`)
        .expect(200);
      expect(secondPage.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
      expect(secondPage.body.data.map((entry: AuditLogEntry) => entry.reason)).toEqual(['grant 1']);

      const future = new Date(Date.now() + 60_000).toISOString();
      const none = await staff.admin.api('get', `${ADMIN_ROUTES.auditLog}?targetId=${customer.user.id}&from=${future}`).expect(200);
      expect(none.body.total).toBe(0);
      const bad = await staff.admin.api('get', `${ADMIN_ROUTES.auditLog}?from=yesterday`).expect(400);
      expect(bad.body.error.param).toBe('from');
    });

    it('is append-only in the database itself', async () => {
      const dataSource = testApp.app.get(DataSource);
      const [entry] = await dataSource.query('SELECT id FROM audit_log LIMIT 1');
      await expect(dataSource.query(`UPDATE audit_log SET reason = 'rewritten' WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
      await expect(dataSource.query('DELETE FROM audit_log WHERE id = $1', [entry.id])).rejects.toThrow(/append-only/);
      await expect(dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    });

    it('is for admins only', async () => {
      await staff.support.api('get', ADMIN_ROUTES.auditLog).expect(403);
      await staff.customer.api('get', ADMIN_ROUTES.auditLog).expect(403);
    });
  });

  describe('OpenAPI docs', () => {
    it('serves Swagger UI and the document to staff only', async () => {
      const page = await staff.support.api('get', ADMIN_ROUTES.docs).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('swagger-ui-bundle.js');
      const bundle = await staff.support.api('get', `${ADMIN_ROUTES.docs}/assets/swagger-ui-bundle.js`).expect(200);
      expect(bundle.headers['content-type']).toMatch(/javascript/);
      await staff.support.api('get', `${ADMIN_ROUTES.docs}/assets/package.json`).expect(404);

      const document = (await staff.admin.api('get', ADMIN_ROUTES.openApiJson).expect(200)).body;
      expect(document.info.title).toBe('ApiLink staff API');
      const paths = Object.keys(document.paths);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/api/admin/users',
          '/api/admin/users/{userId}/credit-adjustments',
          '/api/admin/upstreams/{id}',
          '/api/admin/models/{modelId}/prices',
        ]),
      );
      expect(paths.every((path) => path.startsWith('/api/admin/'))).toBe(true);
      expect(paths.some((path) => path.startsWith('/api/admin/docs'))).toBe(false);
      const adjust = document.paths['/api/admin/users/{userId}/credit-adjustments'].post;
      expect(adjust.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/CreditAdjustmentDto');
      expect(document.components.schemas.CreditAdjustmentDto.required).toEqual(['amountUsd', 'reason']);
      expect(adjust.parameters).toContainEqual(expect.objectContaining({ name: 'x-apilink-csrf', in: 'header' }));

      await staff.customer.api('get', ADMIN_ROUTES.docs).expect(403);
      await staff.customer.api('get', ADMIN_ROUTES.openApiJson).expect(403);
      await testApp.http().get(ADMIN_ROUTES.openApiJson).expect(401);
    });
  });
});
