CREATE TABLE "hotline_call_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hotline_call_links_kind_check" CHECK ("hotline_call_links"."kind" in ('screening','application','booking')),
	CONSTRAINT "hotline_call_links_reference_check" CHECK (length("hotline_call_links"."reference") between 1 and 80)
);
--> statement-breakpoint
CREATE TABLE "hotline_outcome_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"needs_follow_up" boolean DEFAULT false NOT NULL,
	"closes_call" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"system" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 100 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hotline_outcome_codes_code_check" CHECK ("hotline_outcome_codes"."code" ~ '^[a-z][a-z0-9_]{1,39}$'),
	CONSTRAINT "hotline_outcome_codes_label_check" CHECK (length("hotline_outcome_codes"."label") between 1 and 40),
	CONSTRAINT "hotline_outcome_codes_flags_check" CHECK (not ("hotline_outcome_codes"."needs_follow_up" and "hotline_outcome_codes"."closes_call"))
);
--> statement-breakpoint
-- Seeded outcome codes (hand-written): the five the console used so far (system codes its rules key on) and one more.
INSERT INTO "hotline_outcome_codes" ("code", "label", "needs_follow_up", "closes_call", "system", "position") VALUES
	('answered', '已解答', false, true, true, 10),
	('referred_service_point', '转介到服务点', false, true, true, 20),
	('legal_aid_screening', '已做法律援助初筛', false, true, true, 30),
	('callback_booked', '预约律师回拨', true, false, true, 40),
	('transferred', '已转接', false, true, true, 50),
	('call_dropped', '通话中断，需要回拨', true, false, false, 60)
ON CONFLICT ("code") DO NOTHING;--> statement-breakpoint
ALTER TABLE "staff_users" DROP CONSTRAINT "staff_users_role_check";--> statement-breakpoint
ALTER TABLE "hotline_calls" DROP CONSTRAINT "hotline_calls_outcome_check";--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "urgent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "safe_to_call_back" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "discreet" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "interpreter" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "elderly_or_disabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "told_of_legal_aid_right" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "hotline_call_links" ADD CONSTRAINT "hotline_call_links_call_id_hotline_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."hotline_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_call_links" ADD CONSTRAINT "hotline_call_links_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hotline_call_links_call_idx" ON "hotline_call_links" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_call_links_key" ON "hotline_call_links" USING btree ("call_id","kind","reference");--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_outcome_hotline_outcome_codes_code_fk" FOREIGN KEY ("outcome") REFERENCES "public"."hotline_outcome_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_role_check" CHECK ("staff_users"."role" in ('operator','reviewer','editor','admin','supervisor'));--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_interpreter_check" CHECK ("hotline_calls"."interpreter" in ('none','interpreter','sign_language'));--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_version_check" CHECK ("hotline_calls"."version" >= 1);