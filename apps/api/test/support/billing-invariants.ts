/**
 * The one reconciliation every money test runs at its end (I1-I9; I9 is about refused requests).
 * All checks read one REPEATABLE READ snapshot, so concurrent tests in other files (whose writes
 * are all transactional) never make it see a half-written movement.
 *
 *   expect(await billingInvariantViolations()).toEqual([]);
 */
import { Client } from 'pg';

export interface InvariantOptions {
  /** Restrict the per-account checks to these users (default: every account in the database). */
  userIds?: string[];
  /** An open hold may outlive its expiry by this much before it counts as stuck (reaper period). */
  reaperGraceSeconds?: number;
  /** I8: requests the mock upstreams saw for these users, and the gateway's attempts per request. */
  upstream?: { requests: number; maxAttempts: number };
}

interface Check {
  id: string;
  /** Returns one row per violation, with a `detail` column. */
  sql: string;
}

// $1 = user ids (uuid[]) or null for all; $2 = grace seconds.
const SCOPE = `($1::uuid[] IS NULL OR user_id = ANY($1::uuid[]))`;

const CHECKS: Check[] = [
  {
    id: 'I1 every balance change has exactly one ledger row (running totals chain)',
    sql: `SELECT format('entry %s of %s: balance_after %s, running sum %s; held_after %s, running sum %s',
                        id, user_id, balance_after_micros, running_balance, held_after_micros, running_held) AS detail
            FROM (SELECT *, SUM(balance_delta_micros) OVER w AS running_balance, SUM(held_delta_micros) OVER w AS running_held
                    FROM credit_ledger_entries WHERE ${SCOPE}
                  WINDOW w AS (PARTITION BY user_id ORDER BY id)) e
           WHERE balance_after_micros <> running_balance OR held_after_micros <> running_held`,
  },
  {
    id: 'I2 stored balance and held = sums of ledger entries; held = open holds + open leases; usage = usage rows',
    sql: `SELECT format('account %s: balance %s vs ledger %s, held %s vs ledger %s vs open holds and leases %s, usage %s vs rows %s',
                        a.user_id, a.balance_micros, COALESCE(l.balance, 0), a.held_micros, COALESCE(l.held, 0),
                        COALESCE(h.open, 0), a.usage_micros, COALESCE(u.cost, 0)) AS detail
            FROM credit_accounts a
            LEFT JOIN (SELECT user_id, SUM(balance_delta_micros) balance, SUM(held_delta_micros) held
                         FROM credit_ledger_entries GROUP BY user_id) l USING (user_id)
            LEFT JOIN (SELECT user_id, SUM(amount) open
                         FROM (SELECT user_id, amount_micros amount FROM credit_holds WHERE status = 'open'
                               UNION ALL SELECT user_id, amount_micros FROM credit_leases WHERE status = 'open') o
                        GROUP BY user_id) h USING (user_id)
            LEFT JOIN (SELECT user_id, SUM(cost_micros) cost FROM usage_records GROUP BY user_id) u USING (user_id)
           WHERE ($1::uuid[] IS NULL OR a.user_id = ANY($1::uuid[]))
             AND (a.balance_micros <> COALESCE(l.balance, 0) OR a.held_micros <> COALESCE(l.held, 0)
                  OR a.held_micros <> COALESCE(h.open, 0) OR a.usage_micros <> COALESCE(u.cost, 0))
          UNION ALL
          SELECT format('ledger of %s has entries but no account row', l.user_id)
            FROM (SELECT DISTINCT user_id FROM credit_ledger_entries WHERE ${SCOPE}) l
           WHERE NOT EXISTS (SELECT 1 FROM credit_accounts a WHERE a.user_id = l.user_id)
          UNION ALL
          SELECT format('key %s: spent %s vs usage rows %s, held %s vs open holds %s', k.key_id, k.spent_micros,
                        COALESCE(u.cost, 0), k.held_micros, COALESCE(h.open, 0))
            FROM api_key_spend k
            LEFT JOIN (SELECT key_id, SUM(cost_micros) cost FROM usage_records GROUP BY key_id) u USING (key_id)
            LEFT JOIN (SELECT key_id, SUM(amount_micros) open FROM credit_holds WHERE status = 'open' GROUP BY key_id) h USING (key_id)
           WHERE ($1::uuid[] IS NULL OR k.user_id = ANY($1::uuid[]))
             AND (k.spent_micros <> COALESCE(u.cost, 0) OR k.held_micros <> COALESCE(h.open, 0))`,
  },
  {
    id: 'I3 no available balance below zero (except after a refund or lost dispute)',
    sql: `SELECT format('account %s: balance %s, held %s', a.user_id, a.balance_micros, a.held_micros) AS detail
            FROM credit_accounts a
           WHERE ($1::uuid[] IS NULL OR a.user_id = ANY($1::uuid[]))
             AND a.balance_micros - a.held_micros < 0
             AND NOT EXISTS (SELECT 1 FROM credit_ledger_entries e WHERE e.user_id = a.user_id AND e.kind IN ('refund', 'dispute'))
          UNION ALL
          SELECT format('entry %s of %s left available %s', id, user_id, balance_after_micros - held_after_micros)
            FROM credit_ledger_entries e
           WHERE ${SCOPE} AND balance_after_micros - held_after_micros < 0 AND kind NOT IN ('refund', 'dispute')
             AND NOT EXISTS (SELECT 1 FROM credit_ledger_entries d WHERE d.user_id = e.user_id AND d.kind IN ('refund', 'dispute') AND d.id < e.id)`,
  },
  {
    id: 'I4 top-ups − refunds − usage − disputes (+ grants, adjustments) = balances; usage = per-request charges',
    sql: `SELECT format('balances %s but movements sum to %s', b.total, m.total) AS detail
            FROM (SELECT COALESCE(SUM(balance_micros), 0) total FROM credit_accounts WHERE ${SCOPE}) b,
                 (SELECT COALESCE(SUM(balance_delta_micros), 0) total FROM credit_ledger_entries
                   WHERE ${SCOPE} AND kind IN ('top_up', 'grant', 'adjustment', 'refund', 'dispute', 'capture')) m
           WHERE b.total <> m.total
          UNION ALL
          SELECT format('captured %s but usage rows sum to %s', -c.total, u.total)
            FROM (SELECT COALESCE(SUM(balance_delta_micros), 0) total FROM credit_ledger_entries WHERE ${SCOPE} AND kind = 'capture') c,
                 (SELECT COALESCE(SUM(cost_micros), 0) total FROM usage_records WHERE ${SCOPE}) u
           WHERE -c.total <> u.total
          UNION ALL
          SELECT format('request %s: usage cost %s, ledger charge %s', u.request_id, u.cost_micros, -COALESCE(e.balance_delta_micros, 0))
            FROM usage_records u
            LEFT JOIN credit_ledger_entries e ON e.request_id = u.request_id AND e.kind IN ('capture', 'release', 'expire')
           WHERE ($1::uuid[] IS NULL OR u.user_id = ANY($1::uuid[])) AND u.status <> 'refused'
             AND u.cost_micros <> -COALESCE(e.balance_delta_micros, 0)
          UNION ALL
          SELECT format('entry %s: %s moved the balance by %s', id, kind, balance_delta_micros)
            FROM credit_ledger_entries
           WHERE ${SCOPE} AND kind IN ('hold', 'release', 'expire', 'lease', 'lease_return', 'lease_expire') AND balance_delta_micros <> 0
          UNION ALL
          SELECT format('payment %s (%s): top-ups %s vs amount %s, refunds %s vs %s, disputes %s vs %s', p.id, p.status,
                        COALESCE(t.top_up, 0), p.amount_micros, COALESCE(-t.refund, 0), p.refunded_micros, COALESCE(-t.dispute, 0), p.disputed_micros)
            FROM payments p
            LEFT JOIN (SELECT payment_id,
                              SUM(balance_delta_micros) FILTER (WHERE kind = 'top_up') top_up,
                              SUM(balance_delta_micros) FILTER (WHERE kind = 'refund') refund,
                              SUM(balance_delta_micros) FILTER (WHERE kind = 'dispute') dispute
                         FROM credit_ledger_entries WHERE payment_id IS NOT NULL GROUP BY payment_id) t ON t.payment_id = p.id
           WHERE ($1::uuid[] IS NULL OR p.user_id = ANY($1::uuid[]))
             AND (COALESCE(t.top_up, 0) <> CASE WHEN p.status = 'completed' THEN p.amount_micros ELSE 0 END
                  OR COALESCE(-t.refund, 0) <> p.refunded_micros OR COALESCE(-t.dispute, 0) <> p.disputed_micros)`,
  },
  {
    id: 'I5 every admitted request has one hold, resolved exactly once; none stuck past expiry + reaper period',
    sql: `SELECT format('hold %s (%s): %s hold entries, %s settlement entries (%s), %s usage rows', h.request_id, h.status,
                        COUNT(*) FILTER (WHERE e.kind = 'hold'), COUNT(*) FILTER (WHERE e.kind IN ('capture', 'release', 'expire')),
                        string_agg(e.kind, ','), (SELECT COUNT(*) FROM usage_records u WHERE u.request_id = h.request_id AND u.status <> 'refused')) AS detail
            FROM credit_holds h
            LEFT JOIN credit_ledger_entries e ON e.request_id = h.request_id
           WHERE ($1::uuid[] IS NULL OR h.user_id = ANY($1::uuid[]))
           GROUP BY h.id
          HAVING COUNT(*) FILTER (WHERE e.kind = 'hold') <> 1
              OR COUNT(*) FILTER (WHERE e.kind IN ('capture', 'release', 'expire')) <> CASE WHEN h.status = 'open' THEN 0 ELSE 1 END
              OR COUNT(*) FILTER (WHERE e.kind = CASE h.status WHEN 'captured' THEN 'capture' WHEN 'released' THEN 'release'
                                                               WHEN 'expired' THEN 'expire' END) <> CASE WHEN h.status = 'open' THEN 0 ELSE 1 END
              OR (SELECT COUNT(*) FROM usage_records u WHERE u.request_id = h.request_id AND u.status <> 'refused') <> CASE WHEN h.status = 'open' THEN 0 ELSE 1 END
          UNION ALL
          SELECT format('hold %s still open %s s after it expired', request_id, round(EXTRACT(EPOCH FROM now() - expires_at)))
            FROM credit_holds WHERE ${SCOPE} AND status = 'open' AND expires_at < now() - make_interval(secs => $2)
          UNION ALL
          SELECT format('usage row %s has no hold', u.request_id)
            FROM usage_records u WHERE ($1::uuid[] IS NULL OR u.user_id = ANY($1::uuid[])) AND u.lease_id IS NULL AND u.status <> 'refused'
             AND NOT EXISTS (SELECT 1 FROM credit_holds h WHERE h.request_id = u.request_id)
          UNION ALL
          SELECT format('usage row %s: carved from lease %s, which is not one of its account (or also has a hold)', u.request_id, u.lease_id)
            FROM usage_records u WHERE ($1::uuid[] IS NULL OR u.user_id = ANY($1::uuid[])) AND u.lease_id IS NOT NULL
             AND (NOT EXISTS (SELECT 1 FROM credit_leases c WHERE c.id = u.lease_id AND c.user_id = u.user_id)
                  OR EXISTS (SELECT 1 FROM credit_holds h WHERE h.request_id = u.request_id))
          UNION ALL
          SELECT format('lease %s (%s): holds %s, its ledger entries %s', c.id, c.status, c.amount_micros, COALESCE(e.held, 0))
            FROM credit_leases c
            LEFT JOIN (SELECT lease_id, SUM(held_delta_micros) held FROM credit_ledger_entries WHERE lease_id IS NOT NULL GROUP BY lease_id) e
                   ON e.lease_id = c.id
           WHERE ($1::uuid[] IS NULL OR c.user_id = ANY($1::uuid[]))
             AND (c.amount_micros <> COALESCE(e.held, 0) OR (c.status <> 'open' AND c.amount_micros <> 0))
          UNION ALL
          SELECT format('lease %s still open %s s after it expired', id, round(EXTRACT(EPOCH FROM now() - expires_at)))
            FROM credit_leases WHERE ${SCOPE} AND status = 'open' AND expires_at < now() - make_interval(secs => $2)
          UNION ALL
          SELECT format('hold %s: usage row held %s, hold was %s', h.request_id, u.hold_micros, h.amount_micros)
            FROM credit_holds h JOIN usage_records u USING (request_id)
           WHERE ($1::uuid[] IS NULL OR h.user_id = ANY($1::uuid[])) AND u.status <> 'refused' AND u.hold_micros <> h.amount_micros`,
  },
  {
    id: 'I9 a refused request (answered before any hold) cost nothing, held nothing, and moved no money',
    sql: `SELECT format('refused row %s: cost %s, uncollected %s, hold %s, lease %s, tokens %s', u.request_id, u.cost_micros,
                        u.uncollected_micros, u.hold_micros, u.lease_id, u.prompt_tokens + u.completion_tokens + u.cached_tokens) AS detail
            FROM usage_records u
           WHERE ($1::uuid[] IS NULL OR u.user_id = ANY($1::uuid[])) AND u.status = 'refused'
             AND (u.cost_micros <> 0 OR u.uncollected_micros <> 0 OR u.hold_micros <> 0 OR u.lease_id IS NOT NULL
                  OR u.prompt_tokens + u.completion_tokens + u.cached_tokens <> 0 OR u.provider IS NOT NULL)
          UNION ALL
          SELECT format('refused row %s has a hold or ledger entry but no settled row', u.request_id)
            FROM usage_records u
           WHERE ($1::uuid[] IS NULL OR u.user_id = ANY($1::uuid[])) AND u.status = 'refused'
             AND (EXISTS (SELECT 1 FROM credit_holds h WHERE h.request_id = u.request_id)
                  OR EXISTS (SELECT 1 FROM credit_ledger_entries e WHERE e.request_id = u.request_id))
             AND NOT EXISTS (SELECT 1 FROM usage_records s WHERE s.request_id = u.request_id AND s.status <> 'refused')`,
  },
  {
    id: 'I6 each payment credited at most once',
    sql: `SELECT format('payment %s credited %s times', payment_id, COUNT(*)) AS detail
            FROM credit_ledger_entries WHERE ${SCOPE} AND kind = 'top_up'
           GROUP BY payment_id HAVING COUNT(*) > 1 OR payment_id IS NULL
          UNION ALL
          SELECT format('event %s/%s recorded %s times', provider, event_id, COUNT(*))
            FROM payment_provider_events GROUP BY provider, event_id HAVING COUNT(*) > 1`,
  },
  {
    id: 'I7 invoice numbers per series unique and gap-free; one invoice per completed payment; issued invoices immutable',
    sql: `SELECT format('series %s: %s invoices, numbers %s..%s, counter %s', i.series, COUNT(*), MIN(i.number), MAX(i.number), s.last_number) AS detail
            FROM invoices i LEFT JOIN invoice_number_series s USING (series)
           GROUP BY i.series, s.last_number
          HAVING COUNT(*) <> MAX(i.number) OR MIN(i.number) <> 1 OR COUNT(DISTINCT i.number) <> COUNT(*)
              OR s.last_number IS DISTINCT FROM MAX(i.number)
          UNION ALL
          SELECT format('invoice %s: number does not match series %s and %s', display_number, series, number)
            FROM invoices WHERE display_number <> series || '-' || lpad(number::text, 6, '0')
               OR split_part(series, '-', 2) <> EXTRACT(YEAR FROM issued_at AT TIME ZONE 'UTC')::text
          UNION ALL
          SELECT format('payment %s (%s, %s): %s invoices, total %s', p.id, p.status, p.amount_micros, COUNT(i.id), SUM(i.amount_micros))
            FROM payments p LEFT JOIN invoices i ON i.payment_id = p.id AND i.kind = 'invoice'
           WHERE ($1::uuid[] IS NULL OR p.user_id = ANY($1::uuid[]))
           GROUP BY p.id
          HAVING COUNT(i.id) <> CASE WHEN p.status = 'completed' THEN 1 ELSE 0 END
              OR (p.status = 'completed' AND SUM(i.amount_micros) <> p.amount_micros)
          UNION ALL
          SELECT format('payment %s: credit notes %s vs refunded + disputed %s', p.id, COALESCE(SUM(i.amount_micros), 0), p.refunded_micros + p.disputed_micros)
            FROM payments p LEFT JOIN invoices i ON i.payment_id = p.id AND i.kind = 'credit_note'
           WHERE ($1::uuid[] IS NULL OR p.user_id = ANY($1::uuid[]))
           GROUP BY p.id HAVING COALESCE(SUM(i.amount_micros), 0) <> p.refunded_micros + p.disputed_micros
          UNION ALL
          SELECT format('table %s lost its append-only trigger', t.name)
            FROM (VALUES ('credit_ledger_entries'), ('invoices'), ('invoice_documents')) t(name)
           WHERE NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
                              WHERE c.relname = t.name AND NOT g.tgisinternal AND g.tgenabled <> 'D')`,
  },
];

