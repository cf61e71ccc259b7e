import { Controller, Get, Module, Post } from '@nestjs/common';
import { Auth } from '../../../src/common/auth/auth.decorator';
import { CurrentApiKey, CurrentSession } from '../../../src/common/auth/current-principal.decorator';
import type { ApiKeyPrincipal, SessionPrincipal } from '../../../src/common/auth/principal';

/** Test-only routes behind the real guard chain, one per kind of authentication. */
@Controller()
class AuthProbeController {
  @Auth('api-key')
  @Get('v1/test-whoami')
  whoami(@CurrentApiKey() key: ApiKeyPrincipal): Record<string, unknown> {
    return { ...key, spendCapMicros: key.spendCapMicros?.toString() ?? null };
  }

  @Auth('api-key')
  @Post('v1/test-whoami')
  whoamiPost(@CurrentApiKey() key: ApiKeyPrincipal): Record<string, unknown> {
    return { keyId: key.keyId };
  }

  @Auth('staff')
  @Get('api/test-staff')
  staff(@CurrentSession() session: SessionPrincipal): SessionPrincipal {
    return session;
  }

  @Auth('admin')
  @Get('api/test-admin')
  admin(@CurrentSession() session: SessionPrincipal): SessionPrincipal {
    return session;
  }
}

@Module({ controllers: [AuthProbeController] })
export class AuthProbeModule {}
