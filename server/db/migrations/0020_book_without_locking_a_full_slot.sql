-- book_appointment (migration 0019) without a row lock for a refusal: the slot is read first
-- without a lock, and an attempt the read already refuses (unknown, closed, stale facts, a limit,
-- full) ends there — a read-only transaction that queues behind no one and writes nothing (a
-- refusal is as if it came just before a place was freed; the limits are ordered by the advisory
-- locks, not by the slot row). Only an attempt that saw a free place locks the slot row (FOR
-- UPDATE reads its latest committed version) and checks again (closed, full) before writing.
-- Everything else is 0019's, in the same order.
CREATE OR REPLACE FUNCTION book_appointment(
  p_slot_id uuid, p_now timestamptz, p_channel text, p_locks text[],
  p_idem_key text, p_phone_hash text, p_limit_ip text, p_since timestamptz, p_per_address integer, p_per_phone integer,
  p_seen_channel text, p_seen_starts timestamptz, p_seen_ends timestamptz, p_seen_point text, p_slot_day date,
  p_id uuid, p_reference text, p_name text, p_phone_enc text, p_phone_masked text, p_topic text, p_note text,
  p_token_hash text, p_token_enc text, p_request_hash text, p_ip_hash text, p_booked_by uuid, p_call_id uuid,
  p_text_kind text, p_text_dedupe text, p_text_body_enc text,
  p_audit text[], p_audit_known text, p_detail_prefix text, p_detail_suffix text, p_detail text,
  OUT r_status text, OUT r_slot_no integer, OUT r_created_at timestamptz, OUT r_earlier_id uuid,
  OUT r_channel text, OUT r_point_id uuid, OUT r_starts_at timestamptz, OUT r_ends_at timestamptz,
  OUT r_capacity integer, OUT r_booked integer, OUT r_withdrawn_at timestamptz,
  OUT r_point_name text, OUT r_point_address text, OUT r_point_phone text, OUT r_point_hours jsonb
) LANGUAGE plpgsql AS $$
DECLARE
  v_key text;
  v_n integer;
  v_same_day integer;
  v_prev text;
  v_audit_id bigint;
  v_at timestamptz;
  v_hash text;
