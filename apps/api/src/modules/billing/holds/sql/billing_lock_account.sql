CREATE FUNCTION billing_lock_account(p_user_id uuid, OUT balance_micros bigint, OUT held_micros bigint)
LANGUAGE plpgsql AS $$
BEGIN
  SELECT a.balance_micros, a.held_micros INTO balance_micros, held_micros
    FROM credit_accounts a WHERE a.user_id = p_user_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO credit_accounts (user_id) VALUES (p_user_id) ON CONFLICT (user_id) DO NOTHING;
    SELECT a.balance_micros, a.held_micros INTO STRICT balance_micros, held_micros
      FROM credit_accounts a WHERE a.user_id = p_user_id FOR UPDATE;
  END IF;
END $$
