CREATE TABLE "problem_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"original_name" text NOT NULL,
	"stored_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text NOT NULL,
	"uploaded_by_organisation_id" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "problem_letter_sequences" (
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "problem_letter_sequences_region_code_kind_year_pk" PRIMARY KEY("region_code","kind","year")
);
--> statement-breakpoint
CREATE TABLE "problem_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"serial" text NOT NULL,
	"issuer_region_code" text NOT NULL,
	"issuer_organisation_id" uuid,
	"issuer_organisation_name" text NOT NULL,
	"recipient_organisation_id" uuid NOT NULL,
	"recipient_organisation_name" text NOT NULL,
	"original_due_on" date NOT NULL,
	"days_overdue" integer NOT NULL,
	"demanded_action" text NOT NULL,
	"reply_due_on" date NOT NULL,
	"status" text NOT NULL,
	"issued_by" uuid,
	"issued_by_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"reply_text" text,
	"replied_at" timestamp with time zone,
	"replied_by_name" text,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "problem_attachments" ADD CONSTRAINT "problem_attachments_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_letter_sequences" ADD CONSTRAINT "problem_letter_sequences_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_letters" ADD CONSTRAINT "problem_letters_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_letters" ADD CONSTRAINT "problem_letters_issuer_region_code_regions_code_fk" FOREIGN KEY ("issuer_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_letters" ADD CONSTRAINT "problem_letters_issuer_organisation_id_organisations_id_fk" FOREIGN KEY ("issuer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_letters" ADD CONSTRAINT "problem_letters_recipient_organisation_id_organisations_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_attachments_problem_idx" ON "problem_attachments" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problem_letters_problem_idx" ON "problem_letters" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_letters_serial_key" ON "problem_letters" USING btree ("issuer_region_code","serial");