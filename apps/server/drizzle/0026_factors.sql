CREATE TABLE "factor_demands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"type" text NOT NULL,
	"quantity" numeric(18, 4) NOT NULL,
	"met_quantity" numeric(18, 4) DEFAULT '0' NOT NULL,
	"unit" text NOT NULL,
	"status" text NOT NULL,
	"responsible_organisation_id" uuid NOT NULL,
	"needed_by" date NOT NULL,
	"note" text,
	"land_kind" text,
	"land_quota_status" text,
	"land_approval_stage" text,
	"land_delivery_on" date,
	"coal_tonnes" numeric(18, 4),
	"finance_purpose" text,
	"banks_matched" text,
	"disbursed_wan_yuan" numeric(18, 4),
	"utility_kind" text,
	"material_name" text,
	"problem_id" uuid,
	"met_on" date,
	"status_changed_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "factor_quota_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quota_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"amount" numeric(18, 4) NOT NULL,
	"allocated_on" date NOT NULL,
	"note" text,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "factor_quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(18, 4) NOT NULL,
	"note" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "factor_demands" ADD CONSTRAINT "factor_demands_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_demands" ADD CONSTRAINT "factor_demands_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_demands" ADD CONSTRAINT "factor_demands_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_quota_allocations" ADD CONSTRAINT "factor_quota_allocations_quota_id_factor_quotas_id_fk" FOREIGN KEY ("quota_id") REFERENCES "public"."factor_quotas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_quota_allocations" ADD CONSTRAINT "factor_quota_allocations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_quotas" ADD CONSTRAINT "factor_quotas_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "factor_demands_project_idx" ON "factor_demands" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "factor_demands_organisation_idx" ON "factor_demands" USING btree ("responsible_organisation_id");--> statement-breakpoint
CREATE INDEX "factor_quota_allocations_quota_idx" ON "factor_quota_allocations" USING btree ("quota_id");--> statement-breakpoint
CREATE INDEX "factor_quota_allocations_project_idx" ON "factor_quota_allocations" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "factor_quotas_region_year_kind_key" ON "factor_quotas" USING btree ("region_code","year","kind");