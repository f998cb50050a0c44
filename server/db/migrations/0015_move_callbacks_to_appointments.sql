-- Hand-written: 12348 callbacks move onto the one booking model (issue 9): each callback window becomes
-- an appointment slot of channel hotline_callback (city-wide, no service point) and each callback an
-- appointment with the SAME id, so callback_attempts, callback_assignments and the audit trail follow.
-- 1. Slots: windows that hold callbacks, and future windows that are not demo data. A slot the
--    schedules already made for the same start is reused.
INSERT INTO "appointment_slots" ("channel", "service_point_id", "starts_at", "ends_at", "capacity", "booked", "is_demo")
SELECT 'hotline_callback', NULL, w."starts_at", w."ends_at", w."capacity", 0, w."is_demo"
FROM "callback_windows" w
WHERE EXISTS (SELECT 1 FROM "callbacks" c WHERE c."window_id" = w."id") OR (NOT w."is_demo" AND w."starts_at" > now())
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- 2. Callbacks: done → completed, missed → no_show. The phone stays encrypted as it was (phone_aad names
--    its old associated data). The booking model allows one active booking per phone and day: a booked
--    callback on a day the same phone already holds a booking (or an earlier booked callback) is kept
--    as cancelled, never dropped. Places are numbered after those already taken in the slot.
WITH "moved" AS (
  SELECT c.*, (w."starts_at" AT TIME ZONE 'Asia/Shanghai')::date AS "day", h."topic", h."operator_id", s."id" AS "new_slot_id"
  FROM "callbacks" c
  JOIN "callback_windows" w ON w."id" = c."window_id"
  JOIN "hotline_calls" h ON h."id" = c."call_id"
  JOIN "appointment_slots" s ON s."channel" = 'hotline_callback' AND s."service_point_id" IS NULL AND s."starts_at" = w."starts_at"
), "decided" AS (
  SELECT m.*, CASE
    WHEN m."status" = 'done' THEN 'completed'
    WHEN m."status" = 'missed' THEN 'no_show'
    WHEN m."status" = 'booked' AND (
      EXISTS (SELECT 1 FROM "appointments" a WHERE a."phone_hash" = m."phone_hash" AND a."slot_day" = m."day" AND a."status" IN ('booked', 'held'))
      OR EXISTS (SELECT 1 FROM "moved" o WHERE o."status" = 'booked' AND o."phone_hash" = m."phone_hash" AND o."day" = m."day" AND (o."created_at", o."id") < (m."created_at", m."id"))
    ) THEN 'cancelled'
    ELSE m."status" END AS "new_status"
  FROM "moved" m
), "numbered" AS (
  SELECT d.*, CASE WHEN d."new_status" = 'cancelled' THEN d."slot_no" ELSE
    coalesce((SELECT max(a."slot_no") FROM "appointments" a WHERE a."slot_id" = d."new_slot_id" AND a."status" <> 'cancelled'), 0)
    + row_number() OVER (PARTITION BY d."new_slot_id", d."new_status" = 'cancelled' ORDER BY d."slot_no", d."id") END AS "new_slot_no"
  FROM "decided" d
)
INSERT INTO "appointments" ("id", "reference", "slot_id", "slot_no", "slot_day", "channel", "name", "phone_enc", "phone_hash", "phone_masked", "phone_aad",
  "topic", "status", "booked_by", "call_id", "cancelled_at", "completed_at", "completed_by", "created_at", "updated_at")
SELECT n."id",
  'YY-' || to_char(n."created_at" AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-'
    || (SELECT string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', get_byte(decode(md5(n."id"::text), 'hex'), i) % 32 + 1, 1), '' ORDER BY i) FROM generate_series(0, 5) AS i),
  n."new_slot_id", n."new_slot_no", n."day", 'hotline_callback', NULL, n."phone_enc", n."phone_hash", n."phone_masked", 'callbacks:' || n."id"::text || ':phone',
  n."topic", n."new_status", n."operator_id", n."call_id",
  CASE WHEN n."new_status" = 'cancelled' THEN CASE WHEN n."status" = 'cancelled' THEN n."updated_at" ELSE now() END END,
  n."completed_at", n."completed_by", n."created_at", n."updated_at"
FROM "numbered" n;--> statement-breakpoint
-- 3. The slots' place counts (and capacity, where promised callbacks exceed it: promises are kept).
UPDATE "appointment_slots" s SET "booked" = x."n", "capacity" = greatest(s."capacity", x."n", x."top")
FROM (
  SELECT a."slot_id", count(*) FILTER (WHERE a."status" <> 'cancelled') AS "n", coalesce(max(a."slot_no") FILTER (WHERE a."status" <> 'cancelled'), 0) AS "top"
  FROM "appointments" a WHERE a."channel" = 'hotline_callback' GROUP BY a."slot_id"
) x WHERE x."slot_id" = s."id";--> statement-breakpoint
-- 4. Nothing is dropped unless every callback arrived.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "callbacks" c WHERE NOT EXISTS (SELECT 1 FROM "appointments" a WHERE a."id" = c."id" AND a."channel" = 'hotline_callback')) THEN
    RAISE EXCEPTION 'callbacks not moved onto appointments: the old tables are kept';
  END IF;
END
$$;--> statement-breakpoint
DROP TABLE "callbacks";--> statement-breakpoint
DROP TABLE "callback_windows";--> statement-breakpoint
ALTER TABLE "callback_assignments" ADD CONSTRAINT "callback_assignments_callback_id_appointments_id_fk" FOREIGN KEY ("callback_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_attempts" ADD CONSTRAINT "callback_attempts_callback_id_appointments_id_fk" FOREIGN KEY ("callback_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;
