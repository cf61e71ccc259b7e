import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap/create-app';
import { collectStartupGarbage, limitHeapGrowth } from './bootstrap/heap-tuning';
import { appConfig } from './config/app.config';

limitHeapGrowth();

async function bootstrap(): Promise<void> {
  const startedAt = Date.now();
  const app = await createApp();
  const { host, port, publicUrl } = appConfig();
  await app.listen(port, host);
  collectStartupGarbage();
  const logger = new Logger('ApiLink');
  logger.log(`ApiLink ready in ${Date.now() - startedAt} ms`);
  logger.log(`Dashboard: ${publicUrl}/`);
  logger.log(`OpenAI-compatible API: ${publicUrl}/v1`);
}

bootstrap().catch((error: unknown) => {
  // Config errors name the bad variable; print them plainly rather than as a stack.
  console.error(error instanceof Error && error.name === 'ConfigValidationError' ? error.message : error);
  process.exit(1);
});
