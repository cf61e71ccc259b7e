CREATE FUNCTION billing_add_account_totals(p_user_id uuid, p_balance_delta bigint, p_held_delta bigint, p_usage_delta bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_user_id IS NOT NULL AND (p_balance_delta <> 0 OR p_held_delta <> 0 OR p_usage_delta <> 0) THEN
    UPDATE credit_accounts a
       SET balance_micros = a.balance_micros + p_balance_delta, held_micros = a.held_micros + p_held_delta,
           usage_micros = a.usage_micros + p_usage_delta, updated_at = now()
     WHERE a.user_id = p_user_id;
  END IF;
END $$
