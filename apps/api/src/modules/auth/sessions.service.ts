import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, type EntityManager, type Repository } from 'typeorm';
import type { SessionPrincipal, UserRole } from '../../common/auth/principal';
import { authConfig } from '../../config/auth.config';
import type { ConfigOf } from '../../config/define-config';
import { UserSessionEntity } from './entities/user-session.entity';
import { signSessionToken, verifySessionToken } from './session-token';

export interface IssuedSession {
  sessionId: string;
  /** The cookie value. */
  token: string;
  expiresAt: Date;
}

export type ResolvedSession = { status: 'ok'; sessionId: string; principal: SessionPrincipal } | { status: 'none' | 'disabled' };

interface SessionRow {
  session_id: string;
  user_id: string;
  email: string;
  role: UserRole;
  password_change_required: boolean;
  disabled_at: Date | null;
}

/** Dashboard sessions: a row per login, referenced by a signed cookie. */
@Injectable()
export class SessionsService {
  private generatedSecret: string | null = null;

  constructor(
    @InjectRepository(UserSessionEntity) private readonly sessions: Repository<UserSessionEntity>,
    @Inject(authConfig.KEY) private readonly config: ConfigOf<typeof authConfig>,
  ) {}

  /** Made on first use so processes that never touch sessions (the CLI) stay quiet. */
  private get secret(): string {
    if (this.config.sessionSecret) return this.config.sessionSecret;
    if (!this.generatedSecret) {
      this.generatedSecret = randomBytes(32).toString('hex');
      new Logger(SessionsService.name).warn(
        'SESSION_SECRET is not set: sessions end when this process restarts and are not shared between instances',
      );
    }
    return this.generatedSecret;
  }

  async issue(userId: string): Promise<IssuedSession> {
    const expiresAt = new Date(Date.now() + this.config.sessionTtlMs);
    const session = await this.sessions.save(this.sessions.create({ userId, expiresAt, revokedAt: null }));
    return { sessionId: session.id, token: signSessionToken(session.id, this.secret), expiresAt };
  }

  /** One read per dashboard request: the session must be live and its user enabled. */
  async resolve(token: string | undefined): Promise<ResolvedSession> {
    const sessionId = token ? verifySessionToken(token, this.secret) : null;
    if (!sessionId || !/^[0-9a-f-]{36}$/.test(sessionId)) return { status: 'none' };
    const rows: SessionRow[] = await this.sessions.query(
      `SELECT s.id AS session_id, u.id AS user_id, u.email, u.role, u.password_change_required, u.disabled_at
         FROM user_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [sessionId],
    );
    const row = rows[0];
    if (!row) return { status: 'none' };
    if (row.disabled_at) return { status: 'disabled' };
    return {
      status: 'ok',
      sessionId,
      principal: {
        kind: 'session',
        userId: row.user_id,
        email: row.email,
        role: row.role,
        passwordChangeRequired: row.password_change_required,
      },
    };
  }

  sessionIdOf(token: string | undefined): string | null {
    return token ? verifySessionToken(token, this.secret) : null;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /** Ends every session of a user, except optionally the one making the change; with `manager`, inside its transaction. */
  async revokeAllForUser(userId: string, exceptSessionId?: string, manager?: EntityManager): Promise<void> {
    const sessions = manager?.getRepository(UserSessionEntity) ?? this.sessions;
    await sessions.update(
      { userId, revokedAt: IsNull(), ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}) },
      { revokedAt: () => 'now()' },
    );
  }
}
