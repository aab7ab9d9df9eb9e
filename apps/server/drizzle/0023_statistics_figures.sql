CREATE TABLE "statistics_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"year_to_date_wan_yuan" numeric(18, 4) NOT NULL,
	"import_id" uuid NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"file_name" text,
	"row_count" integer NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statistics_figures" ADD CONSTRAINT "statistics_figures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_figures" ADD CONSTRAINT "statistics_figures_import_id_statistics_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."statistics_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_imports" ADD CONSTRAINT "statistics_imports_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_figures_project_month_key" ON "statistics_figures" USING btree ("project_id","year","month");--> statement-breakpoint
CREATE INDEX "statistics_figures_period_idx" ON "statistics_figures" USING btree ("year","month");--> statement-breakpoint
CREATE INDEX "statistics_imports_period_idx" ON "statistics_imports" USING btree ("year","month");