-- Takes a credit lease for an instance, or tops one up and extends its expiry (docs/billing-invariants.md,
-- "Credit leases"). The lease is a committed hold: it counts in the account's held_micros, so the
-- sum of open holds and leases never exceeds the balance. Near the edge (available below
-- p_min_available) nothing is granted and the caller holds per request. A grant is capped at
-- available / p_max_share so other instances always find funds. p_want = 0 only renews the expiry.
CREATE OR REPLACE FUNCTION billing_lease_acquire(
  p_lease_id uuid, p_user_id uuid, p_instance_id text, p_want bigint, p_min_available bigint, p_max_share integer, p_ttl_seconds integer
)
RETURNS TABLE (lease_id uuid, amount_micros bigint, granted_micros bigint, expires_at timestamptz, lease_status text)
LANGUAGE plpgsql AS $$
DECLARE
  v_balance bigint;
  v_held bigint;
  v_available bigint;
  v_grant bigint := 0;
  v_lease credit_leases%ROWTYPE;
BEGIN
  SELECT l.balance_micros, l.held_micros INTO v_balance, v_held FROM billing_lock_account(p_user_id) l;
  IF p_lease_id IS NOT NULL THEN
    SELECT * INTO v_lease FROM credit_leases c WHERE c.id = p_lease_id AND c.user_id = p_user_id FOR UPDATE;
    IF NOT FOUND OR v_lease.status <> 'open' THEN
      RETURN QUERY SELECT p_lease_id, COALESCE(v_lease.amount_micros, 0::bigint), 0::bigint, v_lease.expires_at,
                          COALESCE(v_lease.status, 'missing')::text;
      RETURN;
    END IF;
  END IF;
  v_available := v_balance - v_held;
  IF p_want > 0 AND v_available >= GREATEST(p_min_available, 1) THEN
    v_grant := GREATEST(LEAST(p_want, v_available / GREATEST(p_max_share, 1)), 0);
  END IF;
  IF p_lease_id IS NULL THEN
    IF v_grant = 0 THEN
      RETURN;
    END IF;
    INSERT INTO credit_leases (user_id, instance_id, amount_micros, expires_at)
    VALUES (p_user_id, p_instance_id, v_grant, now() + make_interval(secs => p_ttl_seconds))
    RETURNING * INTO v_lease;
  ELSE
    UPDATE credit_leases c SET amount_micros = c.amount_micros + v_grant, expires_at = now() + make_interval(secs => p_ttl_seconds)
     WHERE c.id = p_lease_id
    RETURNING * INTO v_lease;
  END IF;
  IF v_grant > 0 THEN
    v_held := v_held + v_grant;
    PERFORM billing_add_account_totals(p_user_id, 0, v_grant, 0);
    INSERT INTO credit_ledger_entries
      (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, lease_id)
    VALUES (p_user_id, 'lease', 0, v_grant, v_balance, v_held, v_lease.id);
  END IF;
  RETURN QUERY SELECT v_lease.id, v_lease.amount_micros, v_grant, v_lease.expires_at, v_lease.status::text;
END $$;
