import { randomUUID } from 'node:crypto';
import { AUTH_ROUTES, CSRF_HEADER } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { UsersService } from '../../../src/modules/auth/users.service';
import { sessionCookie, sessionSetCookie } from '../../support/session-cookie';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { AuthProbeModule } from './probe.module';

const CSRF = { [CSRF_HEADER]: '1' };

function uniqueEmail(): string {
  return `acct-${randomUUID()}@test.apilink.dev`;
}

describe('accounts and sessions', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ env: { SESSION_SECRET: 'e2e-session-secret-0123456789abcdef' }, extraImports: [AuthProbeModule] });
  });
  afterAll(() => testApp.close());

  it('signs up, sets an httpOnly SameSite=Lax session cookie and answers me', async () => {
    const email = uniqueEmail();
    const signup = await testApp
      .http()
      .post(AUTH_ROUTES.signup)
      .set(CSRF)
      .send({ email: `  ${email.toUpperCase()} `, password: 'correct horse battery' })
      .expect(201);
    expect(signup.body.user).toEqual({
      id: expect.any(String),
      email,
      role: 'customer',
      createdAt: expect.any(String),
      passwordChangeRequired: false,
    });
    const cookie = sessionSetCookie(signup);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const me = await testApp.http().get(AUTH_ROUTES.me).set('Cookie', sessionCookie(signup)).expect(200);
    expect(me.body.user).toEqual(signup.body.user);
  });

  it('stores an argon2id hash, never the password', async () => {
    const email = uniqueEmail();
    await testApp.http().post(AUTH_ROUTES.signup).set(CSRF).send({ email, password: 'correct horse battery' }).expect(201);
    const [row] = await testApp.app.get(DataSource).query('SELECT password_hash FROM users WHERE email = $1', [email]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('correct horse battery');
  });

  it('refuses a second account for the same email in any case', async () => {
    const email = uniqueEmail();
    await testApp.http().post(AUTH_ROUTES.signup).set(CSRF).send({ email, password: 'correct horse battery' }).expect(201);
    const again = await testApp
      .http()
      .post(AUTH_ROUTES.signup)
      .set(CSRF)
      .send({ email: email.toUpperCase(), password: 'another password 1' })
      .expect(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', param: 'email' });
  });

  it('validates sign-up input', async () => {
    const badEmail = await testApp
      .http()
      .post(AUTH_ROUTES.signup)
      .set(CSRF)
      .send({ email: 'nope', password: 'correct horse battery' })
      .expect(400);
    expect(badEmail.body.error.param).toBe('email');
    const short = await testApp.http().post(AUTH_ROUTES.signup).set(CSRF).send({ email: uniqueEmail(), password: 'short' }).expect(400);
    expect(short.body.error.param).toBe('password');
  });

  it('refuses common and guessable passwords of any length, saying why', async () => {
    const email = uniqueEmail();
    for (const [password, reason] of [
      ['password1234', /commonly used password/],
      ['qwertyuiop12', /keyboard|commonly used/],
      ['aaaaaaaaaaaaaaaa', /Repeated characters/],
      [email, /personal/],
    ] as const) {
      const response = await testApp.http().post(AUTH_ROUTES.signup).set(CSRF).send({ email, password }).expect(400);
      expect(response.body.error).toMatchObject({ param: 'password', code: 'weak_password', type: 'invalid_request_error' });
      expect(response.body.error.message).toMatch(/^This password is too easy to guess\./);
      expect(response.body.error.message).toMatch(reason);
    }
    const session = await TestSession.create(testApp, { withKey: false });
    const change = await session
      .api('post', AUTH_ROUTES.changePassword)
      .send({ currentPassword: session.password, newPassword: 'Password1234!' })
      .expect(400);
    expect(change.body.error).toMatchObject({ param: 'newPassword', code: 'weak_password' });
    await testApp.http().post(AUTH_ROUTES.login).set(CSRF).send({ email: session.email, password: session.password }).expect(200);
  });

  it('logs in with passport-local and out again, after which the cookie is dead', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const login = await testApp
      .http()
      .post(AUTH_ROUTES.login)
      .set(CSRF)
      .send({ email: session.email.toUpperCase(), password: session.password })
      .expect(200);
    expect(login.body.user).toMatchObject({ id: session.user.id, email: session.email, role: 'customer' });
    const cookie = sessionCookie(login);
    await testApp.http().get(AUTH_ROUTES.me).set('Cookie', cookie).expect(200);
    const logout = await testApp.http().post(AUTH_ROUTES.logout).set('Cookie', cookie).set(CSRF).expect(204);
    expect(sessionSetCookie(logout)).toMatch(/Expires=Thu, 01 Jan 1970/);
    const after = await testApp.http().get(AUTH_ROUTES.me).set('Cookie', cookie).expect(401);
    expect(after.body.error).toMatchObject({ code: 'unauthenticated', request_id: after.headers['x-request-id'] });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const wrong = await testApp
      .http()
      .post(AUTH_ROUTES.login)
      .set(CSRF)
      .send({ email: session.email, password: 'wrong password!' })
      .expect(401);
    const unknown = await testApp
      .http()
      .post(AUTH_ROUTES.login)
      .set(CSRF)
      .send({ email: uniqueEmail(), password: 'wrong password!' })
      .expect(401);
    const strip = (body: { error: Record<string, unknown> }) => ({ ...body.error, request_id: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body.error.message).toBe('Incorrect email or password');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('spends about the same time on a wrong password and on an unknown email', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const time = async (email: string) => {
      const started = process.hrtime.bigint();
      await testApp.http().post(AUTH_ROUTES.login).set(CSRF).send({ email, password: 'wrong password!' }).expect(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved so machine load affects both alike; 4 each stays under the per-email throttle.
    for (let i = 0; i < 4; i++) {
      known.push(await time(session.email));
      unknown.push(await time(uniqueEmail()));
    }
    const [k, u] = [median(known), median(unknown)];
    // Without the dummy hash an unknown email answers in ~1 ms against tens of ms for argon2;
    // the loose bounds leave room for a loaded machine.
    expect(u).toBeGreaterThan(k / 3);
    expect(u).toBeLessThan(k * 3);
  });

  it('requires the email and password fields on login', async () => {
    const response = await testApp.http().post(AUTH_ROUTES.login).set(CSRF).send({ email: uniqueEmail() }).expect(400);
    expect(response.body.error).toMatchObject({ param: 'password', code: 'invalid_request' });
  });

  it('refuses login to a disabled account and ends its sessions', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    await testApp.http().get(AUTH_ROUTES.me).set('Cookie', session.cookie).expect(200);
    await testApp.app.get(UsersService).disable(session.user.id);
    await testApp.http().get(AUTH_ROUTES.me).set('Cookie', session.cookie).expect(401);
    const login = await testApp
      .http()
      .post(AUTH_ROUTES.login)
      .set(CSRF)
      .send({ email: session.email, password: session.password })
      .expect(403);
    expect(login.body.error.message).toBe('This account is disabled');
  });

  it('changes the password: old one refused, new one accepted, other sessions ended, this one kept', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const other = await testApp
      .http()
      .post(AUTH_ROUTES.login)
      .set(CSRF)
      .send({ email: session.email, password: session.password })
      .expect(200);
    const otherCookie = sessionCookie(other);
    const wrong = await session
      .api('post', AUTH_ROUTES.changePassword)
      .send({ currentPassword: 'not it at all', newPassword: 'a brand new password' })
      .expect(400);
    expect(wrong.body.error.param).toBe('currentPassword');
    await session
      .api('post', AUTH_ROUTES.changePassword)
      .send({ currentPassword: session.password, newPassword: 'a brand new password' })
      .expect(204);
    await testApp.http().get(AUTH_ROUTES.me).set('Cookie', session.cookie).expect(200);
    await testApp.http().get(AUTH_ROUTES.me).set('Cookie', otherCookie).expect(401);
    await testApp.http().post(AUTH_ROUTES.login).set(CSRF).send({ email: session.email, password: session.password }).expect(401);
    await testApp.http().post(AUTH_ROUTES.login).set(CSRF).send({ email: session.email, password: 'a brand new password' }).expect(200);
  });

  it('refuses a forged or tampered session cookie', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const [name, token] = session.cookie.split('=');
    const sessionId = token.split('.')[0];
    await testApp.http().get(AUTH_ROUTES.me).set('Cookie', `${name}=${sessionId}.forged`).expect(401);
    await testApp
      .http()
      .get(AUTH_ROUTES.me)
      .set('Cookie', `${name}=${randomUUID()}.${token.split('.')[1]}`)
      .expect(401);
    await testApp.http().get(AUTH_ROUTES.me).expect(401);
  });

  it('rejects state-changing /api requests without the CSRF header, even with a valid session', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const response = await testApp.http().post(AUTH_ROUTES.logout).set('Cookie', session.cookie).expect(403);
    expect(response.body.error).toMatchObject({ type: 'permission_error', code: 'forbidden' });
    expect(response.body.error.message).toContain(CSRF_HEADER);
    await testApp.http().post(AUTH_ROUTES.signup).send({ email: uniqueEmail(), password: 'correct horse battery' }).expect(403);
    // Reads need no header.
    await testApp.http().get(AUTH_ROUTES.me).set('Cookie', session.cookie).expect(200);
  });

  it('keeps staff routes to support and admin, and admin routes to admin', async () => {
    const [customer, support, admin] = await Promise.all(
      (['customer', 'support', 'admin'] as const).map((role) => TestSession.create(testApp, { withKey: false, role })),
    );
    const get = (path: string, session: TestSession) => testApp.http().get(path).set('Cookie', session.cookie);
    const denied = await get('/api/test-staff', customer).expect(403);
    expect(denied.body.error).toMatchObject({ type: 'permission_error', code: 'forbidden' });
    expect((await get('/api/test-staff', support).expect(200)).body).toMatchObject({
      kind: 'session',
      role: 'support',
      userId: support.user.id,
    });
    await get('/api/test-staff', admin).expect(200);
    await get('/api/test-admin', customer).expect(403);
    await get('/api/test-admin', support).expect(403);
    expect((await get('/api/test-admin', admin).expect(200)).body).toMatchObject({ role: 'admin', email: admin.email });
    await testApp.http().get('/api/test-admin').expect(401);
  });
});
