ALTER TABLE "statutes" ALTER COLUMN "article_no" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "statutes" ALTER COLUMN "article_label" DROP NOT NULL;