import { randomUUID } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/bootstrap/create-app';

export interface TestApp {
  app: NestFastifyApplication;
  /** Base URL of the listening server, e.g. for the openai SDK (`${url}/v1`). */
  url: string;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Variables set while the app boots (config is read once, at boot). */
  env?: Record<string, string | undefined>;
  extraImports?: DynamicModule['imports'];
}

/** Redis settings for tests that need it: a prefix of their own so parallel runs never collide. */
export function redisEnv(prefix = `apilink-test:${randomUUID()}:`): Record<string, string> {
  return { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: prefix };
}

// Boots are serialised: each one swaps process.env while its config is read.
let bootQueue: Promise<unknown> = Promise.resolve();

function withEnv<T>(env: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  const run = bootQueue.then(async () => {
    const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    try {
      return await work();
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
  bootQueue = run.catch(() => undefined);
  return run;
}

/** Boots the real app (Fastify, real PostgreSQL) on a random port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.E2E_DATABASE_URL,
    REDIS_URL: undefined,
    REDIS_KEY_PREFIX: `apilink-test:${randomUUID()}:`,
    ...options.env,
  };
  const app = await withEnv(env, () => createApp({ quiet: true, extraImports: options.extraImports }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    http: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}
