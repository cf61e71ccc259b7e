import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '@apilink/contracts';
import type { SessionPrincipal } from '../../common/auth/principal';
import { AuthThrottle } from './auth-throttle';
import type { UserEntity } from './entities/user.entity';
import { toCurrentUser } from './mappers/user.mapper';
import { SessionsService, type IssuedSession } from './sessions.service';
import { UsersService } from './users.service';

export interface LoggedIn {
  user: CurrentUser;
  session: IssuedSession;
}

/** The account flows behind /api/auth; credentials for login are checked by the local strategy. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: AuthThrottle,
  ) {}

  async signup(ip: string, email: string, password: string): Promise<LoggedIn> {
    await this.throttle.attempt(ip, email);
    const user = await this.users.create({ email, password, role: 'customer' });
    return { user, session: await this.sessions.issue(user.id) };
  }

  async login(user: UserEntity): Promise<LoggedIn> {
    return { user: toCurrentUser(user), session: await this.sessions.issue(user.id) };
  }

  async logout(sessionToken: string | undefined): Promise<void> {
    const sessionId = this.sessions.sessionIdOf(sessionToken);
    if (sessionId) await this.sessions.revoke(sessionId);
  }

  me(principal: SessionPrincipal): Promise<CurrentUser> {
    return this.users.currentUser(principal.userId);
  }

  async changePassword(
    ip: string,
    principal: SessionPrincipal,
    sessionToken: string | undefined,
    current: string,
    next: string,
  ): Promise<void> {
    await this.throttle.attempt(ip, principal.email);
    await this.users.changePassword(principal.userId, current, next, this.sessions.sessionIdOf(sessionToken) ?? undefined);
  }
}
