-- Settles requests whose holds were slices carved from a lease in memory (no credit_holds row).
-- p_items: [{request_id, user_id, lease_id, key_id, slice, model, started_at, actual_cost (decimal
-- string), provider, prompt_tokens, completion_tokens, cached_tokens, estimated, status,
-- latency_ms, ttft_ms, attempts (array or null)}]. The charge comes out of the lease up to the
-- slice (as far as the lease still holds it: a lease that expired or was closed covers nothing),
-- and beyond it out of the available balance while it lasts; the rest is written off as
-- uncollected, so no charge pushes an available balance below zero. One usage row per request id:
-- a request already settled is left alone (settled = false). Items go in (user, lease, key,
-- request) order; the account row is locked first, as in every billing function, and each
-- account, lease and key row is updated once per batch.
CREATE OR REPLACE FUNCTION billing_settle_lease_batch(p_items jsonb)
RETURNS TABLE (
  item_index integer, settled boolean, charged_micros bigint, uncollected_micros bigint, error_state text, error_message text
)
LANGUAGE plpgsql AS $$
DECLARE
  v_item record;
  v_user uuid;
  v_lease_id uuid;
  v_key uuid;
  v_balance bigint;
  v_held bigint;
  v_user_charged bigint := 0;
  v_user_released bigint := 0;
  v_key_charged bigint := 0;
  v_lease credit_leases%ROWTYPE;
  v_lease_left bigint := 0;
  v_lease_used bigint := 0;
  v_covered bigint;
  v_charge bigint;
  v_used bigint;
  v_walk record;
BEGIN
  FOR v_item IN
    SELECT (i.ordinality - 1)::integer AS idx, i.value->>'request_id' AS request_id, (i.value->>'user_id')::uuid AS user_id,
           (i.value->>'lease_id')::uuid AS lease_id, (i.value->>'key_id')::uuid AS key_id, (i.value->>'slice')::bigint AS slice,
           i.value->>'model' AS model, (i.value->>'started_at')::timestamptz AS started_at,
           (i.value->>'actual_cost')::bigint AS actual_cost, i.value->>'provider' AS provider,
           (i.value->>'prompt_tokens')::integer AS prompt_tokens, (i.value->>'completion_tokens')::integer AS completion_tokens,
           (i.value->>'cached_tokens')::integer AS cached_tokens, (i.value->>'estimated')::boolean AS estimated,
           i.value->>'status' AS status, (i.value->>'latency_ms')::integer AS latency_ms, (i.value->>'ttft_ms')::integer AS ttft_ms,
           CASE WHEN jsonb_typeof(i.value->'attempts') = 'array' THEN i.value->'attempts' END AS attempts
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS i(value, ordinality)
     ORDER BY 3, 4, 5, 2, 1
  LOOP
    IF v_user IS DISTINCT FROM v_item.user_id OR v_lease_id IS DISTINCT FROM v_item.lease_id OR v_key IS DISTINCT FROM v_item.key_id THEN
      IF v_user IS DISTINCT FROM v_item.user_id OR v_lease_id IS DISTINCT FROM v_item.lease_id THEN
        IF v_lease_used > 0 THEN
          UPDATE credit_leases c SET amount_micros = c.amount_micros - v_lease_used WHERE c.id = v_lease_id;
        END IF;
        v_lease_used := 0;
      END IF;
      -- The shared walk up to the account; the lease is locked between the account and the key.
      SELECT * INTO v_walk FROM billing_walk_to(v_user, v_key, v_item.user_id, NULL,
        -v_user_charged, -v_user_released, v_user_charged, v_key_charged, 0);
      v_key_charged := 0;
      IF v_walk.account_changed THEN
        v_balance := v_walk.balance_micros; v_held := v_walk.held_micros; v_user_charged := 0; v_user_released := 0;
      END IF;
      IF v_walk.account_changed OR v_lease_id IS DISTINCT FROM v_item.lease_id THEN
        v_lease_id := v_item.lease_id;
        SELECT * INTO v_lease FROM credit_leases c WHERE c.id = v_lease_id AND c.user_id = v_item.user_id FOR UPDATE;
        v_lease_left := CASE WHEN FOUND AND v_lease.status = 'open' THEN v_lease.amount_micros ELSE 0 END;
      END IF;
      v_user := v_item.user_id; v_key := v_item.key_id;
      PERFORM billing_lock_key(v_key, v_user);
    END IF;

    item_index := v_item.idx;
    settled := NULL; charged_micros := NULL; uncollected_micros := NULL; error_state := NULL; error_message := NULL;
    IF v_item.actual_cost IS NULL OR v_item.actual_cost < 0 OR v_item.slice IS NULL OR v_item.slice < 0 THEN
      error_state := '22023'; error_message := 'a cost or a slice cannot be negative';
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF EXISTS (SELECT 1 FROM usage_records u WHERE u.request_id = v_item.request_id AND u.status <> 'refused')
       OR EXISTS (SELECT 1 FROM credit_holds h WHERE h.request_id = v_item.request_id) THEN
      settled := false;
      SELECT COALESCE(u.cost_micros, 0::bigint), COALESCE(u.uncollected_micros, 0::bigint) INTO charged_micros, uncollected_micros
        FROM (SELECT 1) AS one LEFT JOIN usage_records u ON u.request_id = v_item.request_id AND u.status <> 'refused';
      RETURN NEXT;
      CONTINUE;
    END IF;

    v_covered := LEAST(v_item.slice, v_lease_left);
    v_charge := LEAST(v_item.actual_cost, v_covered + GREATEST(v_balance - v_held, 0));
    v_used := LEAST(v_charge, v_covered);
    v_lease_left := v_lease_left - v_used;
    v_lease_used := v_lease_used + v_used;
    v_balance := v_balance - v_charge;
    v_held := v_held - v_used;
    v_user_charged := v_user_charged + v_charge;
    v_user_released := v_user_released + v_used;
    v_key_charged := v_key_charged + v_charge;

    IF v_charge > 0 THEN
      INSERT INTO credit_ledger_entries
        (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, request_id, lease_id)
      VALUES (v_user, 'capture', -v_charge, -v_used, v_balance, v_held, v_item.request_id, v_lease_id);
    END IF;
    INSERT INTO usage_records (
      request_id, user_id, key_id, model, provider, prompt_tokens, completion_tokens, cached_tokens, cost_micros,
      uncollected_micros, hold_micros, estimated, status, latency_ms, ttft_ms, attempts, created_at, lease_id
    ) VALUES (
      v_item.request_id, v_user, v_key, v_item.model, v_item.provider, v_item.prompt_tokens, v_item.completion_tokens,
      v_item.cached_tokens, v_charge, v_item.actual_cost - v_charge, v_item.slice, v_item.estimated, v_item.status,
      v_item.latency_ms, v_item.ttft_ms, v_item.attempts, COALESCE(v_item.started_at, now()), v_lease_id
    );
    settled := true; charged_micros := v_charge; uncollected_micros := v_item.actual_cost - v_charge;
    RETURN NEXT;
  END LOOP;

  IF v_lease_used > 0 THEN
    UPDATE credit_leases c SET amount_micros = c.amount_micros - v_lease_used WHERE c.id = v_lease_id;
  END IF;
  PERFORM billing_walk_to(v_user, v_key, NULL, NULL, -v_user_charged, -v_user_released, v_user_charged, v_key_charged, 0);
END $$;
