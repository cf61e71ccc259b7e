import { randomUUID } from 'node:crypto';
import {
  ADMIN_ROUTES,
  AUDIT_ACTIONS,
  AUTH_ROUTES,
  CREDITS_PATH,
  type AdminUser,
  type AuditLogEntry,
  type LedgerEntry,
} from '@apilink/contracts';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { staffSessions, type StaffSessions } from './support/staff';

/** The newest audit entries about one target, as an admin reads them. */
async function auditOf(admin: TestSession, targetId: string): Promise<AuditLogEntry[]> {
  const response = await admin.api('get', `${ADMIN_ROUTES.auditLog}?targetId=${targetId}`).expect(200);
  return response.body.data;
}

describe('Staff user management', () => {
  let testApp: TestApp;
  let staff: StaffSessions;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { SUPPORT_CREDIT_ADJUSTMENT_LIMIT_USD: '10', RATE_LIMIT_RPM: '1000' } });
    staff = await staffSessions(testApp);
  });
  afterAll(() => testApp.close());

  describe('lookup', () => {
    it('finds users by any part of their email, whatever the case', async () => {
      const tag = randomUUID().slice(0, 8);
      const target = await TestSession.create(testApp, { email: `Ticket-${tag}@Example.test` });
      const response = await staff.support.api('get', `${ADMIN_ROUTES.users}?email=TICKET-${tag.toUpperCase()}`).expect(200);
      expect(response.body).toEqual({
        data: [
          {
            id: target.user.id,
            email: `ticket-${tag}@example.test`,
            name: null,
            role: 'customer',
            status: 'active',
            disabledAt: null,
            createdAt: expect.any(String),
            passwordChangeRequired: false,
          },
        ],
        page: 1,
        pageSize: 50,
        total: 1,
      });
      const wildcard = await staff.support.api('get', `${ADMIN_ROUTES.users}?email=%25`).expect(200);
      expect(wildcard.body.total).toBe(0);
    });

    it("shows a user's profile and keys, never a key's secret", async () => {
      const customer = await TestSession.create(testApp);
      const profile = await staff.support.api('get', ADMIN_ROUTES.user(customer.user.id)).expect(200);
      expect(profile.body).toMatchObject({ id: customer.user.id, email: customer.email, role: 'customer', status: 'active' });
      const keys = await staff.support.api('get', ADMIN_ROUTES.userKeys(customer.user.id)).expect(200);
      expect(keys.body.data).toHaveLength(1);
      expect(keys.body.data[0]).toMatchObject({ id: customer.keyId, status: 'active', displayKey: expect.stringMatching(/^al-/) });
      expect(JSON.stringify(keys.body)).not.toContain(customer.apiKey.slice(7, -4));
    });

    it('answers 404 for a user that does not exist or an id that is not one', async () => {
      await staff.support.api('get', ADMIN_ROUTES.user(randomUUID())).expect(404);
      await staff.support.api('get', ADMIN_ROUTES.userBalance('not-a-uuid')).expect(404);
    });
  });

  describe('credit adjustments', () => {
    it('credits and debits with a reason, shows them in the ledger and the audit log', async () => {
      const customer = await TestSession.create(testApp);
      const requestId = `ticket-${randomUUID()}`;
      const credit = await staff.support
        .api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id))
        .set('x-request-id', requestId)
        .send({ amountUsd: '10', reason: 'Goodwill for ticket 42' })
        .expect(200);
      expect(credit.body).toMatchObject({
        ledgerEntryId: expect.any(String),
        amount: { micros: '10000000', usd: '10.000000' },
        balance: { balance: { micros: '10000000' }, available: { micros: '10000000' } },
      });
      await staff.support
        .api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id))
        .send({ amountUsd: '-2.5', reason: 'Duplicate grant' })
        .expect(200);

      const balance = await staff.support.api('get', ADMIN_ROUTES.userBalance(customer.user.id)).expect(200);
      expect(balance.body.balance).toEqual({ micros: '7500000', usd: '7.500000' });
      const ledger = await staff.support.api('get', ADMIN_ROUTES.userLedger(customer.user.id)).expect(200);
      expect(ledger.body.data.map((entry: LedgerEntry) => [entry.kind, entry.amount.micros, entry.description])).toEqual([
        ['adjustment', '-2500000', 'Duplicate grant'],
        ['adjustment', '10000000', 'Goodwill for ticket 42'],
      ]);
      const customerView = await customer.api('get', '/api/billing/balance').expect(200);
      expect(customerView.body.balance.micros).toBe('7500000');

      const [debit, grant] = await auditOf(staff.admin, customer.user.id);
      expect(grant).toMatchObject({
        actor: { type: 'user', userId: staff.support.user.id, label: staff.support.email, role: 'support' },
        action: AUDIT_ACTIONS.CreditAdjusted,
        targetType: 'user',
        targetId: customer.user.id,
        before: { balanceMicros: '0' },
        after: { balanceMicros: '10000000', amountMicros: '10000000', ledgerEntryId: credit.body.ledgerEntryId },
        reason: 'Goodwill for ticket 42',
        requestId,
      });
      expect(debit).toMatchObject({ before: { balanceMicros: '10000000' }, after: { balanceMicros: '7500000', amountMicros: '-2500000' } });
    });

    it('requires a reason', async () => {
      const customer = await TestSession.create(testApp);
      const missing = await staff.admin.api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id)).send({ amountUsd: '5' }).expect(400);
      expect(missing.body.error.param).toBe('reason');
      const blank = await staff.admin
        .api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id))
        .send({ amountUsd: '5', reason: '   ' })
        .expect(400);
      expect(blank.body.error.param).toBe('reason');
      const zero = await staff.admin
        .api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id))
        .send({ amountUsd: '-0.000', reason: 'x' })
        .expect(400);
      expect(zero.body.error.param).toBe('amountUsd');
    });

    it('limits support per action in either direction, and not admins', async () => {
      const customer = await TestSession.create(testApp);
      const over = await staff.support
        .api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id))
        .send({ amountUsd: '10.000001', reason: 'too much' })
        .expect(403);
      expect(over.body.error.message).toMatch(/at most 10\.000000 USD/);
      await staff.support
        .api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id))
        .send({ amountUsd: '-10.5', reason: 'too much' })
        .expect(403);
      await staff.admin
        .api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id))
        .send({ amountUsd: '5000', reason: 'Enterprise prepayment' })
        .expect(200);
      await staff.support
        .api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id))
        .send({ amountUsd: '-10', reason: 'at the limit' })
        .expect(200);
      const balance = await staff.admin.api('get', ADMIN_ROUTES.userBalance(customer.user.id)).expect(200);
      expect(balance.body.balance.micros).toBe('4990000000');
      expect((await auditOf(staff.admin, customer.user.id)).map((entry) => entry.actor.role)).toEqual(['support', 'admin']);
    });

    it('never debits below the available balance, and writes no audit entry then', async () => {
      const customer = await TestSession.create(testApp);
      await staff.admin.api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id)).send({ amountUsd: '3', reason: 'start' }).expect(200);
      const refused = await staff.admin
        .api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id))
        .send({ amountUsd: '-3.000001', reason: 'too much' })
        .expect(409);
      expect(refused.body.error.param).toBe('amount');
      expect((await staff.admin.api('get', ADMIN_ROUTES.userBalance(customer.user.id))).body.balance.micros).toBe('3000000');
      expect(await auditOf(staff.admin, customer.user.id)).toHaveLength(1);
    });

    it('moves money once when the same call is retried with its request id', async () => {
      const customer = await TestSession.create(testApp);
      const requestId = `retry-${randomUUID()}`;
      const send = () =>
        staff.admin
          .api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id))
          .set('x-request-id', requestId)
          .send({ amountUsd: '1', reason: 'retry' });
      expect((await send()).status).toBe(200);
      expect((await send()).status).toBe(409);
      expect((await staff.admin.api('get', ADMIN_ROUTES.userBalance(customer.user.id))).body.balance.micros).toBe('1000000');
    });
  });

  describe('keys and accounts', () => {
    it('revokes a key so /v1 refuses it, idempotently, with an audit entry', async () => {
      const customer = await TestSession.create(testApp);
      await testApp.http().get(CREDITS_PATH).set(customer.bearer()).expect(200);
      const revoked = await staff.support
        .api('post', ADMIN_ROUTES.revokeUserKey(customer.user.id, customer.keyId))
        .send({ reason: 'Key leaked on GitHub' })
        .expect(200);
      expect(revoked.body).toMatchObject({ id: customer.keyId, status: 'revoked' });
      await testApp.http().get(CREDITS_PATH).set(customer.bearer()).expect(401);
      await staff.support.api('post', ADMIN_ROUTES.revokeUserKey(customer.user.id, customer.keyId)).send({}).expect(200);
      const entries = await auditOf(staff.admin, customer.keyId);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        action: 'api_key.revoked',
        targetType: 'api_key',
        reason: 'Key leaked on GitHub',
        after: { userId: customer.user.id },
      });
    });

    it('answers 404 for a key of another user', async () => {
      const [owner, other] = await Promise.all([TestSession.create(testApp), TestSession.create(testApp)]);
      await staff.support.api('post', ADMIN_ROUTES.revokeUserKey(other.user.id, owner.keyId)).send({}).expect(404);
      await testApp.http().get(CREDITS_PATH).set(owner.bearer()).expect(200);
    });

    it('disables a user (sessions and keys stop) and enables them again (keys work)', async () => {
      const customer = await TestSession.create(testApp);
      await testApp.http().get(CREDITS_PATH).set(customer.bearer()).expect(200);
      const disabled = await staff.support
        .api('post', ADMIN_ROUTES.disableUser(customer.user.id))
        .send({ reason: 'Chargeback fraud' })
        .expect(200);
      expect(disabled.body).toMatchObject({ id: customer.user.id, status: 'disabled', disabledAt: expect.any(String) });
      await testApp.http().get(CREDITS_PATH).set(customer.bearer()).expect(401);
      await customer.api('get', AUTH_ROUTES.me).expect(401);

      const enabled = await staff.support.api('post', ADMIN_ROUTES.enableUser(customer.user.id)).send({}).expect(200);
      expect(enabled.body).toMatchObject({ status: 'active', disabledAt: null });
      await testApp.http().get(CREDITS_PATH).set(customer.bearer()).expect(200);
      const entries = await auditOf(staff.admin, customer.user.id);
      expect(entries.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
        ['user.enabled', { status: 'disabled', disabledAt: expect.any(String) }, { status: 'active', disabledAt: null }],
        ['user.disabled', { status: 'active', disabledAt: null }, { status: 'disabled', disabledAt: expect.any(String) }],
      ]);
      expect(entries[1].reason).toBe('Chargeback fraud');
    });

    it('keeps support away from staff accounts and everyone from disabling themselves', async () => {
      const otherAdmin = await TestSession.create(testApp, { role: 'admin', withKey: false });
      await staff.support.api('post', ADMIN_ROUTES.disableUser(otherAdmin.user.id)).send({}).expect(403);
      await staff.support.api('post', ADMIN_ROUTES.disableUser(staff.support.user.id)).send({}).expect(403);
      await staff.admin.api('post', ADMIN_ROUTES.disableUser(staff.admin.user.id)).send({}).expect(403);
      await otherAdmin.api('get', AUTH_ROUTES.me).expect(200);
    });
  });

  describe('password reset', () => {
    it('answers a new one-time password once, flags the account and audits it without the password', async () => {
      const customer = await TestSession.create(testApp, { withKey: false });
      const reset = await staff.support
        .api('post', ADMIN_ROUTES.resetUserPassword(customer.user.id))
        .send({ reason: 'Locked out, ticket 77' })
        .expect(200);
      expect(reset.body.user).toMatchObject({ id: customer.user.id, passwordChangeRequired: true, status: 'active' });
      await customer.api('get', AUTH_ROUTES.me).expect(401);
      const profile = await staff.support.api('get', ADMIN_ROUTES.user(customer.user.id)).expect(200);
      expect(profile.body.passwordChangeRequired).toBe(true);

      const [entry] = await auditOf(staff.admin, customer.user.id);
      expect(entry).toMatchObject({
        action: AUDIT_ACTIONS.UserPasswordReset,
        before: { passwordChangeRequired: false },
        after: { passwordChangeRequired: true, sessionsRevoked: true },
        reason: 'Locked out, ticket 77',
      });
      expect(JSON.stringify(entry)).not.toContain(reset.body.oneTimePassword);
    });

    it('refuses customers, support on staff accounts and anyone on their own account; 404 for an unknown user', async () => {
      const customer = await TestSession.create(testApp, { withKey: false });
      const other = await TestSession.create(testApp, { withKey: false });
      const otherAdmin = await TestSession.create(testApp, { role: 'admin', withKey: false });
      const refusedCustomer = await customer.api('post', ADMIN_ROUTES.resetUserPassword(other.user.id)).send({}).expect(403);
      expect(refusedCustomer.body.error).toMatchObject({ type: 'permission_error' });
      await staff.support.api('post', ADMIN_ROUTES.resetUserPassword(otherAdmin.user.id)).send({}).expect(403);
      await staff.support.api('post', ADMIN_ROUTES.resetUserPassword(staff.support.user.id)).send({}).expect(403);
      const own = await staff.admin.api('post', ADMIN_ROUTES.resetUserPassword(staff.admin.user.id)).send({}).expect(403);
      expect(own.body.error.message).toBe('You cannot reset the password of your own account');
      const unknown = await staff.support.api('post', ADMIN_ROUTES.resetUserPassword(randomUUID())).send({}).expect(404);
      expect(unknown.body.error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('No user'), param: null });
      for (const untouched of [other, otherAdmin, staff.support]) await untouched.api('get', AUTH_ROUTES.me).expect(200);
      expect(await auditOf(staff.admin, other.user.id)).toEqual([]);
      // An admin may reset a staff account other than their own, as they may disable one.
      await staff.admin.api('post', ADMIN_ROUTES.resetUserPassword(otherAdmin.user.id)).send({}).expect(200);
    });
  });

  describe('roles', () => {
    it('lets an admin promote a customer, whose next request has the new rights', async () => {
      const customer = await TestSession.create(testApp, { withKey: false });
      await customer.api('get', ADMIN_ROUTES.users).expect(403);
      const promoted = await staff.admin
        .api('put', ADMIN_ROUTES.userRole(customer.user.id))
        .send({ role: 'support', reason: 'Hired' })
        .expect(200);
      expect((promoted.body as AdminUser).role).toBe('support');
      await customer.api('get', ADMIN_ROUTES.users).expect(200);
      await customer.api('get', ADMIN_ROUTES.auditLog).expect(403);
      const [entry] = await auditOf(staff.admin, customer.user.id);
      expect(entry).toMatchObject({
        action: 'user.role_changed',
        before: { role: 'customer' },
        after: { role: 'support' },
        reason: 'Hired',
      });
    });

    it('refuses unknown roles, support callers and changing your own role', async () => {
      const customer = await TestSession.create(testApp, { withKey: false });
      const invalid = await staff.admin.api('put', ADMIN_ROUTES.userRole(customer.user.id)).send({ role: 'owner' }).expect(400);
      expect(invalid.body.error.param).toBe('role');
      await staff.support.api('put', ADMIN_ROUTES.userRole(customer.user.id)).send({ role: 'admin' }).expect(403);
      await staff.admin.api('put', ADMIN_ROUTES.userRole(staff.admin.user.id)).send({ role: 'customer' }).expect(403);
      expect((await staff.admin.api('get', ADMIN_ROUTES.user(customer.user.id))).body.role).toBe('customer');
    });
  });

  describe('settings', () => {
    it('tells staff the support limit per credit adjustment, as configured, and that upstream keys cannot be stored without UPSTREAM_ENCRYPTION_KEY', async () => {
      const expected = { supportCreditAdjustmentLimit: { micros: '10000000', usd: '10.000000' }, upstreamKeysStorable: false };
      expect((await staff.support.api('get', ADMIN_ROUTES.settings).expect(200)).body).toEqual(expected);
      expect((await staff.admin.api('get', ADMIN_ROUTES.settings).expect(200)).body).toEqual(expected);
    });
  });

  describe('money views', () => {
    it("shows a user's payments, invoices and usage (empty for a new account)", async () => {
      const customer = await TestSession.create(testApp);
      expect((await staff.support.api('get', ADMIN_ROUTES.userPayments(customer.user.id)).expect(200)).body).toEqual({ data: [] });
      expect((await staff.support.api('get', ADMIN_ROUTES.userInvoices(customer.user.id)).expect(200)).body).toEqual({ data: [] });
      expect((await staff.support.api('get', `${ADMIN_ROUTES.userUsage(customer.user.id)}?pageSize=10`).expect(200)).body).toEqual({
        data: [],
        page: 1,
        pageSize: 10,
        total: 0,
      });
    });
  });
});
