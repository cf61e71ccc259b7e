/**
 * The round trips a gateway request may wait for before its upstream call, timed alone on an idle
 * machine: the billing hold (the gateway's own SQL function, a durable commit) and one Redis
 * script call (the shape of the shared rate limiter's). With credit leases (the default) a request
 * waits for no hold in steady state, only near the edge of a balance, and with rate-limit token
 * leases (the default) a busy key far from its limit waits for no Redis call: each is then shown
 * but left out of the sum. The sum is a floor under the latency the gateway adds, whatever its
 * own code costs.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { percentile, Samples } from './stats';

export interface RoundTrip {
  name: string;
  /** Every request waits for it in steady state (counted in the floor's sum). */
  waitedFor: boolean;
  p50: number;
  p99: number;
}

const SAMPLES = 1_000;
const HOLD_SQL = 'SELECT error_state FROM billing_reserve_batch($1::jsonb, 300)';
const RELEASE_SQL = 'SELECT error_state FROM billing_settle_batch($1::jsonb)';
// The limiter's shape: count the request in the key's window and read the window's expiry.
const COUNT_SCRIPT =
  "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return {n, redis.call('PTTL', KEYS[1])}";

/** Times `once`; the clean-up it may return runs after the clock stops. */
type Timed = () => Promise<(() => Promise<unknown>) | void>;

async function timed(label: string, waitedFor: boolean, once: Timed): Promise<RoundTrip> {
  const samples = new Samples();
  for (let i = 0; i < SAMPLES / 10; i++) await (await once())?.();
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const cleanUp = await once();
    samples.add(performance.now() - started);
    await cleanUp?.();
  }
  const sorted = samples.sorted();
  return { name: label, waitedFor, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/** Which round trips leases take off the steady-state path (BILLING_LEASES, RATE_LIMIT_LEASES). */
export interface FloorLeases {
  credit: boolean;
  tokens: boolean;
}

/** Times holds on the bench customer's key (each released afterwards, untimed) and Redis calls. */
export async function measureFloor(databaseUrl: string, redisUrl: string | null, leases: FloorLeases): Promise<RoundTrip[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const results: RoundTrip[] = [];
  try {
    const { rows } = await db.query<{ id: string; user_id: string }>('SELECT id, user_id FROM api_keys ORDER BY created_at LIMIT 1');
    const key = rows[0];
    results.push(
      await timed(
        leases.credit ? 'billing hold (PostgreSQL; with leases, only near the edge)' : 'billing hold (PostgreSQL)',
        !leases.credit,
        async () => {
          const requestId = `floor-${randomUUID()}`;
          const hold = {
            request_id: requestId,
            user_id: key.user_id,
            key_id: key.id,
            spend_cap: null,
            amount: '1000',
            model: 'openai/gpt-4o-mini',
          };
          await db.query({ name: 'hold', text: HOLD_SQL, values: [JSON.stringify([hold])] });
          const release = {
            request_id: requestId,
            user_id: key.user_id,
            key_id: key.id,
            outcome: 'released',
            actual_cost: '0',
            status: 'error',
            prompt_tokens: 0,
            completion_tokens: 0,
            cached_tokens: 0,
            estimated: false,
          };
          return () => db.query({ name: 'release', text: RELEASE_SQL, values: [JSON.stringify([release])] });
        },
      ),
    );
    // Thousands of updates left dead versions of the customer's account and key rows; the load
    // should find them as a fresh customer's (this machine's PostgreSQL runs no autovacuum).
    await db.query('VACUUM credit_accounts, api_key_spend, credit_holds');
  } finally {
    await db.end();
  }
  if (redisUrl) {
    const redis = new Redis(redisUrl);
    try {
      const counter = `apilink-bench-floor:${randomUUID()}`;
      const sha = (await redis.script('LOAD', COUNT_SCRIPT)) as string;
      results.push(
        await timed(
          leases.tokens ? 'rate-limit script (Redis; with token leases, once per lease)' : 'rate-limit script (Redis)',
          !leases.tokens,
          async () => {
            await redis.evalsha(sha, 1, counter, 60_000);
          },
        ),
      );
      await redis.del(counter);
    } finally {
      redis.disconnect();
    }
  }
  return results;
}
