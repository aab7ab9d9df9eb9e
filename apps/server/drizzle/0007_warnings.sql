CREATE TABLE "warning_graces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"dimension" text NOT NULL,
	"from_month" text NOT NULL,
	"to_month" text,
	"reason" text NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_name" text
);
--> statement-breakpoint
CREATE TABLE "warning_results" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warning_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule_set_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"month" text NOT NULL,
	"colour" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"rule_version" integer NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"preset" text,
	"rules" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_name" text
);
--> statement-breakpoint
ALTER TABLE "warning_graces" ADD CONSTRAINT "warning_graces_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_results" ADD CONSTRAINT "warning_results_rule_set_id_warning_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."warning_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_results" ADD CONSTRAINT "warning_results_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_rule_sets" ADD CONSTRAINT "warning_rule_sets_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "warning_graces_project_idx" ON "warning_graces" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_results_rule_project_month_key" ON "warning_results" USING btree ("rule_set_id","project_id","month");--> statement-breakpoint
CREATE INDEX "warning_results_project_month_idx" ON "warning_results" USING btree ("project_id","month");--> statement-breakpoint
CREATE INDEX "warning_results_month_idx" ON "warning_results" USING btree ("month");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_rule_sets_region_version_key" ON "warning_rule_sets" USING btree ("region_code","rule_version");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_rule_sets_one_draft_key" ON "warning_rule_sets" USING btree ("region_code") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "warning_rule_sets_region_path_idx" ON "warning_rule_sets" USING btree ("region_path");