import { randomUUID } from 'node:crypto';
import { startApiProcess } from '../support/api-process';
import { freePort } from '../support/free-port';
import { createDatabase, dropDatabase } from '../support/test-database';

/** The `msg` of each JSON log line the process wrote (it logs JSON when stdout is not a terminal). */
function messages(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);
}

describe('start-up output', () => {
  const name = `apilink_startup_${randomUUID().replaceAll('-', '')}`;
  let url: string;
  beforeAll(async () => {
    url = await createDatabase(name);
  });
  afterAll(() => dropDatabase(name));

  it('keeps route mapping out of the info log and ends with a short banner, with the first-admin hint while there is none', async () => {
    const api = await startApiProcess({
      DATABASE_URL: url,
      DATABASE_MIGRATE_ON_START: 'true',
      REDIS_URL: undefined,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      ADMIN_EMAIL: undefined,
      ADMIN_PASSWORD: undefined,
    });
    await api.stop('SIGTERM');
    const lines = messages(api.output());
    expect(lines.filter((line) => /Mapped \{|dependencies initialized/.test(line))).toEqual([]);
    const ready = lines.findIndex((line) => line.startsWith('ApiLink ready in'));
    expect(ready).toBeGreaterThan(-1);
    expect(lines.slice(ready + 1, ready + 8)).toEqual([
      `Dashboard:   http://localhost:${new URL(api.url).port}/`,
      `API:         http://localhost:${new URL(api.url).port}/v1 (OpenAI-compatible; GET /v1/models lists what answers)`,
      'Database:    external (DATABASE_URL)',
      'Redis:       off (in-process rate limits, queues and cache invalidation; one instance)',
      'Upstreams:   none configured (set OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, ...)',
      'Echo model:  on (apilink/echo, billed like any model)',
      "No admin yet: set ADMIN_EMAIL and ADMIN_PASSWORD and restart, or run: npm run cli -- users:create --email you@example.com --password '<a strong password>' --role admin",
    ]);
  }, 90_000);
});
