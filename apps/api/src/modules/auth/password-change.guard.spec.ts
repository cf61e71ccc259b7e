import { ErrorCode } from '@apilink/contracts';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Auth, Public } from '../../common/auth/auth.decorator';
import type { Principal, UserRole } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { OpenBeforePasswordChange } from './open-before-password-change.decorator';
import { PasswordChangeGuard } from './password-change.guard';

class Routes {
  @Auth('session') keys(): void {}
  @Auth('staff') staffSearch(): void {}
  @Auth('admin') createUser(): void {}
  @Auth('session') @OpenBeforePasswordChange() me(): void {}
  @Auth('api-key') completions(): void {}
  @Public() login(): void {}
}

function contextFor(handler: keyof Routes, principal: Principal | undefined): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ principal }) }),
  } as unknown as ExecutionContext;
}

function session(passwordChangeRequired: boolean, role: UserRole = 'customer'): Principal {
  return { kind: 'session', userId: 'u-1', email: 'a@b.c', role, passwordChangeRequired };
}

const guard = new PasswordChangeGuard(new Reflector());
const refusal = (handler: keyof Routes, principal: Principal | undefined): unknown => {
  try {
    guard.canActivate(contextFor(handler, principal));
    return null;
  } catch (error) {
    return error;
  }
};

describe('PasswordChangeGuard', () => {
  it.each<[keyof Routes, Principal]>([
    ['keys', session(true)],
    ['staffSearch', session(true, 'support')],
    ['createUser', session(true, 'admin')],
  ])('refuses %s to a session that still has its one-time password, with 403 password_change_required', (handler, principal) => {
    const error = refusal(handler, principal);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 403, type: 'permission_error', code: ErrorCode.PasswordChangeRequired });
  });

  it('lets that session reach the routes marked open before the change', () => {
    expect(refusal('me', session(true))).toBeNull();
  });

  it('lets every other session through', () => {
    expect(refusal('keys', session(false))).toBeNull();
    expect(refusal('staffSearch', session(false, 'support'))).toBeNull();
  });

  it('leaves API-key and public routes alone', () => {
    const key: Principal = { kind: 'api-key', userId: 'u-1', keyId: 'k-1', rpmLimit: 60, spendCapMicros: null };
    expect(refusal('completions', key)).toBeNull();
    expect(refusal('login', undefined)).toBeNull();
  });

  it('fails closed when a session route reaches it without a principal (AuthGuard not run first)', () => {
    const error = refusal('keys', undefined);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AppError);
  });
});
