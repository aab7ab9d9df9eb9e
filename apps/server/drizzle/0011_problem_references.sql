CREATE TABLE "job_failures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job" text NOT NULL,
	"item_key" text NOT NULL,
	"region_path" text NOT NULL,
	"label" text NOT NULL,
	"reason" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"first_failed_at" timestamp with time zone NOT NULL,
	"last_failed_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "problems_region_reference_key";--> statement-breakpoint
ALTER TABLE "problem_letters" ADD COLUMN "reply_working_days" integer;--> statement-breakpoint
ALTER TABLE "problem_letters" ADD COLUMN "is_reply_due_on_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "legacy_reference_number" text;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "limit_working_days" integer;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "is_due_on_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "job_failures_job_item_key" ON "job_failures" USING btree ("job","item_key");--> statement-breakpoint
-- Reference numbers were unique per region only (WT-2026-000001 in every county). Each existing
-- number gains its region code (WT-350902-2026-000001), which is unique because the old numbers
-- were unique per region; the old number is kept so a lookup by it still finds the problem.
UPDATE "problems" SET "legacy_reference_number" = "reference_number", "reference_number" = 'WT-' || "region_code" || substr("reference_number", 3) WHERE "reference_number" ~ '^WT-[0-9]{4}-[0-9]+$';--> statement-breakpoint
CREATE UNIQUE INDEX "problems_reference_number_key" ON "problems" USING btree ("reference_number");--> statement-breakpoint
CREATE INDEX "problems_legacy_reference_idx" ON "problems" USING btree ("legacy_reference_number");