import { randomUUID } from 'node:crypto';
import { AUTH_ROUTES, CSRF_HEADER } from '@apilink/contracts';
import { startTestApp } from '../../support/test-app';

describe('bootstrap admin from ADMIN_EMAIL / ADMIN_PASSWORD', () => {
  it('creates the admin at first start and leaves the account alone on later starts', async () => {
    const email = `admin-${randomUUID()}@test.apilink.dev`;
    const first = await startTestApp({ env: { ADMIN_EMAIL: email, ADMIN_PASSWORD: 'first admin password' } });
    try {
      const login = await first
        .http()
        .post(AUTH_ROUTES.login)
        .set(CSRF_HEADER, '1')
        .send({ email, password: 'first admin password' })
        .expect(200);
      expect(login.body.user).toMatchObject({ email, role: 'admin' });
    } finally {
      await first.close();
    }
    const second = await startTestApp({ env: { ADMIN_EMAIL: email, ADMIN_PASSWORD: 'a changed password' } });
    try {
      await second.http().post(AUTH_ROUTES.login).set(CSRF_HEADER, '1').send({ email, password: 'first admin password' }).expect(200);
      await second.http().post(AUTH_ROUTES.login).set(CSRF_HEADER, '1').send({ email, password: 'a changed password' }).expect(401);
    } finally {
      await second.close();
    }
  });

  it('refuses to boot with only one of the two variables, naming it', async () => {
    await expect(startTestApp({ env: { ADMIN_EMAIL: `admin-${randomUUID()}@test.apilink.dev` } })).rejects.toThrow(/ADMIN_PASSWORD/);
  });

  it('refuses to boot in production without a long SESSION_SECRET', async () => {
    await expect(startTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'short' } })).rejects.toThrow(
      /SESSION_SECRET must be at least 32 characters/,
    );
    await expect(startTestApp({ env: { NODE_ENV: 'production' } })).rejects.toThrow(/SESSION_SECRET/);
  });
});
