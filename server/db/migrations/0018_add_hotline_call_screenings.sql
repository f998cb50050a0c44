CREATE TABLE "hotline_call_screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"answers_enc" text NOT NULL,
	"outcome" text NOT NULL,
	"rule_version" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hotline_call_screenings_reference_key" UNIQUE("reference"),
	CONSTRAINT "hotline_call_screenings_outcome_check" CHECK ("hotline_call_screenings"."outcome" in ('eligible', 'not_eligible', 'needs_review')),
	CONSTRAINT "hotline_call_screenings_answers_check" CHECK ("hotline_call_screenings"."answers_enc" like 'enc:%')
);
--> statement-breakpoint
ALTER TABLE "hotline_call_screenings" ADD CONSTRAINT "hotline_call_screenings_call_id_hotline_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."hotline_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_call_screenings" ADD CONSTRAINT "hotline_call_screenings_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hotline_call_screenings_call_idx" ON "hotline_call_screenings" USING btree ("call_id","created_at");