import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap/create-app';
import { appConfig } from './config/app.config';

// V8 lets the old generation grow to 2-4x the live heap before a full collection. The gateway's
// live heap is small (~70 MB) but it allocates fast, so under load that headroom became 100-250 MB
// of extra RSS. Growing by 30% keeps RSS near 250 MB at no measured throughput cost, and unlike a
// --max-old-space-size cap it cannot run out of memory when the live set grows.
setFlagsFromString('--heap-growing-percent=30');

async function bootstrap(): Promise<void> {
  const startedAt = Date.now();
  const app = await createApp();
  const { host, port, publicUrl } = appConfig();
  await app.listen(port, host);
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
