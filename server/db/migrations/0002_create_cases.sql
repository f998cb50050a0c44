CREATE TABLE "bulk_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"case_type" text,
	"topic" text,
	"cause_of_action" text,
	"charges" text[] DEFAULT '{}'::text[] NOT NULL,
	"court" text,
	"case_number" text,
	"year" integer,
	"facts" text DEFAULT '' NOT NULL,
	"reasoning" text DEFAULT '' NOT NULL,
	"judgment" text DEFAULT '' NOT NULL,
	"significance" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_statutes" (
	"case_id" uuid NOT NULL,
	"statute_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_statutes_pkey" PRIMARY KEY("case_id","statute_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"region" text NOT NULL,
	"date" date,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"facts" text NOT NULL,
	"question" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"explanation" text NOT NULL,
	"next_steps" text[] DEFAULT '{}'::text[] NOT NULL,
	"common_questions" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cases_category_check" CHECK ("cases"."category" in ('劳动争议','工伤','婚姻家庭','家庭暴力','继承纠纷','老年人权益','未成年人保护','残疾人权益','交通事故','人身损害','医疗纠纷','借贷纠纷','房屋租赁','消费者权益','社会保险','法律援助','行政争议','刑事辩护','征地拆迁','军人军属权益')),
	CONSTRAINT "cases_kind_check" CHECK ("cases"."kind" in ('explained','typical','bulk')),
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('draft','published','unpublished')),
	CONSTRAINT "cases_published_at_check" CHECK ("cases"."status" <> 'published' or "cases"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "lexicon_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"colloquial" text[] NOT NULL,
	"legal" text[] NOT NULL,
	"kind" text NOT NULL,
	"domain" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text,
	"note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lexicon_entries_status_check" CHECK ("lexicon_entries"."status" in ('draft','approved','rejected')),
	CONSTRAINT "lexicon_entries_kind_check" CHECK ("lexicon_entries"."kind" in ('synonym','expansion')),
	CONSTRAINT "lexicon_entries_id_check" CHECK ("lexicon_entries"."id" ~ '^[A-Za-z0-9_.-]{1,80}$')
);
--> statement-breakpoint
CREATE TABLE "statute_imports" (
	"corpus" text PRIMARY KEY NOT NULL,
	"records" integer NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statute_imports_corpus_check" CHECK ("statute_imports"."corpus" in ('priority','default','full'))
);
--> statement-breakpoint
CREATE TABLE "statutes" (
	"id" text PRIMARY KEY NOT NULL,
	"law_id" text NOT NULL,
	"law_title" text NOT NULL,
	"law_short_title" text,
	"part" text,
	"level" text NOT NULL,
	"category" text,
	"region" text,
	"version_date" text,
	"is_latest" boolean DEFAULT true NOT NULL,
	"chapter_path" text[] DEFAULT '{}'::text[] NOT NULL,
	"article_no" integer NOT NULL,
	"article_label" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_statutes" ADD CONSTRAINT "case_statutes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_statutes" ADD CONSTRAINT "case_statutes_statute_id_statutes_id_fk" FOREIGN KEY ("statute_id") REFERENCES "public"."statutes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lexicon_entries" ADD CONSTRAINT "lexicon_entries_reviewed_by_staff_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_statutes_statute_idx" ON "case_statutes" USING btree ("statute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_slug_key" ON "cases" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "cases_status_category_idx" ON "cases" USING btree ("status","category");--> statement-breakpoint
CREATE INDEX "lexicon_entries_status_idx" ON "lexicon_entries" USING btree ("status");--> statement-breakpoint
CREATE INDEX "statutes_law_article_idx" ON "statutes" USING btree ("law_id","article_no");--> statement-breakpoint
CREATE INDEX "statutes_level_idx" ON "statutes" USING btree ("level","is_latest");