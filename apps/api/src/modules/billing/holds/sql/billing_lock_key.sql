CREATE FUNCTION billing_lock_key(p_key_id uuid, p_user_id uuid, OUT spent_micros bigint, OUT held_micros bigint)
LANGUAGE plpgsql AS $$
BEGIN
  SELECT k.spent_micros, k.held_micros INTO spent_micros, held_micros
    FROM api_key_spend k WHERE k.key_id = p_key_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO api_key_spend (key_id, user_id) VALUES (p_key_id, p_user_id) ON CONFLICT (key_id) DO NOTHING;
    SELECT k.spent_micros, k.held_micros INTO STRICT spent_micros, held_micros
      FROM api_key_spend k WHERE k.key_id = p_key_id FOR UPDATE;
  END IF;
END $$
