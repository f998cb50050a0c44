CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"service_point_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_slots_channel_check" CHECK ("appointment_slots"."channel" in ('walk_in','online')),
	CONSTRAINT "appointment_slots_point_check" CHECK ("appointment_slots"."channel" <> 'walk_in' or "appointment_slots"."service_point_id" is not null),
	CONSTRAINT "appointment_slots_period_check" CHECK ("appointment_slots"."ends_at" > "appointment_slots"."starts_at"),
	CONSTRAINT "appointment_slots_capacity_check" CHECK ("appointment_slots"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"slot_id" uuid NOT NULL,
	"slot_no" integer NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_masked" text NOT NULL,
	"topic" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'booked' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_reference_key" UNIQUE("reference"),
	CONSTRAINT "appointments_status_check" CHECK ("appointments"."status" in ('booked','cancelled','attended','no_show')),
	CONSTRAINT "appointments_topic_check" CHECK ("appointments"."topic" in ('劳动争议','工伤','婚姻家庭','家庭暴力','继承纠纷','老年人权益','未成年人保护','残疾人权益','交通事故','人身损害','医疗纠纷','借贷纠纷','房屋租赁','消费者权益','社会保险','法律援助','行政争议','刑事辩护','征地拆迁','军人军属权益')),
	CONSTRAINT "appointments_slot_no_check" CHECK ("appointments"."slot_no" >= 1),
	CONSTRAINT "appointments_phone_check" CHECK ("appointments"."phone_enc" like 'enc:%'),
	CONSTRAINT "appointments_name_check" CHECK (length("appointments"."name") between 1 and 50),
	CONSTRAINT "appointments_note_check" CHECK ("appointments"."note" is null or length("appointments"."note") <= 500)
);
--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_slots_starts_idx" ON "appointment_slots" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_slots_point_start_key" ON "appointment_slots" USING btree ("channel",coalesce("service_point_id", '00000000-0000-0000-0000-000000000000'::uuid),"starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_slot_place_key" ON "appointments" USING btree ("slot_id","slot_no") WHERE "appointments"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "appointments_slot_idx" ON "appointments" USING btree ("slot_id");