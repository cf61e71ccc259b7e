import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CONFIG_NAMESPACES } from './config-namespaces';
import { validateEnv } from './validate-env';

/**
 * Loads and validates every namespace once per app boot; nothing else reads process.env.
 * A function rather than a static import so each boot (and each test app) re-reads the env.
 */
@Module({})
export class AppConfigModule {
  static forRoot(): Promise<DynamicModule> {
    return ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      cache: true,
      load: CONFIG_NAMESPACES,
      validate: validateEnv,
    });
  }
}
