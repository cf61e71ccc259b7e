import type { INestApplicationContext } from '@nestjs/common';
import { ECHO_MODEL_ID } from '@apilink/contracts';
import { appConfig } from '../config/app.config';
import { databaseConfig } from '../config/database.config';
import type { ConfigOf } from '../config/define-config';
import { redisConfig } from '../config/redis.config';
import { upstreamsConfig } from '../modules/upstreams/upstreams.config';
import { UsersService } from '../modules/auth/users.service';
import { ECHO_UPSTREAM_ACCOUNT } from '../modules/upstreams/routing/model-route';
import { ModelRouteTable } from '../modules/upstreams/routing/model-route-table';

const CREATE_ADMIN = "npm run cli -- users:create --email you@example.com --password '<a strong password>' --role admin";

/**
 * The few lines a person starting the server needs, printed after everything else: where to go,
 * what it runs on, what it can answer, and how to get into the staff pages when nobody can yet.
 */
export async function startupBanner(app: INestApplicationContext): Promise<string[]> {
  const { publicUrl } = app.get<ConfigOf<typeof appConfig>>(appConfig.KEY);
  const database = app.get<ConfigOf<typeof databaseConfig>>(databaseConfig.KEY);
  const redis = app.get<ConfigOf<typeof redisConfig>>(redisConfig.KEY);
  const { echoEnabled } = app.get<ConfigOf<typeof upstreamsConfig>>(upstreamsConfig.KEY);
  const upstreams = app
    .get(ModelRouteTable)
    .allAccounts()
    .filter((account) => account !== ECHO_UPSTREAM_ACCOUNT)
    .map((account) => account.id);

  const lines = [
    `Dashboard:   ${publicUrl}/`,
    `API:         ${publicUrl}/v1 (OpenAI-compatible; GET /v1/models lists what answers)`,
    `Database:    ${database.url ? 'external (DATABASE_URL)' : `embedded PostgreSQL in ${database.embedded.dataDir}`}`,
    `Redis:       ${redis.url ? 'on' : 'off (in-process rate limits, queues and cache invalidation; one instance)'}`,
    `Upstreams:   ${upstreams.length > 0 ? upstreams.join(', ') : 'none configured (set OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, ...)'}`,
    `Echo model:  ${echoEnabled ? `on (${ECHO_MODEL_ID}, billed like any model)` : 'off'}`,
  ];
  if (!(await app.get(UsersService).hasAdmin())) {
    lines.push(`No admin yet: set ADMIN_EMAIL and ADMIN_PASSWORD and restart, or run: ${CREATE_ADMIN}`);
  }
  return lines;
}
