CREATE TABLE "bulletin_files" (
	"bulletin_id" uuid NOT NULL,
	"format" text NOT NULL,
	"stored_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulletin_files_bulletin_id_format_pk" PRIMARY KEY("bulletin_id","format")
);
--> statement-breakpoint
CREATE TABLE "bulletin_receipts" (
	"bulletin_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"read_by_name" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bulletin_receipts_bulletin_id_organisation_id_pk" PRIMARY KEY("bulletin_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "bulletin_sequences" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "bulletin_sequences_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE TABLE "bulletin_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulletins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"template" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by_name" text NOT NULL,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"issued_by" uuid,
	"issued_by_name" text,
	"issued_at" timestamp with time zone,
	"issued_on" date,
	"year" integer NOT NULL,
	"serial_number" integer,
	"serial" text,
	"public_sections" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"serial" text NOT NULL,
	"issuer_region_code" text NOT NULL,
	"issuer_organisation_id" uuid,
	"issuer_organisation_name" text NOT NULL,
	"recipient_organisation_id" uuid NOT NULL,
	"recipient_organisation_name" text NOT NULL,
	"reason" text NOT NULL,
	"facts" jsonb NOT NULL,
	"demanded_action" text NOT NULL,
	"reply_due_on" date NOT NULL,
	"reply_working_days" integer,
	"is_reply_due_on_provisional" boolean DEFAULT false NOT NULL,
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
ALTER TABLE "bulletin_files" ADD CONSTRAINT "bulletin_files_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_receipts" ADD CONSTRAINT "bulletin_receipts_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_receipts" ADD CONSTRAINT "bulletin_receipts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_sequences" ADD CONSTRAINT "bulletin_sequences_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_templates" ADD CONSTRAINT "bulletin_templates_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_templates" ADD CONSTRAINT "bulletin_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_letters" ADD CONSTRAINT "project_letters_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_letters" ADD CONSTRAINT "project_letters_issuer_region_code_regions_code_fk" FOREIGN KEY ("issuer_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_letters" ADD CONSTRAINT "project_letters_issuer_organisation_id_organisations_id_fk" FOREIGN KEY ("issuer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_letters" ADD CONSTRAINT "project_letters_recipient_organisation_id_organisations_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bulletin_templates_region_kind_key" ON "bulletin_templates" USING btree ("region_code","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "bulletins_region_kind_period_key" ON "bulletins" USING btree ("region_code","kind","period");--> statement-breakpoint
CREATE UNIQUE INDEX "bulletins_serial_key" ON "bulletins" USING btree ("region_code","serial");--> statement-breakpoint
CREATE INDEX "bulletins_region_path_idx" ON "bulletins" USING btree ("region_path");--> statement-breakpoint
CREATE INDEX "bulletins_status_idx" ON "bulletins" USING btree ("status","issued_at");--> statement-breakpoint
CREATE INDEX "project_letters_project_idx" ON "project_letters" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_letters_issued_idx" ON "project_letters" USING btree ("issuer_region_code","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "project_letters_serial_key" ON "project_letters" USING btree ("issuer_region_code","serial");