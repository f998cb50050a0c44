CREATE TABLE "eligibility_rule_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"definition" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_standards" (
	"id" text PRIMARY KEY NOT NULL,
	"county" text NOT NULL,
	"residence" text NOT NULL,
	"dibao_monthly" numeric(10, 2) NOT NULL,
	"multiplier" numeric(4, 2) NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"source" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hardship_standards_county_check" CHECK ("hardship_standards"."county" in ('xingqing','jinfeng','xixia','yongning','helan','lingwu')),
	CONSTRAINT "hardship_standards_residence_check" CHECK ("hardship_standards"."residence" in ('urban','rural')),
	CONSTRAINT "hardship_standards_amount_check" CHECK ("hardship_standards"."dibao_monthly" > 0 and "hardship_standards"."multiplier" > 0 and "hardship_standards"."multiplier" <= 10),
	CONSTRAINT "hardship_standards_period_check" CHECK ("hardship_standards"."effective_to" is null or "hardship_standards"."effective_to" >= "hardship_standards"."effective_from"),
	CONSTRAINT "hardship_standards_source_check" CHECK (length("hardship_standards"."source") > 0)
);
--> statement-breakpoint
CREATE TABLE "legal_aid_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_date" date NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"matter" text,
	"screening_outcome" text NOT NULL,
	"means_test" text NOT NULL,
	"rule_version" text NOT NULL,
	"name_masked" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"personal_enc" text NOT NULL,
	"has_agent" boolean DEFAULT false NOT NULL,
	"sensitive_consent" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_due" date,
	"decision_days_left" integer,
	"materials_requested_at" timestamp with time zone,
	"materials_requested_by" uuid,
	"materials_list" jsonb,
	"materials_due" date,
	"materials_supplied_at" timestamp with time zone,
	"materials_note_enc" text,
	"withdrawn_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"refusal_reasons" text,
	"assign_due" date,
	"assigned_at" timestamp with time zone,
	"assigned_by" uuid,
	"assignee_lawyer" text,
	"assignee_firm" text,
	"objection_at" timestamp with time zone,
	"objection_reason_enc" text,
	"objection_due" date,
	"objection_decided_at" timestamp with time zone,
	"objection_decided_by" uuid,
	"objection_decision" text,
	"objection_decision_reasons" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_aid_applications_reference_key" UNIQUE("reference"),
	CONSTRAINT "legal_aid_applications_status_check" CHECK ("legal_aid_applications"."status" in ('submitted','materials_requested','withdrawn','granted','assigned','refused','objection_pending','objection_maintained')),
	CONSTRAINT "legal_aid_applications_version_check" CHECK ("legal_aid_applications"."version" >= 1),
	CONSTRAINT "legal_aid_applications_refusal_check" CHECK ("legal_aid_applications"."status" not in ('refused','objection_pending','objection_maintained') or length(coalesce("legal_aid_applications"."refusal_reasons", '')) >= 10),
	CONSTRAINT "legal_aid_applications_assigned_check" CHECK ("legal_aid_applications"."status" <> 'assigned' or ("legal_aid_applications"."assignee_lawyer" is not null and "legal_aid_applications"."assignee_firm" is not null)),
	CONSTRAINT "legal_aid_applications_objection_decision_check" CHECK ("legal_aid_applications"."objection_decision" is null or "legal_aid_applications"."objection_decision" in ('maintain','correct')),
	CONSTRAINT "legal_aid_applications_enc_check" CHECK ("legal_aid_applications"."id_number_enc" like 'enc:%' and "legal_aid_applications"."phone_enc" like 'enc:%' and "legal_aid_applications"."personal_enc" like 'enc:%')
);
--> statement-breakpoint
CREATE TABLE "legal_aid_lookup_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ip_hash" text NOT NULL,
	"reference_key" text NOT NULL,
	"ok" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_counters" (
	"day" date NOT NULL,
	"matter" text NOT NULL,
	"outcome" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "screening_counters_day_matter_outcome_pk" PRIMARY KEY("day","matter","outcome")
);
--> statement-breakpoint
ALTER TABLE "eligibility_rule_sets" ADD CONSTRAINT "eligibility_rule_sets_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_standards" ADD CONSTRAINT "hardship_standards_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD CONSTRAINT "legal_aid_applications_materials_requested_by_staff_users_id_fk" FOREIGN KEY ("materials_requested_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD CONSTRAINT "legal_aid_applications_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD CONSTRAINT "legal_aid_applications_assigned_by_staff_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD CONSTRAINT "legal_aid_applications_objection_decided_by_staff_users_id_fk" FOREIGN KEY ("objection_decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hardship_standards_place_idx" ON "hardship_standards" USING btree ("county","residence","effective_from");--> statement-breakpoint
CREATE INDEX "legal_aid_applications_status_idx" ON "legal_aid_applications" USING btree ("status","urgent");--> statement-breakpoint
CREATE INDEX "legal_aid_applications_id_number_hash_idx" ON "legal_aid_applications" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "legal_aid_applications_phone_hash_idx" ON "legal_aid_applications" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "legal_aid_lookup_attempts_ip_idx" ON "legal_aid_lookup_attempts" USING btree ("ip_hash","at");--> statement-breakpoint
CREATE INDEX "legal_aid_lookup_attempts_ref_idx" ON "legal_aid_lookup_attempts" USING btree ("reference_key","at");