BEGIN
  IF p_locks IS NOT NULL THEN
    FOREACH v_key IN ARRAY p_locks LOOP
      PERFORM pg_advisory_xact_lock(hashtextextended(v_key, 0));
    END LOOP;
  END IF;

  IF p_idem_key IS NOT NULL THEN
    SELECT e.id INTO r_earlier_id FROM appointments e WHERE e.idempotency_key = p_idem_key;
    IF r_earlier_id IS NOT NULL THEN
      r_status := 'replay';
      RETURN;
    END IF;
  END IF;

  -- Read, not locked yet: a refusal takes no row lock (and writes nothing).
  SELECT s.channel, s.service_point_id, s.starts_at, s.ends_at, s.capacity, s.booked, s.withdrawn_at,
      p.name, p.address, p.phone, p.opening_hours
    INTO r_channel, r_point_id, r_starts_at, r_ends_at, r_capacity, r_booked, r_withdrawn_at,
      r_point_name, r_point_address, r_point_phone, r_point_hours
    FROM appointment_slots s LEFT JOIN service_points p ON p.id = s.service_point_id
    WHERE s.id = p_slot_id;
  IF NOT FOUND OR (p_channel IS NOT NULL AND r_channel <> p_channel) THEN
    r_status := 'SLOT_NOT_FOUND';
    RETURN;
  END IF;
  IF r_withdrawn_at IS NOT NULL OR r_starts_at <= p_now THEN
    r_status := 'SLOT_CLOSED';
    RETURN;
  END IF;
  IF r_channel IS DISTINCT FROM p_seen_channel
      OR date_trunc('milliseconds', r_starts_at) IS DISTINCT FROM date_trunc('milliseconds', p_seen_starts)
      OR date_trunc('milliseconds', r_ends_at) IS DISTINCT FROM date_trunc('milliseconds', p_seen_ends)
      OR r_point_name IS DISTINCT FROM p_seen_point
      OR p_slot_day IS NULL THEN
    r_status := 'stale';
    RETURN;
  END IF;

  IF p_limit_ip IS NOT NULL THEN
    SELECT count(*) INTO v_n FROM appointments f
      WHERE f.ip_hash = p_limit_ip AND f.created_at >= p_since AND f.booked_by IS NULL;
    IF v_n >= p_per_address THEN
      r_status := 'TOO_MANY_BOOKINGS_ADDRESS';
      RETURN;
    END IF;
  END IF;
  SELECT count(*), count(*) FILTER (WHERE a.slot_day = p_slot_day) INTO v_n, v_same_day
    FROM appointments a JOIN appointment_slots s2 ON s2.id = a.slot_id
    WHERE a.phone_hash = p_phone_hash AND a.status IN ('booked', 'held') AND s2.starts_at > p_now;
  IF v_same_day > 0 THEN
    r_status := 'PHONE_ALREADY_BOOKED';
    RETURN;
  END IF;
  IF v_n >= p_per_phone THEN
    r_status := 'TOO_MANY_BOOKINGS_PHONE';
    RETURN;
  END IF;
  IF r_booked >= r_capacity THEN
    r_status := 'SLOT_FULL';
    RETURN;
  END IF;

  -- A place looked free: now the slot row, locked (the latest committed version), decides.
  SELECT s.capacity, s.booked, s.withdrawn_at INTO r_capacity, r_booked, r_withdrawn_at
    FROM appointment_slots s WHERE s.id = p_slot_id FOR UPDATE;
  IF r_withdrawn_at IS NOT NULL THEN
    r_status := 'SLOT_CLOSED';
    RETURN;
  END IF;
  IF r_booked >= r_capacity THEN
    r_status := 'SLOT_FULL';
    RETURN;
  END IF;

  UPDATE appointment_slots SET booked = booked + 1, updated_at = p_now WHERE id = p_slot_id;
  r_booked := r_booked + 1;
  SELECT min(g.n) INTO r_slot_no FROM generate_series(1, r_capacity) AS g(n)
    WHERE NOT EXISTS (SELECT 1 FROM appointments b WHERE b.slot_id = p_slot_id AND b.slot_no = g.n AND b.status <> 'cancelled');
  INSERT INTO appointments (id, reference, slot_id, slot_no, slot_day, channel, name, phone_enc, phone_hash, phone_masked, topic, note, status,
      manage_token_hash, manage_token_enc, idempotency_key, request_hash, ip_hash, booked_by, call_id)
    VALUES (p_id, p_reference, p_slot_id, r_slot_no, p_slot_day, r_channel, p_name, p_phone_enc, p_phone_hash, p_phone_masked, p_topic, p_note, 'booked',
      p_token_hash, p_token_enc, p_idem_key, p_request_hash, p_ip_hash, p_booked_by, p_call_id)
    RETURNING created_at INTO r_created_at;
  INSERT INTO notification_outbox (kind, appointment_id, dedupe_key, body_enc, due_at)
    VALUES (p_text_kind, p_id, p_text_dedupe, p_text_body_enc, p_now)
    ON CONFLICT (dedupe_key) DO NOTHING;

  SELECT h.last_hash INTO v_prev FROM audit_chain_head h WHERE h.id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit_chain_head is missing (migration 0013)';
  END IF;
  v_audit_id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  v_at := date_trunc('milliseconds', now());
  v_hash := encode(sha256(convert_to(v_prev || E'\n[' || v_audit_id::text || ',"'
    || to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '",' || p_audit_known || E'\n'
    || p_detail_prefix || r_slot_no::text || p_detail_suffix, 'UTF8')), 'hex');
  INSERT INTO audit_log (id, at, actor_id, actor_role, action, object_type, object_id, purpose, ip_hash, outcome, detail, prev_hash, hash)
    VALUES (v_audit_id, v_at, p_audit[1]::uuid, p_audit[2], p_audit[3], p_audit[4], p_audit[5], p_audit[6], p_audit[7], p_audit[8],
      p_detail::jsonb || jsonb_build_object('slotNo', r_slot_no), v_prev, v_hash);
  UPDATE audit_chain_head SET last_id = v_audit_id, last_hash = v_hash WHERE id = 1;
  r_status := 'ok';
END;
$$;
