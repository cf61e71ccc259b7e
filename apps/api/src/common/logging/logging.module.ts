import { Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { appConfig } from '../../config/app.config';
import type { ConfigOf } from '../../config/define-config';
import { batchedDestination, type BatchedDestination } from './batched-destination';
import { LOG_DESTINATION, ROOT_LOGGER } from './logging.tokens';
import { PinoLoggerService } from './pino-logger.service';
import { createRootLogger } from './root-logger.factory';

/** The root pino logger, built once from config, and Nest's logger adapter over it. */
@Global()
@Module({
  providers: [
    { provide: LOG_DESTINATION, useFactory: () => batchedDestination(1) },
    {
      provide: ROOT_LOGGER,
      inject: [appConfig.KEY, LOG_DESTINATION],
      useFactory: (config: ConfigOf<typeof appConfig>, destination: BatchedDestination) =>
        createRootLogger({ level: config.logLevel, pretty: !config.isProduction && Boolean(process.stdout.isTTY) }, destination),
    },
    PinoLoggerService,
  ],
  exports: [ROOT_LOGGER, PinoLoggerService],
})
export class LoggingModule implements OnModuleDestroy {
  constructor(@Inject(LOG_DESTINATION) private readonly destination: BatchedDestination) {}

  /** The first shutdown hook: from here on, lines are written as they come (see unbatch). */
  onModuleDestroy(): void {
    this.destination.unbatch();
  }
}
