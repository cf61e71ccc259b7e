import { randomUUID } from 'node:crypto';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE_NAME, type UserRole } from '@apilink/contracts';
import type { Test } from 'supertest';
import { SessionsService } from '../../src/modules/auth/sessions.service';
import { UsersService } from '../../src/modules/auth/users.service';
import { systemActor } from '../../src/modules/audit/audit-actor';
import { CreditAdjustmentService } from '../../src/modules/billing/ledger/credit-adjustment.service';
import { KeysService } from '../../src/modules/keys/keys.service';
import type { TestApp } from './test-app';

export interface TestSessionOptions {
  role?: UserRole;
  /** Defaults to a unique address, so test files sharing the database never collide. */
  email?: string;
  password?: string;
  /** false: no API key is made (apiKey and keyId are then empty strings). */
  withKey?: boolean;
  keyName?: string;
  /** The key's own requests-per-minute limit (set as an operator, so above RATE_LIMIT_RPM too). */
  rpm?: number | null;
  expiresAt?: Date | null;
  spendCapMicros?: bigint | null;
  /** Credits granted at creation, in micro-USD (a ledger `grant`, as the operator CLI makes). */
  credits?: bigint;
}

export interface TestUser {
  id: string;
  email: string;
  role: UserRole;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * A user with a dashboard session and an API key in one line, made through the services (not
 * HTTP, so the sign-up throttle never trips):
 *   const s = await TestSession.create(testApp, { rpm: 5 });
 *   await s.api('post', '/api/keys').send({ name: 'x' });        // cookie + CSRF header
 *   await testApp.http().post('/v1/...').set(s.bearer());          // Authorization: Bearer al-...
 */
export class TestSession {
  private constructor(
    readonly testApp: TestApp,
    readonly user: TestUser,
    readonly email: string,
    readonly password: string,
    readonly apiKey: string,
    readonly keyId: string,
    /** `Cookie` header value carrying the signed session. */
    readonly cookie: string,
  ) {}

  static async create(testApp: TestApp, options: TestSessionOptions = {}): Promise<TestSession> {
    const email = options.email ?? `user-${randomUUID()}@test.apilink.dev`;
    const password = options.password ?? `pw-${randomUUID()}`;
    const user = await testApp.app.get(UsersService).create({ email, password, role: options.role ?? 'customer' });
    const session = await testApp.app.get(SessionsService).issue(user.id);
    let apiKey = '';
    let keyId = '';
    if (options.withKey !== false) {
      const created = await testApp.app.get(KeysService).create(
        user.id,
        {
          name: options.keyName ?? 'test key',
          rpmLimit: options.rpm ?? null,
          expiresAt: options.expiresAt ?? null,
          spendCapMicros: options.spendCapMicros ?? null,
        },
        { operator: true },
      );
      apiKey = created.secret;
      keyId = created.key.id;
    }
    if (options.credits) {
      await testApp.app
        .get(CreditAdjustmentService)
        .adjust(
          { userId: user.id, kind: 'grant', amountMicros: options.credits, reason: 'test credits' },
          { actor: systemActor('test-session'), requestId: null },
        );
    }
    return new TestSession(
      testApp,
      { id: user.id, email: user.email, role: user.role },
      user.email,
      password,
      apiKey,
      keyId,
      `${SESSION_COOKIE_NAME}=${session.token}`,
    );
  }

  /** A request to the internal API as this user: session cookie plus the CSRF header. */
  api(method: Method, path: string): Test {
    return this.testApp.http()[method](path).set('Cookie', this.cookie).set(CSRF_HEADER, CSRF_HEADER_VALUE);
  }

  /** Headers for /v1 with this session's key (or another secret). */
  bearer(secret = this.apiKey): Record<string, string> {
    return { Authorization: `Bearer ${secret}` };
  }
}
