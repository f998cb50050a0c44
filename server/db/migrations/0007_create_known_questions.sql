CREATE TABLE "known_questions" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"question" text NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"statute_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "known_questions_source_check" CHECK ("known_questions"."source" in ('stard','case')),
	CONSTRAINT "known_questions_id_check" CHECK ("known_questions"."id" ~ '^[A-Za-z0-9_-]{1,120}$')
);
--> statement-breakpoint
CREATE INDEX "known_questions_source_idx" ON "known_questions" USING btree ("source");