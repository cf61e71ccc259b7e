import fastifyCookie from '@fastify/cookie';
import { ValidationPipe, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from '../app.module';
import { appConfig } from '../config/app.config';
import { validateEnv } from '../config/validate-env';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter';
import { registerAccessLog } from '../common/logging/access-log.hook';
import { ROOT_LOGGER } from '../common/logging/logging.tokens';
import { PinoLoggerService } from '../common/logging/pino-logger.service';
import { answerFrameworkError } from '../common/http/framework-error.handler';
import { registerInputGuard } from '../common/http/input-guard.hook';
import { requestIdFor } from '../common/http/request-id';
import { stampRequestId } from '../common/http/stamp-request-id';
import { registerSecurityHeaders } from '../common/http/security-headers';
import { validationErrorFactory } from '../common/validation/validation-error.factory';
import { useLeanAsyncResourceBind } from './lean-async-resource-bind';
import { serveDashboard } from './serve-dashboard';

export interface CreateAppOptions {
  /** Keep Nest's boot logs quiet (tests). */
  quiet?: boolean;
  /** Extra modules mounted beside the features (tests of the HTTP plumbing itself). */
  extraImports?: DynamicModule['imports'];
}

/** Builds the HTTP app exactly as production runs it; main.ts and the e2e tests both use this. */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  // Validate everything first so one failed boot lists every bad variable; the adapter needs appConfig early.
  validateEnv(process.env);
  // Before any request: Fastify binds each body parser callback, and Node 20's bind promotes it.
  useLeanAsyncResourceBind();
  const settings = appConfig();
  const adapter = new FastifyAdapter({
    genReqId: requestIdFor,
    bodyLimit: settings.bodyLimitBytes,
    trustProxy: settings.trustProxy,
    forceCloseConnections: true,
    return503OnClosing: true,
    // Request ids up to 128 characters are looked up by path (/api/billing/usage/requests/:requestId).
    routerOptions: { maxParamLength: 256 },
    frameworkErrors: answerFrameworkError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options.extraImports), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Keeps each JSON body's bytes as request.rawBody (the parsed body is built from them anyway):
    // Stripe's webhook signature is computed over the exact bytes.
    rawBody: true,
    logger: options.quiet ? false : undefined,
  });
  app.useLogger(app.get(PinoLoggerService));
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationErrorFactory }),
  );
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    stampRequestId(request, reply);
    done();
  });
  registerInputGuard(fastify);
  registerAccessLog(fastify, app.get<Logger>(ROOT_LOGGER));
  registerSecurityHeaders(fastify, settings.isProduction);
  // Parses the session cookie (signed by the auth module itself) for every route.
  await app.register(fastifyCookie);
  await serveDashboard(app, settings.dashboardDistDir);
  try {
    await app.init();
  } catch (error) {
    // A check that fails late in init (a route to an unknown model) must not leave the pool,
    // the reaper's timers or an embedded server behind.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
