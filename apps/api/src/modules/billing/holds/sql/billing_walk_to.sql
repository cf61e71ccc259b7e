-- The lock walk of the batch functions, whose items go in (user, key) order: leaving a key writes
-- its accumulated totals, leaving an account writes the account's and locks the next one, then
-- the next key is locked (accounts before keys, accounts in user order, in every billing function,
-- so concurrent batches never deadlock). Account totals are written only when the walk leaves the
-- account (account_changed); until then the caller keeps adding to them. Walking to (NULL, NULL)
-- after the last item writes the last totals and locks nothing.
CREATE FUNCTION billing_walk_to(
  p_from_user uuid, p_from_key uuid, p_to_user uuid, p_to_key uuid,
  p_account_balance_delta bigint, p_account_held_delta bigint, p_account_usage_delta bigint,
  p_key_spent_delta bigint, p_key_held_delta bigint,
  OUT account_changed boolean, OUT balance_micros bigint, OUT held_micros bigint,
  OUT key_spent_micros bigint, OUT key_held_micros bigint
)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM billing_add_key_totals(p_from_key, p_key_spent_delta, p_key_held_delta);
  account_changed := p_from_user IS DISTINCT FROM p_to_user;
  IF account_changed THEN
    PERFORM billing_add_account_totals(p_from_user, p_account_balance_delta, p_account_held_delta, p_account_usage_delta);
    IF p_to_user IS NOT NULL THEN
      SELECT l.balance_micros, l.held_micros INTO balance_micros, held_micros FROM billing_lock_account(p_to_user) l;
    END IF;
  END IF;
  IF p_to_key IS NOT NULL THEN
    SELECT l.spent_micros, l.held_micros INTO key_spent_micros, key_held_micros FROM billing_lock_key(p_to_key, p_to_user) l;
  END IF;
END $$
