CREATE TABLE "callback_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callback_windows_starts_at_key" UNIQUE("starts_at"),
	CONSTRAINT "callback_windows_capacity_check" CHECK ("callback_windows"."capacity" > 0),
	CONSTRAINT "callback_windows_period_check" CHECK ("callback_windows"."ends_at" > "callback_windows"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"window_id" uuid NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_masked" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"slot_no" integer NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callbacks_status_check" CHECK ("callbacks"."status" in ('booked','done','missed','cancelled')),
	CONSTRAINT "callbacks_slot_no_check" CHECK ("callbacks"."slot_no" >= 1),
	CONSTRAINT "callbacks_phone_check" CHECK ("callbacks"."phone_enc" like 'enc:%')
);
--> statement-breakpoint
CREATE TABLE "hotline_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"operator_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"topic" text NOT NULL,
	"summary" text NOT NULL,
	"caller_phone_enc" text,
	"caller_phone_hash" text,
	"caller_phone_masked" text,
	"caller_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"outcome" text NOT NULL,
	"referred_service_point_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hotline_calls_reference_key" UNIQUE("reference"),
	CONSTRAINT "hotline_calls_topic_check" CHECK ("hotline_calls"."topic" in ('劳动争议','工伤','婚姻家庭','家庭暴力','继承纠纷','老年人权益','未成年人保护','残疾人权益','交通事故','人身损害','医疗纠纷','借贷纠纷','房屋租赁','消费者权益','社会保险','法律援助','行政争议','刑事辩护','征地拆迁','军人军属权益')),
	CONSTRAINT "hotline_calls_summary_check" CHECK (length("hotline_calls"."summary") between 1 and 2000),
	CONSTRAINT "hotline_calls_groups_check" CHECK ("hotline_calls"."caller_groups" <@ array['low_income','disabled','migrant_worker','elderly','minor','single_mother','left_behind','military_family','veteran']::text[]),
	CONSTRAINT "hotline_calls_outcome_check" CHECK ("hotline_calls"."outcome" in ('answered','referred_service_point','legal_aid_screening','callback_booked','transferred')),
	CONSTRAINT "hotline_calls_phone_check" CHECK (("hotline_calls"."caller_phone_enc" is null and "hotline_calls"."caller_phone_hash" is null and "hotline_calls"."caller_phone_masked" is null) or ("hotline_calls"."caller_phone_enc" like 'enc:%' and "hotline_calls"."caller_phone_hash" is not null and "hotline_calls"."caller_phone_masked" is not null)),
	CONSTRAINT "hotline_calls_callback_phone_check" CHECK ("hotline_calls"."outcome" <> 'callback_booked' or "hotline_calls"."caller_phone_enc" is not null),
	CONSTRAINT "hotline_calls_referral_check" CHECK (("hotline_calls"."outcome" = 'referred_service_point') = ("hotline_calls"."referred_service_point_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_call_id_hotline_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."hotline_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_window_id_callback_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."callback_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_completed_by_staff_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_operator_id_staff_users_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_referred_service_point_id_service_points_id_fk" FOREIGN KEY ("referred_service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "callbacks_window_slot_key" ON "callbacks" USING btree ("window_id","slot_no") WHERE "callbacks"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "callbacks_call_idx" ON "callbacks" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "hotline_calls_started_idx" ON "hotline_calls" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "hotline_calls_operator_idx" ON "hotline_calls" USING btree ("operator_id","started_at");--> statement-breakpoint
CREATE INDEX "hotline_calls_phone_hash_idx" ON "hotline_calls" USING btree ("caller_phone_hash");