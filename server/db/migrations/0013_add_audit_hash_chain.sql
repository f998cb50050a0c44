CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_id" bigint,
	"last_hash" text NOT NULL,
	CONSTRAINT "audit_chain_head_single_row" CHECK ("audit_chain_head"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;
--> statement-breakpoint
-- The chain starts from the genesis hash; rows written before this migration stay unchained.
INSERT INTO "audit_chain_head" ("id", "last_id", "last_hash") VALUES (1, NULL, '0000000000000000000000000000000000000000000000000000000000000000');
--> statement-breakpoint
-- The head row is only ever moved forward by an audit insert: never deleted or emptied.
CREATE OR REPLACE FUNCTION audit_chain_head_refuse_delete() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain_head cannot be deleted' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_refuse_delete();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_refuse_delete();
