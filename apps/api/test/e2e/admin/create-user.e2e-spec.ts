/**
 * An admin creates an account (POST /api/admin/users): a generated one-time password answered
 * once that logs the person in (to a session limited to choosing their own password), optional initial credits as an audited ledger adjustment, and a
 * `user.created` audit entry naming the admin, never the password.
 */
import { randomUUID } from 'node:crypto';
import { ADMIN_ROUTES, AUDIT_ACTIONS, AUTH_ROUTES, type AuditLogEntry, type CreatedUser } from '@apilink/contracts';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { startTestApp, type TestApp } from '../../support/test-app';
import { staffSessions, type StaffSessions } from './support/staff';

describe('POST /api/admin/users', () => {
  let testApp: TestApp;
  let staff: StaffSessions;
  beforeAll(async () => {
    testApp = await startTestApp();
    staff = await staffSessions(testApp);
  });
  afterAll(() => testApp?.close());

  const newEmail = () => `made-${randomUUID()}@test.apilink.dev`;

  it('creates a customer with initial credits; the one-time password logs them in; the audit log names the admin', async () => {
    const email = newEmail();
    const response = await staff.admin
      .api('post', ADMIN_ROUTES.users)
      .send({ email: `  ${email.toUpperCase()} `, name: 'Ada Lovelace', initialCreditsUsd: '10.50', reason: 'Onboarding ticket 4417' })
      .expect(201);
    const created = response.body as CreatedUser;
    expect(created).toEqual({
      user: {
        id: expect.any(String),
        email,
        name: 'Ada Lovelace',
        role: 'customer',
        status: 'active',
        disabledAt: null,
        createdAt: expect.any(String),
        passwordChangeRequired: true,
      },
      oneTimePassword: expect.stringMatching(/^[\w-]{24}$/),
      initialCredits: { ledgerEntryId: expect.any(String), amount: { micros: '10500000', usd: '10.500000' } },
    });

    const login = await testApp
      .http()
      .post(AUTH_ROUTES.login)
      .set('x-apilink-csrf', '1')
      .send({ email, password: created.oneTimePassword })
      .expect(200);
    // The session is limited to choosing a new password (first-sign-in.e2e-spec.ts follows that through).
    expect(login.body.user).toMatchObject({ id: created.user.id, passwordChangeRequired: true });
    const balance = await staff.admin.api('get', ADMIN_ROUTES.userBalance(created.user.id)).expect(200);
    expect(balance.body.balance).toEqual({ micros: '10500000', usd: '10.500000' });

    const audit = await staff.admin.api('get', ADMIN_ROUTES.auditLog).query({ targetId: created.user.id }).expect(200);
    const entries = audit.body.data as AuditLogEntry[];
    const userCreated = entries.find((entry) => entry.action === AUDIT_ACTIONS.UserCreated);
    expect(userCreated).toMatchObject({
      actor: { type: 'user', userId: staff.admin.user.id, label: staff.admin.email, role: 'admin' },
      targetType: 'user',
      targetId: created.user.id,
      after: { email, name: 'Ada Lovelace', role: 'customer' },
      requestId: response.headers['x-request-id'],
    });
    const adjustment = entries.find((entry) => entry.action === AUDIT_ACTIONS.CreditAdjusted);
    expect(adjustment).toMatchObject({
      action: AUDIT_ACTIONS.CreditAdjusted,
      actor: { userId: staff.admin.user.id },
      reason: 'Onboarding ticket 4417',
    });
    expect(JSON.stringify(entries)).not.toContain(created.oneTimePassword);
    expect(await billingInvariantViolations({ userIds: [created.user.id] })).toEqual([]);
  });

  it('creates staff without credits, and each call generates a different password', async () => {
    const first = await staff.admin.api('post', ADMIN_ROUTES.users).send({ email: newEmail(), role: 'support' }).expect(201);
    const second = await staff.admin.api('post', ADMIN_ROUTES.users).send({ email: newEmail() }).expect(201);
    expect(first.body).toMatchObject({ user: { role: 'support', name: null }, initialCredits: null });
    expect(second.body.user.role).toBe('customer');
    expect(first.body.oneTimePassword).not.toBe(second.body.oneTimePassword);
  });

  it('answers 409 for a taken email and 400 for bad input, creating nothing', async () => {
    const taken = await staff.admin.api('post', ADMIN_ROUTES.users).send({ email: staff.customer.email }).expect(409);
    expect(taken.body.error).toMatchObject({ param: 'email' });
    const refusedEmails = [newEmail(), newEmail(), newEmail(), newEmail()];
    for (const body of [
      {},
      { email: 'not-an-email' },
      { email: refusedEmails[0], role: 'root' },
      { email: refusedEmails[1], initialCreditsUsd: '-5' },
      { email: refusedEmails[2], initialCreditsUsd: '1.0000001' },
      { email: refusedEmails[3], name: 'x'.repeat(201) },
    ]) {
      const refused = await staff.admin.api('post', ADMIN_ROUTES.users).send(body);
      expect({ body, status: refused.status }).toEqual({ body, status: 400 });
      expect(refused.body.error.message).toEqual(expect.any(String));
    }
    for (const email of [...refusedEmails, 'not-an-email']) {
      const found = await staff.admin.api('get', ADMIN_ROUTES.users).query({ email }).expect(200);
      expect({ email, users: found.body.data }).toEqual({ email, users: [] });
    }
    const sameEmail = await staff.admin.api('get', ADMIN_ROUTES.users).query({ email: staff.customer.email }).expect(200);
    expect(sameEmail.body.data).toEqual([expect.objectContaining({ id: staff.customer.user.id })]);
  });

  it('is for admins only', async () => {
    await staff.support.api('post', ADMIN_ROUTES.users).send({ email: newEmail() }).expect(403);
    await staff.customer.api('post', ADMIN_ROUTES.users).send({ email: newEmail() }).expect(403);
    await testApp.http().post(ADMIN_ROUTES.users).set('x-apilink-csrf', '1').send({ email: newEmail() }).expect(401);
  });
});
