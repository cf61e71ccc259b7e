import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { AuthenticatorRegistry } from './authenticator.registry';

@Global()
@Module({
  providers: [AuthenticatorRegistry, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthenticatorRegistry],
})
export class AuthCoreModule {}
