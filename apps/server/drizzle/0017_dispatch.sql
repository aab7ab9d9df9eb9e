CREATE TABLE "cadence_rules" (
	"region_code" text PRIMARY KEY NOT NULL,
	"region_path" text NOT NULL,
	"requirements" jsonb NOT NULL,
	"head_user_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_sequences" (
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dispatch_sequences_region_code_kind_year_pk" PRIMARY KEY("region_code","kind","year")
);
--> statement-breakpoint
CREATE TABLE "dispatch_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sheet_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_task_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dispatch_task_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"task_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference_number" text NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"project_id" uuid,
	"problem_id" uuid,
	"title" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_name" text DEFAULT '' NOT NULL,
	"assigned_on" date NOT NULL,
	"limit_working_days" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"report_note" text,
	"reported_on" date,
	"verified_on" date,
	"send_back_reason" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_visit_files" (
	"visit_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "field_visit_files_visit_id_file_id_pk" PRIMARY KEY("visit_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "field_visit_problems" (
	"visit_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	CONSTRAINT "field_visit_problems_visit_id_problem_id_pk" PRIMARY KEY("visit_id","problem_id")
);
--> statement-breakpoint
CREATE TABLE "field_visit_projects" (
	"visit_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "field_visit_projects_visit_id_project_id_pk" PRIMARY KEY("visit_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "field_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"visitor_kind" text NOT NULL,
	"visitor_user_id" uuid,
	"visitor_organisation_id" uuid,
	"visitor_name" text NOT NULL,
	"visited_on" date NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"solved_on_spot" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"source" text NOT NULL,
	"source_id" text,
	"project_id" uuid,
	"title" text NOT NULL,
	"days_overdue" integer DEFAULT 0 NOT NULL,
	"minutes" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid,
	"person_name" text NOT NULL,
	"status" text NOT NULL,
	"delegate_name" text
);
--> statement-breakpoint
CREATE TABLE "meeting_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"chair_title" text NOT NULL,
	"chair_user_id" uuid,
	"cadence" jsonb NOT NULL,
	"ladder_level" integer,
	"attendee_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'special' NOT NULL,
	"held_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"chair_name" text DEFAULT '' NOT NULL,
	"chair_user_id" uuid,
	"chair_organisation_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"ladder_level" integer,
	"agenda_edits" jsonb DEFAULT '{"dropped":[],"added":[],"order":[]}'::jsonb NOT NULL,
	"held_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cadence_rules" ADD CONSTRAINT "cadence_rules_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadence_rules" ADD CONSTRAINT "cadence_rules_head_user_id_users_id_fk" FOREIGN KEY ("head_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_sequences" ADD CONSTRAINT "dispatch_sequences_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_sheets" ADD CONSTRAINT "dispatch_sheets_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_sheets" ADD CONSTRAINT "dispatch_sheets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_task_events" ADD CONSTRAINT "dispatch_task_events_task_id_dispatch_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."dispatch_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_agenda_item_id_meeting_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_files" ADD CONSTRAINT "field_visit_files_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."field_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_files" ADD CONSTRAINT "field_visit_files_file_id_project_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."project_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_problems" ADD CONSTRAINT "field_visit_problems_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."field_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_problems" ADD CONSTRAINT "field_visit_problems_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_projects" ADD CONSTRAINT "field_visit_projects_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."field_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_projects" ADD CONSTRAINT "field_visit_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_visitor_user_id_users_id_fk" FOREIGN KEY ("visitor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_visitor_organisation_id_organisations_id_fk" FOREIGN KEY ("visitor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_chair_user_id_users_id_fk" FOREIGN KEY ("chair_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_series_id_meeting_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."meeting_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_chair_user_id_users_id_fk" FOREIGN KEY ("chair_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_chair_organisation_id_organisations_id_fk" FOREIGN KEY ("chair_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_sheets_meeting_organisation_key" ON "dispatch_sheets" USING btree ("meeting_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_sheets_number_key" ON "dispatch_sheets" USING btree ("sheet_number");--> statement-breakpoint
CREATE INDEX "dispatch_task_events_task_idx" ON "dispatch_task_events" USING btree ("task_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_tasks_reference_key" ON "dispatch_tasks" USING btree ("reference_number");--> statement-breakpoint
CREATE INDEX "dispatch_tasks_region_path_idx" ON "dispatch_tasks" USING btree ("region_path");--> statement-breakpoint
CREATE INDEX "dispatch_tasks_organisation_idx" ON "dispatch_tasks" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "dispatch_tasks_meeting_idx" ON "dispatch_tasks" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "dispatch_tasks_status_due_idx" ON "dispatch_tasks" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "field_visit_projects_project_idx" ON "field_visit_projects" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "field_visits_region_path_idx" ON "field_visits" USING btree ("region_path","visited_on");--> statement-breakpoint
CREATE INDEX "field_visits_visitor_user_idx" ON "field_visits" USING btree ("visitor_user_id","visited_on");--> statement-breakpoint
CREATE INDEX "field_visits_visitor_organisation_idx" ON "field_visits" USING btree ("visitor_organisation_id","visited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_items_meeting_key" ON "meeting_agenda_items" USING btree ("meeting_id","key");--> statement-breakpoint
CREATE INDEX "meeting_attendees_meeting_idx" ON "meeting_attendees" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_series_region_code_key" ON "meeting_series" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "meeting_series_region_path_idx" ON "meeting_series" USING btree ("region_path");--> statement-breakpoint
CREATE INDEX "meetings_region_path_held_idx" ON "meetings" USING btree ("region_path","held_on");--> statement-breakpoint
CREATE INDEX "meetings_series_idx" ON "meetings" USING btree ("series_id","held_on");