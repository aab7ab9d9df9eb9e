CREATE TABLE "approval_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"procedure_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"department_id" uuid,
	"statutory_days" integer NOT NULL,
	"committed_days" integer NOT NULL,
	"depends_on" text[] DEFAULT '{}'::text[] NOT NULL,
	"required_before_start" boolean NOT NULL,
	"deemed_approval" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"not_needed_reason" text,
	"materials_ready_on" date,
	"submitted_on" date,
	"accepted_on" date,
	"approved_on" date,
	"returned_on" date,
	"gaps_cleared_on" date,
	"approval_number" text,
	"handler_name" text,
	"agent_user_id" uuid,
	"note" text,
	"sort_order" integer NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"name" text NOT NULL,
	"promised_days" integer NOT NULL,
	"promised_on" date NOT NULL,
	"supplied_on" date,
	"file_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"department_id" uuid,
	"statutory_days" integer NOT NULL,
	"committed_days" integer NOT NULL,
	"depends_on" text[] DEFAULT '{}'::text[] NOT NULL,
	"required_before_start" boolean NOT NULL,
	"routes" text[] DEFAULT '{}'::text[] NOT NULL,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"deemed_approval" boolean DEFAULT false NOT NULL,
	"sort_order" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "approval_items" ADD CONSTRAINT "approval_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_items" ADD CONSTRAINT "approval_items_procedure_id_approval_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."approval_procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_items" ADD CONSTRAINT "approval_items_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_items" ADD CONSTRAINT "approval_items_agent_user_id_users_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_materials" ADD CONSTRAINT "approval_materials_item_id_approval_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."approval_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_materials" ADD CONSTRAINT "approval_materials_file_id_project_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."project_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_procedures" ADD CONSTRAINT "approval_procedures_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_procedures" ADD CONSTRAINT "approval_procedures_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "approval_items_project_code_key" ON "approval_items" USING btree ("project_id","code");--> statement-breakpoint
CREATE INDEX "approval_items_department_idx" ON "approval_items" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "approval_items_agent_idx" ON "approval_items" USING btree ("agent_user_id");--> statement-breakpoint
CREATE INDEX "approval_items_status_idx" ON "approval_items" USING btree ("status");--> statement-breakpoint
CREATE INDEX "approval_materials_item_idx" ON "approval_materials" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_procedures_region_code_key" ON "approval_procedures" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "approval_procedures_region_path_idx" ON "approval_procedures" USING btree ("region_path");