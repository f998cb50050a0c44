CREATE TABLE "application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"name_enc" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_documents_seq_key" UNIQUE("application_id","seq"),
	CONSTRAINT "application_documents_kind_check" CHECK ("application_documents"."kind" in ('identity','hardship','case','other')),
	CONSTRAINT "application_documents_mime_check" CHECK ("application_documents"."mime_type" in ('image/jpeg','image/png','application/pdf')),
	CONSTRAINT "application_documents_size_check" CHECK ("application_documents"."size_bytes" between 1 and 5242880),
	CONSTRAINT "application_documents_seq_check" CHECK ("application_documents"."seq" between 1 and 10),
	CONSTRAINT "application_documents_enc_check" CHECK ("application_documents"."name_enc" like 'enc:%' and get_byte("application_documents"."content", 0) = 1)
);
--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_legal_aid_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."legal_aid_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_documents_application_idx" ON "application_documents" USING btree ("application_id");