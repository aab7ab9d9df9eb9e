CREATE TABLE "evaluation_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"entity_code" text NOT NULL,
	"kind" text NOT NULL,
	"points" numeric(8, 2),
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"entity_code" text NOT NULL,
	"entity_name" text NOT NULL,
	"rank" integer NOT NULL,
	"total_points" numeric(10, 2) NOT NULL,
	"is_target_met" boolean NOT NULL,
	"list" text,
	"breakdown" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"scheme_version" integer NOT NULL,
	"quarter" text NOT NULL,
	"scheme_name" text NOT NULL,
	"rules" jsonb NOT NULL,
	"status" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"computed_by_name" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_name" text
);
--> statement-breakpoint
CREATE TABLE "evaluation_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"entity_kind" text DEFAULT 'region' NOT NULL,
	"rules" jsonb NOT NULL,
	"preset" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_adjustments" ADD CONSTRAINT "evaluation_adjustments_scheme_id_evaluation_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."evaluation_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_run_id_evaluation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_scheme_id_evaluation_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."evaluation_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_schemes" ADD CONSTRAINT "evaluation_schemes_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_adjustments_scheme_quarter_idx" ON "evaluation_adjustments" USING btree ("scheme_id","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_results_run_entity_key" ON "evaluation_results" USING btree ("run_id","entity_code");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_runs_scheme_version_quarter_key" ON "evaluation_runs" USING btree ("scheme_id","scheme_version","quarter");--> statement-breakpoint
CREATE INDEX "evaluation_schemes_region_path_idx" ON "evaluation_schemes" USING btree ("region_path");