/**
 * An account staff create (POST /api/admin/users) signs in with its one-time password into a
 * limited session: me says so, every other dashboard route answers 403 password_change_required
 * until the person chooses their own password; then the same session works everywhere. Accounts
 * whose owner chose the password (sign-up) are never limited.
 */
import { randomUUID } from 'node:crypto';
import {
  ADMIN_ROUTES,
  AUTH_ROUTES,
  BILLING_ROUTES,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  ErrorCode,
  GATEWAY_ROUTES,
  KEY_ROUTES,
  type CreatedUser,
} from '@apilink/contracts';
import type { Response } from 'supertest';
import { KeysService } from '../../../src/modules/keys/keys.service';
import { sessionCookie } from '../../support/session-cookie';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';

const CSRF = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
const NEW_PASSWORD = 'Copper-Meadow-Violin-2093!';

describe('first sign-in with a one-time password from staff', () => {
  let testApp: TestApp;
  let admin: TestSession;
  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await TestSession.create(testApp, { role: 'admin', withKey: false });
  });
  afterAll(() => testApp?.close());

  const newEmail = () => `first-${randomUUID()}@test.apilink.dev`;

  async function createAccount(body: Record<string, unknown> = {}): Promise<CreatedUser> {
    return (
      await admin
        .api('post', ADMIN_ROUTES.users)
        .send({ email: newEmail(), ...body })
        .expect(201)
    ).body as CreatedUser;
  }

  async function logIn(email: string, password: string): Promise<{ cookie: string; body: Response['body'] }> {
    const response = await testApp.http().post(AUTH_ROUTES.login).set(CSRF).send({ email, password }).expect(200);
    return { cookie: sessionCookie(response), body: response.body };
  }

  const as = (cookie: string) => ({
    get: (path: string) => testApp.http().get(path).set('Cookie', cookie),
    post: (path: string) => testApp.http().post(path).set('Cookie', cookie).set(CSRF),
  });

  it('limits the session to the password change, then lifts the limit on the same session', async () => {
    const created = await createAccount({ initialCreditsUsd: '5' });
    expect(created.user.passwordChangeRequired).toBe(true);
    const login = await logIn(created.user.email, created.oneTimePassword);
    expect(login.body.user).toMatchObject({ email: created.user.email, passwordChangeRequired: true });
    const session = as(login.cookie);

    expect((await session.get(AUTH_ROUTES.me).expect(200)).body.user).toEqual(login.body.user);
    for (const refused of [
      session.get(BILLING_ROUTES.balance),
      session.get(KEY_ROUTES.list),
      session.post(KEY_ROUTES.create).send({ name: 'x' }),
    ]) {
      const response = await refused.expect(403);
      expect(response.body.error).toEqual({
        message: expect.stringContaining('Choose a new password'),
        type: 'permission_error',
        param: null,
        code: ErrorCode.PasswordChangeRequired,
        request_id: response.headers['x-request-id'],
      });
    }

    // The one-time password cannot be "changed" to itself to lift the limit.
    const same = await session
      .post(AUTH_ROUTES.changePassword)
      .send({ currentPassword: created.oneTimePassword, newPassword: created.oneTimePassword })
      .expect(400);
    expect(same.body.error).toMatchObject({ param: 'newPassword' });
    await session.get(BILLING_ROUTES.balance).expect(403);

    await session
      .post(AUTH_ROUTES.changePassword)
      .send({ currentPassword: created.oneTimePassword, newPassword: NEW_PASSWORD })
      .expect(204);
    expect((await session.get(AUTH_ROUTES.me).expect(200)).body.user).toMatchObject({ passwordChangeRequired: false });
    const balance = await session.get(BILLING_ROUTES.balance).expect(200);
    expect(balance.body.balance).toEqual({ micros: '5000000', usd: '5.000000' });
    await session.post(KEY_ROUTES.create).send({ name: 'first key' }).expect(201);

    const found = await admin.api('get', ADMIN_ROUTES.user(created.user.id)).expect(200);
    expect(found.body).toMatchObject({ passwordChangeRequired: false });
    await testApp
      .http()
      .post(AUTH_ROUTES.login)
      .set(CSRF)
      .send({ email: created.user.email, password: created.oneTimePassword })
      .expect(401);
    expect((await logIn(created.user.email, NEW_PASSWORD)).body.user).toMatchObject({ passwordChangeRequired: false });
  });

  it('lets the limited session log out, and closes staff routes to a staff account made this way', async () => {
    const created = await createAccount({ role: 'support' });
    const session = as((await logIn(created.user.email, created.oneTimePassword)).cookie);
    const staffRoute = await session.get(ADMIN_ROUTES.users).expect(403);
    expect(staffRoute.body.error.code).toBe(ErrorCode.PasswordChangeRequired);
    await session.post(AUTH_ROUTES.logout).expect(204);
    await session.get(AUTH_ROUTES.me).expect(401);
  });

  it('leaves API keys alone: a key made for the account by an operator works on /v1 before the change', async () => {
    const created = await createAccount();
    const session = as((await logIn(created.user.email, created.oneTimePassword)).cookie);
    await session.get(KEY_ROUTES.list).expect(403);
    const { secret } = await testApp.app
      .get(KeysService)
      .create(created.user.id, { name: 'operator key', rpmLimit: null, expiresAt: null, spendCapMicros: null }, { operator: true });
    await testApp.http().get(GATEWAY_ROUTES.models).set('Authorization', `Bearer ${secret}`).expect(200);
  });

  it('limits the account again after a staff reset: its sessions end, the old password stops, the new one-time password signs in limited', async () => {
    const email = newEmail();
    const chosen = 'Harbor-Lantern-Quartz-4471!';
    const signup = await testApp.http().post(AUTH_ROUTES.signup).set(CSRF).send({ email, password: chosen }).expect(201);
    const first = as(sessionCookie(signup));
    const second = as((await logIn(email, chosen)).cookie);
    await first.get(BILLING_ROUTES.balance).expect(200);

    const reset = await admin.api('post', ADMIN_ROUTES.resetUserPassword(signup.body.user.id)).send({ reason: 'Ticket 512' }).expect(200);
    expect(reset.body).toEqual({
      user: expect.objectContaining({ id: signup.body.user.id, email, passwordChangeRequired: true }),
      oneTimePassword: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
    });
    for (const revoked of [first, second]) await revoked.get(AUTH_ROUTES.me).expect(401);
    await testApp.http().post(AUTH_ROUTES.login).set(CSRF).send({ email, password: chosen }).expect(401);

    const login = await logIn(email, reset.body.oneTimePassword);
    expect(login.body.user).toMatchObject({ email, passwordChangeRequired: true });
    const limited = as(login.cookie);
    expect((await limited.get(BILLING_ROUTES.balance).expect(403)).body.error.code).toBe(ErrorCode.PasswordChangeRequired);
    await limited
      .post(AUTH_ROUTES.changePassword)
      .send({ currentPassword: reset.body.oneTimePassword, newPassword: NEW_PASSWORD })
      .expect(204);
    await limited.get(BILLING_ROUTES.balance).expect(200);
  });

  it('never limits a self-signed-up account', async () => {
    const email = newEmail();
    const signup = await testApp.http().post(AUTH_ROUTES.signup).set(CSRF).send({ email, password: 'correct horse battery' }).expect(201);
    expect(signup.body.user.passwordChangeRequired).toBe(false);
    const session = as(sessionCookie(signup));
    expect((await session.get(AUTH_ROUTES.me).expect(200)).body.user.passwordChangeRequired).toBe(false);
    await session.get(BILLING_ROUTES.balance).expect(200);
    expect((await logIn(email, 'correct horse battery')).body.user.passwordChangeRequired).toBe(false);
    const found = await admin.api('get', ADMIN_ROUTES.users).query({ email }).expect(200);
    expect(found.body.data).toEqual([expect.objectContaining({ email, passwordChangeRequired: false })]);
  });
});
