CREATE TABLE "law_status_changes" (
	"law_id" text PRIMARY KEY NOT NULL,
	"law_title" text NOT NULL,
	"status" text NOT NULL,
	"effective_date" date,
	"note" text DEFAULT '' NOT NULL,
	"successor_law_id" text,
	"successor_renumbered" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'editor' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "law_status_changes_status_check" CHECK ("law_status_changes"."status" in ('repealed','superseded')),
	CONSTRAINT "law_status_changes_source_check" CHECK ("law_status_changes"."source" in ('seed','editor','import')),
	CONSTRAINT "law_status_changes_successor_check" CHECK ("law_status_changes"."successor_law_id" is null or "law_status_changes"."successor_law_id" <> "law_status_changes"."law_id")
);
--> statement-breakpoint
CREATE TABLE "statute_data_state" (
	"key" text PRIMARY KEY NOT NULL,
	"source_mtime" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statutes" ADD COLUMN "in_force" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "law_status_changes" ADD CONSTRAINT "law_status_changes_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statutes_title_label_idx" ON "statutes" USING btree ("law_title","article_label");