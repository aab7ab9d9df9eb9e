CREATE TABLE "fund_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"batch" text,
	"amount_wan_yuan" numeric(18, 4) NOT NULL,
	"issued_on" date NOT NULL,
	"document_number" text,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"requested_wan_yuan" numeric(18, 4) NOT NULL,
	"stage" text NOT NULL,
	"planned_on" date,
	"provincial_review_on" date,
	"submitted_on" date,
	"approved_on" date,
	"rejected_on" date,
	"note" text,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"allocation_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_wan_yuan" numeric(18, 4) NOT NULL,
	"note" text,
	"evidence_file_id" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_payments" ADD CONSTRAINT "fund_payments_allocation_id_fund_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."fund_allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_payments" ADD CONSTRAINT "fund_payments_evidence_file_id_project_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."project_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_allocations_project_idx" ON "fund_allocations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_year_idx" ON "fund_allocations" USING btree ("year","kind");--> statement-breakpoint
CREATE INDEX "fund_applications_project_idx" ON "fund_applications" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "fund_applications_year_idx" ON "fund_applications" USING btree ("year","kind");--> statement-breakpoint
CREATE INDEX "fund_payments_allocation_idx" ON "fund_payments" USING btree ("allocation_id");