CREATE TABLE "escalation_ladders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"preset" text,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_ladders_region_key" UNIQUE("region_code")
);
--> statement-breakpoint
CREATE TABLE "escalation_levels" (
	"ladder_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"name" text NOT NULL,
	"handler_kind" text NOT NULL,
	"handler_organisation_id" uuid,
	"limit_working_days" integer NOT NULL,
	CONSTRAINT "escalation_levels_ladder_id_level_pk" PRIMARY KEY("ladder_id","level")
);
--> statement-breakpoint
CREATE TABLE "escalation_notices" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "escalation_notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"problem_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_class_members" (
	"class_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	CONSTRAINT "problem_class_members_class_id_problem_id_pk" PRIMARY KEY("class_id","problem_id")
);
--> statement-breakpoint
CREATE TABLE "problem_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problem_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"problem_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"from_level" integer,
	"to_level" integer NOT NULL,
	"handler_organisation_id" uuid,
	"note" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"category" text,
	"department_id" uuid NOT NULL,
	"limit_working_days" integer NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_sequences" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "problem_sequences_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference_number" text NOT NULL,
	"project_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"request" text DEFAULT '' NOT NULL,
	"channel" text NOT NULL,
	"caller_name" text,
	"caller_phone" text,
	"raised_by" uuid,
	"raised_by_name" text NOT NULL,
	"raised_by_organisation_id" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"level" integer DEFAULT 1 NOT NULL,
	"level_started_on" date NOT NULL,
	"due_on" date NOT NULL,
	"handler_organisation_id" uuid,
	"handler_user_id" uuid,
	"routing_rule_id" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_name" text,
	"confirmed_at" timestamp with time zone,
	"written_off_at" timestamp with time zone,
	"reject_reason" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "escalation_ladders" ADD CONSTRAINT "escalation_ladders_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_levels" ADD CONSTRAINT "escalation_levels_ladder_id_escalation_ladders_id_fk" FOREIGN KEY ("ladder_id") REFERENCES "public"."escalation_ladders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_levels" ADD CONSTRAINT "escalation_levels_handler_organisation_id_organisations_id_fk" FOREIGN KEY ("handler_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_notices" ADD CONSTRAINT "escalation_notices_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_class_members" ADD CONSTRAINT "problem_class_members_class_id_problem_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."problem_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_class_members" ADD CONSTRAINT "problem_class_members_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_classes" ADD CONSTRAINT "problem_classes_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_routing_rules" ADD CONSTRAINT "problem_routing_rules_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_routing_rules" ADD CONSTRAINT "problem_routing_rules_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_sequences" ADD CONSTRAINT "problem_sequences_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_handler_organisation_id_organisations_id_fk" FOREIGN KEY ("handler_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_handler_user_id_users_id_fk" FOREIGN KEY ("handler_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_notices_problem_level_kind_key" ON "escalation_notices" USING btree ("problem_id","level","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_class_members_problem_key" ON "problem_class_members" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problem_events_problem_idx" ON "problem_events" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problem_routing_rules_region_path_idx" ON "problem_routing_rules" USING btree ("region_path");--> statement-breakpoint
CREATE UNIQUE INDEX "problems_region_reference_key" ON "problems" USING btree ("region_code","reference_number");--> statement-breakpoint
CREATE INDEX "problems_project_idx" ON "problems" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "problems_region_path_idx" ON "problems" USING btree ("region_path");--> statement-breakpoint
CREATE INDEX "problems_handler_idx" ON "problems" USING btree ("handler_organisation_id");--> statement-breakpoint
CREATE INDEX "problems_status_due_idx" ON "problems" USING btree ("status","due_on");