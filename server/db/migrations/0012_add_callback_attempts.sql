CREATE TABLE "callback_assignments" (
	"callback_id" uuid PRIMARY KEY NOT NULL,
	"operator_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"callback_id" uuid NOT NULL,
	"attempt_no" integer NOT NULL,
	"result" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid NOT NULL,
	CONSTRAINT "callback_attempts_number_check" CHECK ("callback_attempts"."attempt_no" between 1 and 3),
	CONSTRAINT "callback_attempts_result_check" CHECK ("callback_attempts"."result" in ('no_answer','busy','wrong_number','not_safe_to_talk','completed'))
);
--> statement-breakpoint
ALTER TABLE "callback_assignments" ADD CONSTRAINT "callback_assignments_operator_id_staff_users_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_assignments" ADD CONSTRAINT "callback_assignments_assigned_by_staff_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_attempts" ADD CONSTRAINT "callback_attempts_by_staff_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "callback_attempts_number_key" ON "callback_attempts" USING btree ("callback_id","attempt_no");