/** Every broken invariant as `I<n> ...: detail`; an empty list means the books balance. */
export async function billingInvariantViolations(options: InvariantOptions = {}): Promise<string[]> {
  const client = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const params = [options.userIds ?? null, options.reaperGraceSeconds ?? 60];
    const violations: string[] = [];
    for (const check of CHECKS) {
      // Postgres cannot type a parameter a statement never mentions, so pass only those used.
      const { rows } = await client.query<{ detail: string }>(check.sql, check.sql.includes('$2') ? params : params.slice(0, 1));
      violations.push(...rows.map((row) => `${check.id}: ${row.detail}`));
    }
    if (options.upstream) {
      // Admitted: a hold row each, or a lease slice each (known by its usage row).
      const { rows } = await client.query<{ holds: string }>(
        `SELECT (SELECT COUNT(*) FROM credit_holds WHERE ${SCOPE}) + (SELECT COUNT(*) FROM usage_records WHERE ${SCOPE} AND lease_id IS NOT NULL) AS holds`,
        [options.userIds ?? null],
      );
      const admitted = Number(rows[0].holds);
      if (options.upstream.requests > admitted * options.upstream.maxAttempts) {
        violations.push(
          `I8 upstream calls only with committed funds: ${options.upstream.requests} upstream requests for ${admitted} holds and lease slices`,
        );
      }
    }
    await client.query('COMMIT');
    return violations;
  } finally {
    await client.end();
  }
}
