import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthKind } from './auth.decorator';
import type { Principal } from './principal';

/** Resolves the caller for one kind of authentication, or throws an AppError (401/403). */
export interface Authenticator {
  authenticate(request: FastifyRequest, reply: FastifyReply, kind: AuthKind): Promise<Principal>;
}

/**
 * Feature modules register their authenticators here at init (keys → api-key, auth → session,
 * staff, admin), so the global guard depends on no feature module.
 */
@Injectable()
export class AuthenticatorRegistry {
  private readonly authenticators = new Map<AuthKind, Authenticator>();

  register(kinds: AuthKind[], authenticator: Authenticator): void {
    for (const kind of kinds) {
      if (this.authenticators.has(kind)) throw new Error(`Two authenticators registered for "${kind}"`);
      this.authenticators.set(kind, authenticator);
    }
  }

  get(kind: AuthKind): Authenticator | undefined {
    return this.authenticators.get(kind);
  }
}
