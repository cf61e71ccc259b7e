CREATE OR REPLACE FUNCTION billing_reserve_batch(p_items jsonb, p_ttl_seconds integer)
RETURNS TABLE (
  item_index integer, hold_id uuid, created_at timestamptz, expires_at timestamptz, error_state text, error_message text
)
LANGUAGE plpgsql AS $$
DECLARE
  v_item record;
  v_user uuid;
  v_key uuid;
  v_balance bigint;
  v_held bigint;
  v_user_held_added bigint := 0;
  v_key_spent bigint;
  v_key_held bigint;
  v_key_held_added bigint := 0;
  v_hold credit_holds%ROWTYPE;
  v_walk record;
BEGIN
  FOR v_item IN
    SELECT (i.ordinality - 1)::integer AS idx, i.value->>'request_id' AS request_id, (i.value->>'user_id')::uuid AS user_id,
           (i.value->>'key_id')::uuid AS key_id, (i.value->>'spend_cap')::bigint AS spend_cap,
           (i.value->>'amount')::bigint AS amount, i.value->>'model' AS model
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS i(value, ordinality)
     ORDER BY 3, 4, 2, 1
  LOOP
    IF v_key IS DISTINCT FROM v_item.key_id OR v_user IS DISTINCT FROM v_item.user_id THEN
      SELECT * INTO v_walk FROM billing_walk_to(v_user, v_key, v_item.user_id, v_item.key_id, 0, v_user_held_added, 0, 0, v_key_held_added);
      IF v_walk.account_changed THEN
        v_balance := v_walk.balance_micros; v_held := v_walk.held_micros; v_user_held_added := 0;
      END IF;
      v_key_spent := v_walk.key_spent_micros; v_key_held := v_walk.key_held_micros; v_key_held_added := 0;
      v_user := v_item.user_id; v_key := v_item.key_id;
    END IF;

    item_index := v_item.idx;
    hold_id := NULL; created_at := NULL; expires_at := NULL; error_state := NULL; error_message := NULL;
    IF v_item.amount IS NULL OR v_item.amount < 0 THEN
      error_state := '22023'; error_message := 'a hold cannot be negative';
    ELSIF v_balance - v_held < v_item.amount THEN
      error_state := 'AB402'; error_message := 'insufficient balance';
    ELSIF v_item.spend_cap IS NOT NULL AND v_key_spent + v_key_held + v_item.amount > v_item.spend_cap THEN
      error_state := 'AB403'; error_message := 'key spend cap reached';
    ELSE
      INSERT INTO credit_holds (request_id, user_id, key_id, model, amount_micros, spend_cap_micros, expires_at)
      VALUES (v_item.request_id, v_user, v_key, v_item.model, v_item.amount, v_item.spend_cap,
              now() + make_interval(secs => p_ttl_seconds))
      ON CONFLICT (request_id) DO NOTHING
      RETURNING * INTO v_hold;
      IF NOT FOUND THEN
        error_state := '23505'; error_message := 'this request id already holds funds';
      ELSE
        v_held := v_held + v_item.amount;
        v_key_held := v_key_held + v_item.amount;
        v_user_held_added := v_user_held_added + v_item.amount;
        v_key_held_added := v_key_held_added + v_item.amount;
        INSERT INTO credit_ledger_entries
          (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, request_id)
        VALUES (v_user, 'hold', 0, v_item.amount, v_balance, v_held, v_item.request_id);
        hold_id := v_hold.id; created_at := v_hold.created_at; expires_at := v_hold.expires_at;
      END IF;
    END IF;
    RETURN NEXT;
  END LOOP;

  PERFORM billing_walk_to(v_user, v_key, NULL, NULL, 0, v_user_held_added, 0, 0, v_key_held_added);
END $$
