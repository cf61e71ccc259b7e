import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { AuthenticatorRegistry } from './authenticator.registry';
import { LeanRoutes } from './lean-routes';

@Global()
@Module({
  providers: [AuthenticatorRegistry, LeanRoutes, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthenticatorRegistry, LeanRoutes],
})
export class AuthCoreModule {}
