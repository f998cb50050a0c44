ALTER TABLE "service_points" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "service_points" ADD COLUMN "demo_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- hand-written: the demo points seeded before this migration keep their 示例 mark on every editable field
UPDATE "service_points" SET "demo_fields" = array['address','phone','openingHours','accessibility']::text[] WHERE "is_demo";--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_demo_fields_check" CHECK ("service_points"."demo_fields" <@ array['address','phone','openingHours','accessibility']::text[]);--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_text_length_check" CHECK (char_length("service_points"."address") <= 200 and char_length("service_points"."phone") <= 40 and char_length("service_points"."accessibility") <= 500);