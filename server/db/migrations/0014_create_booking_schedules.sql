CREATE TABLE "appointment_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"score" integer,
	"comment" text,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_ratings_appointment_key" UNIQUE("appointment_id"),
	CONSTRAINT "appointment_ratings_token_key" UNIQUE("token_hash"),
	CONSTRAINT "appointment_ratings_score_check" CHECK ("appointment_ratings"."score" is null or "appointment_ratings"."score" between 1 and 5),
	CONSTRAINT "appointment_ratings_given_check" CHECK (("appointment_ratings"."score" is null) = ("appointment_ratings"."rated_at" is null)),
	CONSTRAINT "appointment_ratings_comment_check" CHECK ("appointment_ratings"."comment" is null or length("appointment_ratings"."comment") <= 500)
);
--> statement-breakpoint
CREATE TABLE "booking_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_point_id" uuid,
	"channel" text,
	"day" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_closures_channel_check" CHECK ("booking_closures"."channel" is null or "booking_closures"."channel" in ('walk_in','online','hotline_callback')),
	CONSTRAINT "booking_closures_reason_check" CHECK (length("booking_closures"."reason") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "booking_extra_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_point_id" uuid,
	"channel" text NOT NULL,
	"day" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"slot_minutes" integer NOT NULL,
	"capacity" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_extra_sessions_channel_check" CHECK ("booking_extra_sessions"."channel" in ('walk_in','online','hotline_callback')),
	CONSTRAINT "booking_extra_sessions_point_check" CHECK ("booking_extra_sessions"."channel" <> 'walk_in' or "booking_extra_sessions"."service_point_id" is not null),
	CONSTRAINT "booking_extra_sessions_time_check" CHECK ("booking_extra_sessions"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "booking_extra_sessions"."end_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "booking_extra_sessions"."end_time" > "booking_extra_sessions"."start_time"),
	CONSTRAINT "booking_extra_sessions_slot_check" CHECK ("booking_extra_sessions"."slot_minutes" between 5 and 480),
	CONSTRAINT "booking_extra_sessions_capacity_check" CHECK ("booking_extra_sessions"."capacity" between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "booking_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_point_id" uuid,
	"channel" text NOT NULL,
	"weekdays" integer[] NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"slot_minutes" integer NOT NULL,
	"capacity" integer NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_schedules_channel_check" CHECK ("booking_schedules"."channel" in ('walk_in','online','hotline_callback')),
	CONSTRAINT "booking_schedules_point_check" CHECK ("booking_schedules"."channel" <> 'walk_in' or "booking_schedules"."service_point_id" is not null),
	CONSTRAINT "booking_schedules_weekdays_check" CHECK (cardinality("booking_schedules"."weekdays") between 1 and 7 and "booking_schedules"."weekdays" <@ array[1,2,3,4,5,6,7]),
	CONSTRAINT "booking_schedules_time_check" CHECK ("booking_schedules"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "booking_schedules"."end_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "booking_schedules"."end_time" > "booking_schedules"."start_time"),
	CONSTRAINT "booking_schedules_slot_check" CHECK ("booking_schedules"."slot_minutes" between 5 and 480),
	CONSTRAINT "booking_schedules_capacity_check" CHECK ("booking_schedules"."capacity" between 1 and 500),
	CONSTRAINT "booking_schedules_valid_check" CHECK ("booking_schedules"."valid_from" is null or "booking_schedules"."valid_to" is null or "booking_schedules"."valid_to" >= "booking_schedules"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "booking_waitlist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"service_point_id" uuid,
	"day" date NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_masked" text NOT NULL,
	"topic" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"appointment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_waitlist_status_check" CHECK ("booking_waitlist"."status" in ('waiting','offered','booked','expired','cancelled')),
	CONSTRAINT "booking_waitlist_channel_check" CHECK ("booking_waitlist"."channel" in ('walk_in','online','hotline_callback')),
	CONSTRAINT "booking_waitlist_topic_check" CHECK ("booking_waitlist"."topic" in ('劳动争议','工伤','婚姻家庭','家庭暴力','继承纠纷','老年人权益','未成年人保护','残疾人权益','交通事故','人身损害','医疗纠纷','借贷纠纷','房屋租赁','消费者权益','社会保险','法律援助','行政争议','刑事辩护','征地拆迁','军人军属权益')),
	CONSTRAINT "booking_waitlist_phone_check" CHECK ("booking_waitlist"."phone_enc" like 'enc:%')
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"appointment_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"body_enc" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_outbox_dedupe_key" UNIQUE("dedupe_key"),
	CONSTRAINT "notification_outbox_kind_check" CHECK ("notification_outbox"."kind" in ('confirmation','reminder','waitlist_offer','rating_request','cancellation','reschedule')),
	CONSTRAINT "notification_outbox_status_check" CHECK ("notification_outbox"."status" in ('pending','sent','dead'))
);
--> statement-breakpoint
ALTER TABLE "appointment_slots" DROP CONSTRAINT "appointment_slots_channel_check";--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_status_check";--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_name_check";--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "service_points" ADD COLUMN "accessibility" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD COLUMN "booked" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "slot_day" date;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "phone_aad" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "manage_token_hash" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "manage_token_enc" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "ip_hash" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "booked_by" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "call_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "held_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "completed_by" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "reminder_queued_at" timestamp with time zone;--> statement-breakpoint
-- Hand-written: existing bookings get their day and channel; 'attended' reads as completed.
UPDATE "appointments" a SET "slot_day" = (s."starts_at" AT TIME ZONE 'Asia/Shanghai')::date, "channel" = s."channel" FROM "appointment_slots" s WHERE s."id" = a."slot_id";--> statement-breakpoint
UPDATE "appointments" SET "status" = 'completed' WHERE "status" = 'attended';--> statement-breakpoint
-- Hand-written: the old model allowed one phone several bookings a day; keep the earliest, cancel the rest
-- (the new rule, one active booking per phone and day, is a unique index below).
UPDATE "appointments" a SET "status" = 'cancelled', "cancelled_at" = now() WHERE a."status" = 'booked' AND EXISTS (
  SELECT 1 FROM "appointments" b WHERE b."phone_hash" = a."phone_hash" AND b."slot_day" = a."slot_day" AND b."status" = 'booked' AND (b."created_at", b."id") < (a."created_at", a."id"));--> statement-breakpoint
UPDATE "appointment_slots" s SET "booked" = (SELECT count(*) FROM "appointments" a WHERE a."slot_id" = s."id" AND a."status" <> 'cancelled');--> statement-breakpoint
-- Hand-written: demo schedules replace the seeded demo slots (those nobody booked).
DELETE FROM "appointment_slots" s WHERE s."is_demo" AND NOT EXISTS (SELECT 1 FROM "appointments" a WHERE a."slot_id" = s."id");--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "slot_day" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "channel" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_ratings" ADD CONSTRAINT "appointment_ratings_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_closures" ADD CONSTRAINT "booking_closures_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_extra_sessions" ADD CONSTRAINT "booking_extra_sessions_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_schedules" ADD CONSTRAINT "booking_schedules_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_waitlist" ADD CONSTRAINT "booking_waitlist_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_waitlist" ADD CONSTRAINT "booking_waitlist_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_ratings_rated_idx" ON "appointment_ratings" USING btree ("rated_at");--> statement-breakpoint
CREATE INDEX "booking_closures_day_idx" ON "booking_closures" USING btree ("day");--> statement-breakpoint
CREATE INDEX "booking_extra_sessions_day_idx" ON "booking_extra_sessions" USING btree ("day");--> statement-breakpoint
CREATE INDEX "booking_schedules_point_idx" ON "booking_schedules" USING btree ("service_point_id","channel");--> statement-breakpoint
CREATE INDEX "booking_waitlist_day_idx" ON "booking_waitlist" USING btree ("channel","day","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "booking_waitlist_phone_day_key" ON "booking_waitlist" USING btree ("phone_hash","channel","day") WHERE "booking_waitlist"."status" in ('waiting','offered');--> statement-breakpoint
CREATE INDEX "notification_outbox_due_idx" ON "notification_outbox" USING btree ("status","due_at");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_staff_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_call_id_hotline_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."hotline_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_completed_by_staff_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_phone_day_key" ON "appointments" USING btree ("phone_hash","slot_day") WHERE "appointments"."status" in ('booked','held');--> statement-breakpoint
CREATE INDEX "appointments_phone_idx" ON "appointments" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "appointments_ip_idx" ON "appointments" USING btree ("ip_hash","created_at");--> statement-breakpoint
CREATE INDEX "appointments_call_idx" ON "appointments" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "appointments_day_idx" ON "appointments" USING btree ("slot_day","channel");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_manage_token_key" UNIQUE("manage_token_hash");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_idempotency_key" UNIQUE("idempotency_key");--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_booked_check" CHECK ("appointment_slots"."booked" >= 0 and "appointment_slots"."booked" <= "appointment_slots"."capacity");--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_channel_check" CHECK ("appointment_slots"."channel" in ('walk_in','online','hotline_callback'));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_channel_check" CHECK ("appointments"."channel" in ('walk_in','online','hotline_callback'));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_held_check" CHECK ("appointments"."status" <> 'held' or "appointments"."held_until" is not null);--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_status_check" CHECK ("appointments"."status" in ('booked','held','checked_in','completed','no_show','cancelled'));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_name_check" CHECK ("appointments"."name" is null or length("appointments"."name") between 1 and 50);