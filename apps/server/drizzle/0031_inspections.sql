CREATE TABLE "inspection_checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_finding_photos" (
	"finding_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_finding_photos_finding_id_file_id_pk" PRIMARY KEY("finding_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"found_on" date NOT NULL,
	"organisation_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"item_text" text NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"deadline_on" date NOT NULL,
	"is_deadline_provisional" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"reply_text" text,
	"replied_on" date,
	"replied_by_name" text,
	"return_reason" text,
	"return_count" integer DEFAULT 0 NOT NULL,
	"closed_on" date,
	"closed_by_name" text,
	"close_note" text,
	"problem_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"inspected_on" date NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspector_user_id" uuid NOT NULL,
	"inspector_name" text NOT NULL,
	"checklist_id" uuid,
	"checklist_name" text NOT NULL,
	"items" jsonb NOT NULL,
	"note" text,
	"site_contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_finding_photos" ADD CONSTRAINT "inspection_finding_photos_finding_id_inspection_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."inspection_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding_photos" ADD CONSTRAINT "inspection_finding_photos_file_id_project_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."project_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_checklist_id_inspection_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."inspection_checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_checklists_region_idx" ON "inspection_checklists" USING btree ("region_path");--> statement-breakpoint
CREATE INDEX "inspection_finding_photos_file_idx" ON "inspection_finding_photos" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_inspection_idx" ON "inspection_findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_project_idx" ON "inspection_findings" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_region_status_idx" ON "inspection_findings" USING btree ("region_path","status");--> statement-breakpoint
CREATE INDEX "inspections_project_idx" ON "inspections" USING btree ("project_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_region_day_idx" ON "inspections" USING btree ("region_path","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_organisation_idx" ON "inspections" USING btree ("organisation_id");