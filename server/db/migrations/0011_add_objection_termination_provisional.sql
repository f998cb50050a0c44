ALTER TABLE "staff_users" DROP CONSTRAINT "staff_users_role_check";--> statement-breakpoint
ALTER TABLE "legal_aid_applications" DROP CONSTRAINT "legal_aid_applications_status_check";--> statement-breakpoint
ALTER TABLE "legal_aid_applications" DROP CONSTRAINT "legal_aid_applications_refusal_check";--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD COLUMN "provisional_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD COLUMN "provisional_by" uuid;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD COLUMN "provisional_ground" integer;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD COLUMN "terminated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD COLUMN "terminated_by" uuid;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD COLUMN "termination_ground" integer;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD COLUMN "termination_reasons" text;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD COLUMN "objection_subject" text;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD CONSTRAINT "legal_aid_applications_provisional_by_staff_users_id_fk" FOREIGN KEY ("provisional_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD CONSTRAINT "legal_aid_applications_terminated_by_staff_users_id_fk" FOREIGN KEY ("terminated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_role_check" CHECK ("staff_users"."role" in ('operator','reviewer','editor','admin','supervisor','justice_bureau'));--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD CONSTRAINT "legal_aid_applications_termination_check" CHECK ("legal_aid_applications"."status" <> 'terminated' or (length(coalesce("legal_aid_applications"."termination_reasons", '')) >= 10 and "legal_aid_applications"."termination_ground" between 1 and 8));--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD CONSTRAINT "legal_aid_applications_provisional_check" CHECK ("legal_aid_applications"."provisional_ground" is null or "legal_aid_applications"."provisional_ground" between 1 and 3);--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD CONSTRAINT "legal_aid_applications_objection_subject_check" CHECK ("legal_aid_applications"."objection_subject" is null or "legal_aid_applications"."objection_subject" in ('refusal','termination'));--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD CONSTRAINT "legal_aid_applications_status_check" CHECK ("legal_aid_applications"."status" in ('submitted','materials_requested','withdrawn','provisional','granted','assigned','refused','terminated','objection_pending','objection_maintained','correction_ordered'));--> statement-breakpoint
ALTER TABLE "legal_aid_applications" ADD CONSTRAINT "legal_aid_applications_refusal_check" CHECK ("legal_aid_applications"."status" <> 'refused' or length(coalesce("legal_aid_applications"."refusal_reasons", '')) >= 10);--> statement-breakpoint
-- Hand-written: objections filed before this migration were all about refusals (termination did not exist).
UPDATE "legal_aid_applications" SET "objection_subject" = 'refusal' WHERE "objection_at" IS NOT NULL AND "objection_subject" IS NULL;
