import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthenticatorRegistry } from '../../common/auth/authenticator.registry';
import { AuditModule } from '../audit/audit.module';
import { KeysModule } from '../keys/keys.module';
import { RateLimitStoreModule } from '../rate-limit/rate-limit-store.module';
import { AdminBootstrapper } from './admin-bootstrapper';
import { AuthThrottle } from './auth-throttle';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CsrfGuard } from './csrf.guard';
import { UserSessionEntity } from './entities/user-session.entity';
import { UserEntity } from './entities/user.entity';
import { LocalStrategy } from './passport/local.strategy';
import { PasswordChangeGuard } from './password-change.guard';
import { PasswordHasher } from './password-hasher';
import { SessionAuthenticator } from './session.authenticator';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

/**
 * Accounts and dashboard sessions under /api/auth; the `session`, `staff` and `admin`
 * authenticators; the CSRF guard for /api and the guard that limits a session with a one-time
 * password to changing it. Other modules use UsersService (find, create,
 * disable, enable) and SessionsService.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, UserSessionEntity]), PassportModule, KeysModule, RateLimitStoreModule, AuditModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    UsersService,
    SessionsService,
    PasswordHasher,
    AuthThrottle,
    LocalStrategy,
    SessionAuthenticator,
    AdminBootstrapper,
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: PasswordChangeGuard },
  ],
  exports: [UsersService, SessionsService, KeysModule],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly registry: AuthenticatorRegistry,
    private readonly authenticator: SessionAuthenticator,
  ) {}

  onModuleInit(): void {
    this.registry.register(['session', 'staff', 'admin'], this.authenticator);
  }
}
