ALTER TABLE "login_attempts" ADD COLUMN "username_key" text;--> statement-breakpoint
CREATE INDEX "login_attempts_username_at_idx" ON "login_attempts" USING btree ("username_key","at");