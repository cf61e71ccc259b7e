import { Module, type DynamicModule } from '@nestjs/common';
import { AuthCoreModule } from '../common/auth/auth-core.module';
import { AppConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { RedisModule } from '../infrastructure/redis/redis.module';
import { CLI_FEATURE_MODULES } from './cli-feature-modules';

/**
 * The operator CLI's application context: the same config, database and Redis strategies as the
 * server (so a revoke reaches running instances through Redis), no HTTP.
 */
@Module({})
export class CliModule {
  /** `connect: false` for runs that only print help: no database is started or dialled. */
  static forRoot({ connect }: { connect: boolean }): DynamicModule {
    return {
      module: CliModule,
      imports: [AppConfigModule.forRoot(), DatabaseModule.forRoot({ connect }), RedisModule, AuthCoreModule, ...CLI_FEATURE_MODULES],
    };
  }
}
