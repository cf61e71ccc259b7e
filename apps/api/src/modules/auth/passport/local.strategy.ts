import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { AppError } from '../../../common/errors/app-error';
import { AuthThrottle } from '../auth-throttle';
import type { UserEntity } from '../entities/user.entity';
import { UsersService } from '../users.service';

/** Same words for an unknown email and a wrong password: the answer must not tell them apart. */
export const BAD_CREDENTIALS_MESSAGE = 'Incorrect email or password';

/** The login step: throttle, then check the email and password. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly users: UsersService,
    private readonly throttle: AuthThrottle,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  async validate(request: FastifyRequest, email: string, password: string): Promise<UserEntity> {
    await this.throttle.attempt(request.ip, email);
    const user = await this.users.verifyCredentials(email, password);
    if (!user) throw AppError.unauthenticated(BAD_CREDENTIALS_MESSAGE);
    // Only someone who knows the password learns that the account is disabled.
    if (user.disabledAt) throw AppError.forbidden('This account is disabled');
    return user;
  }
}
