import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export const DEFAULT_DASHBOARD_DIST = 'dist/apps/dashboard';

/**
 * Serves the built dashboard's files when a build exists; the SPA fallback for client-side
 * routes is SpaFallbackController, so unknown API paths still get the JSON 404.
 */
export async function serveDashboard(app: NestFastifyApplication, distDir = DEFAULT_DASHBOARD_DIST): Promise<void> {
  const root = path.resolve(distDir);
  if (!existsSync(path.join(root, 'index.html'))) return;
  await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: '1h', immutable: false });
}
