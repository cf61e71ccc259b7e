import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { runClusterPrimary } from './bootstrap/cluster-primary';
import { createApp } from './bootstrap/create-app';
import { startupBanner } from './bootstrap/startup-banner';
import { startupFailureMessage } from './bootstrap/startup-failure-message';
import { collectStartupGarbage, limitHeapGrowth } from './bootstrap/heap-tuning';
import { appConfig } from './config/app.config';
import { validateEnv } from './config/validate-env';

limitHeapGrowth();

async function bootstrap(): Promise<void> {
  const startedAt = Date.now();
  const app = await createApp();
  const { host, port } = appConfig();
  await app.listen(port, host);
  collectStartupGarbage();
  const logger = new Logger('ApiLink');
  const banner = await startupBanner(app);
  logger.log(`ApiLink ready in ${Date.now() - startedAt} ms`);
  for (const line of banner) logger.log(line);
}

async function start(): Promise<void> {
  validateEnv(process.env);
  const { workers } = appConfig();
  if (workers > 1 && cluster.isPrimary) return runClusterPrimary(workers);
  return bootstrap();
}

start().catch((error: unknown) => {
  // Config and schema errors name the problem and the fix; print them plainly rather than as a stack.
  console.error(startupFailureMessage(error));
  process.exit(1);
});
