import { DataSource } from 'typeorm';
import type { TestApp } from '../../../support/test-app';

export interface UsageRow {
  status: string;
  provider: string | null;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  cost_micros: string;
  hold_micros: string;
  estimated: boolean;
  ttft_ms: number | null;
}

/** The usage row of a request; settlement runs just after the response, so this waits for it. */
export async function waitForUsage(testApp: TestApp, requestId: string, timeoutMs = 5000): Promise<UsageRow> {
  const dataSource = testApp.app.get(DataSource);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows: UsageRow[] = await dataSource.query(
      `SELECT status, provider, model, prompt_tokens, completion_tokens, cached_tokens, cost_micros::text, hold_micros::text, estimated, ttft_ms
         FROM usage_records WHERE request_id = $1`,
      [requestId],
    );
    if (rows.length > 0) return rows[0];
    if (Date.now() > deadline) throw new Error(`no usage row for request ${requestId}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Money held for a user right now (request holds, or the credit lease they are carved from). */
export async function heldMicros(testApp: TestApp, userId: string): Promise<bigint> {
  const [row] = await testApp.app.get(DataSource).query(`SELECT held_micros::text FROM credit_accounts WHERE user_id = $1`, [userId]);
  return BigInt(row.held_micros);
}
