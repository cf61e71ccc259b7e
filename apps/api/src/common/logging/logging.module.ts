import { Global, Module } from '@nestjs/common';
import { appConfig } from '../../config/app.config';
import type { ConfigOf } from '../../config/define-config';
import { ROOT_LOGGER } from './logging.tokens';
import { PinoLoggerService } from './pino-logger.service';
import { createRootLogger } from './root-logger.factory';

/** The root pino logger, built once from config, and Nest's logger adapter over it. */
@Global()
@Module({
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [appConfig.KEY],
      useFactory: (config: ConfigOf<typeof appConfig>) =>
        createRootLogger({ level: config.logLevel, pretty: !config.isProduction && Boolean(process.stdout.isTTY) }),
    },
    PinoLoggerService,
  ],
  exports: [ROOT_LOGGER, PinoLoggerService],
})
export class LoggingModule {}
