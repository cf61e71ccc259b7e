CREATE OR REPLACE FUNCTION billing_settle_batch(p_items jsonb)
RETURNS TABLE (
  item_index integer, settled boolean, charged_micros bigint, uncollected_micros bigint, error_state text, error_message text
)
LANGUAGE plpgsql AS $$
DECLARE
  v_item record;
  v_user uuid;
  v_key uuid;
  v_balance bigint;
  v_held bigint;
  v_user_charged bigint := 0;
  v_user_released bigint := 0;
  v_key_spent bigint;
  v_key_held bigint;
  v_key_charged bigint := 0;
  v_key_released bigint := 0;
  v_hold credit_holds%ROWTYPE;
  v_charge bigint;
  v_walk record;
BEGIN
  FOR v_item IN
    SELECT (i.ordinality - 1)::integer AS idx, i.value->>'request_id' AS request_id, (i.value->>'user_id')::uuid AS user_id,
           (i.value->>'key_id')::uuid AS key_id, i.value->>'outcome' AS outcome, (i.value->>'actual_cost')::bigint AS actual_cost,
           i.value->>'provider' AS provider, (i.value->>'prompt_tokens')::integer AS prompt_tokens,
           (i.value->>'completion_tokens')::integer AS completion_tokens, (i.value->>'cached_tokens')::integer AS cached_tokens,
           (i.value->>'estimated')::boolean AS estimated, i.value->>'status' AS status, (i.value->>'latency_ms')::integer AS latency_ms,
           (i.value->>'ttft_ms')::integer AS ttft_ms,
           CASE WHEN jsonb_typeof(i.value->'attempts') = 'array' THEN i.value->'attempts' END AS attempts
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS i(value, ordinality)
     ORDER BY 3, 4, 2, 1
  LOOP
    IF v_key IS DISTINCT FROM v_item.key_id OR v_user IS DISTINCT FROM v_item.user_id THEN
      SELECT * INTO v_walk FROM billing_walk_to(v_user, v_key, v_item.user_id, v_item.key_id,
        -v_user_charged, -v_user_released, v_user_charged, v_key_charged, -v_key_released);
      IF v_walk.account_changed THEN
        v_balance := v_walk.balance_micros; v_held := v_walk.held_micros; v_user_charged := 0; v_user_released := 0;
      END IF;
      v_key_spent := v_walk.key_spent_micros; v_key_held := v_walk.key_held_micros; v_key_charged := 0; v_key_released := 0;
      v_user := v_item.user_id; v_key := v_item.key_id;
    END IF;

    item_index := v_item.idx;
    settled := NULL; charged_micros := NULL; uncollected_micros := NULL; error_state := NULL; error_message := NULL;
    IF v_item.actual_cost IS NULL OR v_item.actual_cost < 0 THEN
      error_state := '22023'; error_message := 'a cost cannot be negative';
      RETURN NEXT;
      CONTINUE;
    END IF;

    SELECT * INTO v_hold FROM credit_holds h WHERE h.request_id = v_item.request_id FOR UPDATE;
    IF FOUND AND v_hold.status = 'open' AND v_hold.user_id = v_user AND v_hold.key_id = v_key THEN
      UPDATE credit_holds h SET status = v_item.outcome, resolved_at = now() WHERE h.id = v_hold.id;
    ELSE
      settled := false;
      SELECT COALESCE(u.cost_micros, 0::bigint), COALESCE(u.uncollected_micros, 0::bigint) INTO charged_micros, uncollected_micros
        FROM (SELECT 1) AS one LEFT JOIN usage_records u ON u.request_id = v_item.request_id AND u.status <> 'refused';
      RETURN NEXT;
      CONTINUE;
    END IF;

    v_charge := LEAST(v_item.actual_cost, v_hold.amount_micros + GREATEST(v_balance - v_held, 0));
    IF v_hold.spend_cap_micros IS NOT NULL THEN
      v_charge := LEAST(v_charge, v_hold.amount_micros + GREATEST(v_hold.spend_cap_micros - v_key_spent - v_key_held, 0));
    END IF;
    v_balance := v_balance - v_charge;
    v_held := v_held - v_hold.amount_micros;
    v_key_spent := v_key_spent + v_charge;
    v_key_held := v_key_held - v_hold.amount_micros;
    v_user_charged := v_user_charged + v_charge;
    v_user_released := v_user_released + v_hold.amount_micros;
    v_key_charged := v_key_charged + v_charge;
    v_key_released := v_key_released + v_hold.amount_micros;

    INSERT INTO credit_ledger_entries
      (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, request_id)
    VALUES (
      v_user,
      CASE v_item.outcome WHEN 'captured' THEN 'capture' WHEN 'released' THEN 'release' ELSE 'expire' END,
      -v_charge, -v_hold.amount_micros, v_balance, v_held, v_item.request_id
    );
    INSERT INTO usage_records (
      request_id, user_id, key_id, model, provider, prompt_tokens, completion_tokens, cached_tokens, cost_micros,
      uncollected_micros, hold_micros, estimated, status, latency_ms, ttft_ms, attempts, created_at
    ) VALUES (
      v_item.request_id, v_user, v_key, v_hold.model, v_item.provider, v_item.prompt_tokens, v_item.completion_tokens,
      v_item.cached_tokens, v_charge, v_item.actual_cost - v_charge, v_hold.amount_micros, v_item.estimated, v_item.status,
      v_item.latency_ms, v_item.ttft_ms, v_item.attempts, v_hold.created_at
    );
    settled := true; charged_micros := v_charge; uncollected_micros := v_item.actual_cost - v_charge;
    RETURN NEXT;
  END LOOP;

  PERFORM billing_walk_to(v_user, v_key, NULL, NULL, -v_user_charged, -v_user_released, v_user_charged, v_key_charged, -v_key_released);
END $$
