CREATE TABLE "service_plan_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"content" text NOT NULL,
	"responsible_organisation_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"completed_on" date,
	"completion_note" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"lead" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "project_class" text;--> statement-breakpoint
ALTER TABLE "service_plan_measures" ADD CONSTRAINT "service_plan_measures_plan_id_service_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."service_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_plan_measures" ADD CONSTRAINT "service_plan_measures_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_plans" ADD CONSTRAINT "service_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_plan_measures_plan_idx" ON "service_plan_measures" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "service_plan_measures_organisation_idx" ON "service_plan_measures" USING btree ("responsible_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_plans_project_key" ON "service_plans" USING btree ("project_id");