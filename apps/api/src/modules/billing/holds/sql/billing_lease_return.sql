-- Gives back part or all of a lease. p_outcome: 'partial' returns up to p_amount and keeps the lease
-- open (a recall while requests still run on it); 'returned' closes it, returning what is left
-- (idle, shutdown); 'expired' does the same only once the lease is past its expiry (the reaper,
-- after a crash). A lease that is no longer open is left alone, so every call is idempotent.
CREATE OR REPLACE FUNCTION billing_lease_return(p_lease_id uuid, p_amount bigint, p_outcome text)
RETURNS TABLE (amount_micros bigint, returned_micros bigint, lease_status text)
LANGUAGE plpgsql AS $$
DECLARE
  v_user uuid;
  v_balance bigint;
  v_held bigint;
  v_return bigint;
  v_lease credit_leases%ROWTYPE;
BEGIN
  IF p_outcome NOT IN ('partial', 'returned', 'expired') THEN
    RAISE EXCEPTION 'unknown lease outcome %', p_outcome USING ERRCODE = '22023';
  END IF;
  SELECT c.user_id INTO v_user FROM credit_leases c WHERE c.id = p_lease_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  -- The account row first, as every billing function locks it, then the lease.
  SELECT l.balance_micros, l.held_micros INTO v_balance, v_held FROM billing_lock_account(v_user) l;
  SELECT * INTO v_lease FROM credit_leases c WHERE c.id = p_lease_id FOR UPDATE;
  IF v_lease.status <> 'open' OR (p_outcome = 'expired' AND v_lease.expires_at >= now()) THEN
    RETURN QUERY SELECT v_lease.amount_micros, 0::bigint, v_lease.status::text;
    RETURN;
  END IF;
  v_return := CASE WHEN p_outcome = 'partial' THEN LEAST(GREATEST(p_amount, 0), v_lease.amount_micros) ELSE v_lease.amount_micros END;
  UPDATE credit_leases c
     SET amount_micros = c.amount_micros - v_return,
         status = CASE WHEN p_outcome = 'partial' THEN 'open' ELSE p_outcome END,
         resolved_at = CASE WHEN p_outcome = 'partial' THEN NULL ELSE now() END
   WHERE c.id = p_lease_id
  RETURNING * INTO v_lease;
  IF v_return > 0 THEN
    v_held := v_held - v_return;
    PERFORM billing_add_account_totals(v_user, 0, -v_return, 0);
    INSERT INTO credit_ledger_entries
      (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, lease_id)
    VALUES (v_user, CASE WHEN p_outcome = 'expired' THEN 'lease_expire' ELSE 'lease_return' END, 0, -v_return, v_balance, v_held, p_lease_id);
  END IF;
  RETURN QUERY SELECT v_lease.amount_micros, v_return, v_lease.status::text;
END $$;
