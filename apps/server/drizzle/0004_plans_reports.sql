CREATE TABLE "annual_plan_adjustments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "annual_plan_adjustments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"plan_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"approved_by" uuid,
	"approved_by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"planned_investment_wan_yuan" numeric(18, 4) NOT NULL,
	"prior_completed_wan_yuan" numeric(18, 4),
	"plans_start" boolean DEFAULT false NOT NULL,
	"start_month" integer,
	"plans_completion" boolean DEFAULT false NOT NULL,
	"completion_month" integer,
	"plans_operation" boolean DEFAULT false NOT NULL,
	"operation_month" integer,
	"goals" text,
	"split_kind" text DEFAULT 'none' NOT NULL,
	"split_wan_yuan" numeric(18, 4)[],
	"status" text DEFAULT 'draft' NOT NULL,
	"baseline_investment_wan_yuan" numeric(18, 4),
	"baseline_split_kind" text,
	"baseline_split_wan_yuan" numeric(18, 4)[],
	"baseline_plans_start" boolean,
	"baseline_plans_completion" boolean,
	"baseline_plans_operation" boolean,
	"frozen_at" timestamp with time zone,
	"frozen_by" uuid,
	"frozen_by_name" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_report_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monthly_report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"completed_wan_yuan" numeric(18, 4) NOT NULL,
	"progress" text DEFAULT '' NOT NULL,
	"actual_start_on" date,
	"actual_completion_on" date,
	"actual_operation_on" date,
	"in_statistics" boolean DEFAULT false NOT NULL,
	"statistics_wan_yuan" numeric(18, 4),
	"workers_on_site" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"due_on" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"late" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"return_reason" text,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"secret" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notification_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"notification_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reporting_calendars" (
	"region_code" text PRIMARY KEY NOT NULL,
	"region_path" text NOT NULL,
	"deadline_kind" text NOT NULL,
	"deadline_day" integer,
	"deadline_month_offset" integer DEFAULT 0 NOT NULL,
	"deadline_working_days" integer,
	"opens_days_before" integer DEFAULT 10 NOT NULL,
	"late_allowed" boolean DEFAULT true NOT NULL,
	"late_close_days" integer,
	"blocking_checks" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_files" ADD COLUMN "monthly_report_id" uuid;--> statement-breakpoint
ALTER TABLE "annual_plan_adjustments" ADD CONSTRAINT "annual_plan_adjustments_plan_id_annual_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."annual_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_plans" ADD CONSTRAINT "annual_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_report_events" ADD CONSTRAINT "monthly_report_events_report_id_monthly_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."monthly_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_channel_id_notification_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."notification_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_calendars" ADD CONSTRAINT "reporting_calendars_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_plan_adjustments_plan_idx" ON "annual_plan_adjustments" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_plans_project_year_key" ON "annual_plans" USING btree ("project_id","year");--> statement-breakpoint
CREATE INDEX "annual_plans_year_idx" ON "annual_plans" USING btree ("year");--> statement-breakpoint
CREATE INDEX "monthly_report_events_report_idx" ON "monthly_report_events" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_project_month_key" ON "monthly_reports" USING btree ("project_id","year","month");--> statement-breakpoint
CREATE INDEX "monthly_reports_year_month_idx" ON "monthly_reports" USING btree ("year","month");--> statement-breakpoint
CREATE INDEX "notification_deliveries_status_idx" ON "notification_deliveries" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_dedupe_key" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
ALTER TABLE "project_files" ADD CONSTRAINT "project_files_monthly_report_id_monthly_reports_id_fk" FOREIGN KEY ("monthly_report_id") REFERENCES "public"."monthly_reports"("id") ON DELETE no action ON UPDATE no action;