CREATE TABLE "milestone_adjustments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "milestone_adjustments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"node_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"reason" text NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"duration_days" integer NOT NULL,
	"depends_on" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer NOT NULL,
	"baseline_on" date,
	"planned_on" date NOT NULL,
	"actual_on" date,
	"actual_file_id" uuid,
	"actual_note" text,
	"actual_by" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_plans" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"template_name" text NOT NULL,
	"target_code" text NOT NULL,
	"target_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"frozen_on" date,
	"frozen_by" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_target" text NOT NULL,
	"nodes" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "milestone_adjustments" ADD CONSTRAINT "milestone_adjustments_node_id_milestone_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."milestone_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_nodes" ADD CONSTRAINT "milestone_nodes_project_id_milestone_plans_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."milestone_plans"("project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_nodes" ADD CONSTRAINT "milestone_nodes_actual_file_id_project_files_id_fk" FOREIGN KEY ("actual_file_id") REFERENCES "public"."project_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_plans" ADD CONSTRAINT "milestone_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_templates" ADD CONSTRAINT "milestone_templates_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "milestone_adjustments_project_idx" ON "milestone_adjustments" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_nodes_project_code_key" ON "milestone_nodes" USING btree ("project_id","code");--> statement-breakpoint
CREATE INDEX "milestone_nodes_planned_idx" ON "milestone_nodes" USING btree ("planned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_templates_region_name_key" ON "milestone_templates" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "milestone_templates_region_path_idx" ON "milestone_templates" USING btree ("region_path");