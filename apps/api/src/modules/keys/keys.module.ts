import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthenticatorRegistry } from '../../common/auth/authenticator.registry';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { ApiKeyLookupService } from './api-key-lookup.service';
import { ApiKeyEntity } from './entities/api-key.entity';
import { KeyLastUsedJobHandler } from './jobs/key-last-used.job';
import { KeyUsageRecorder } from './key-usage.recorder';
import { KeysController } from './keys.controller';
import { KeysService } from './keys.service';

/**
 * API keys: the customer API under /api/keys, and the `api-key` authenticator for /v1.
 * Other modules use KeysService (revoke a key, revoke or invalidate a user's keys).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyEntity])],
  controllers: [KeysController],
  providers: [KeysService, ApiKeyLookupService, ApiKeyAuthenticator, KeyUsageRecorder, KeyLastUsedJobHandler],
  exports: [KeysService, KeyUsageRecorder],
})
export class KeysModule implements OnModuleInit {
  constructor(
    private readonly registry: AuthenticatorRegistry,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  onModuleInit(): void {
    this.registry.register(['api-key'], this.authenticator);
  }
}
