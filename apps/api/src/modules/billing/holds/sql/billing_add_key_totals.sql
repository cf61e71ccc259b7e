CREATE FUNCTION billing_add_key_totals(p_key_id uuid, p_spent_delta bigint, p_held_delta bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_key_id IS NOT NULL AND (p_spent_delta <> 0 OR p_held_delta <> 0) THEN
    UPDATE api_key_spend k
       SET spent_micros = k.spent_micros + p_spent_delta, held_micros = k.held_micros + p_held_delta, updated_at = now()
     WHERE k.key_id = p_key_id;
  END IF;
END $$
