import { lookup } from 'node:dns/promises';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { adminConfig } from '../../config/admin.config';
import type { ConfigOf } from '../../config/define-config';
import { AuditModule } from '../audit/audit.module';
import { DbUpstreamRoutes } from './routing/db-upstream-routes';
import { ModelRouteTable } from './routing/model-route-table';
import { UpstreamAccountEntity } from './entities/upstream-account.entity';
import { UpstreamModelRouteEntity } from './entities/upstream-model-route.entity';
import type { HostResolver } from './upstream-address-policy';
import { UpstreamKeyCipher } from './upstream-key-cipher';
import { UpstreamsService } from './upstreams.service';
import { UPSTREAM_HOST_RESOLVER, UPSTREAM_KEY_CIPHER } from './upstreams.tokens';

const resolveHost: HostResolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Upstream accounts stored in the database (managed through /api/admin/upstreams). The
 * completions router reads DbUpstreamRoutes, whose routes take over from the env and routes-file
 * configuration for the models they list.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UpstreamAccountEntity, UpstreamModelRouteEntity]), AuditModule],
  providers: [
    UpstreamsService,
    DbUpstreamRoutes,
    ModelRouteTable,
    {
      provide: UPSTREAM_KEY_CIPHER,
      inject: [adminConfig.KEY],
      useFactory: (config: ConfigOf<typeof adminConfig>) =>
        config.upstreamEncryptionKey ? new UpstreamKeyCipher(config.upstreamEncryptionKey) : null,
    },
    { provide: UPSTREAM_HOST_RESOLVER, useValue: resolveHost },
  ],
  exports: [UpstreamsService, DbUpstreamRoutes, ModelRouteTable],
})
export class UpstreamsModule {}
