CREATE TABLE "project_stoppages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"stopped_on" date NOT NULL,
	"reason_category" text NOT NULL,
	"reason" text,
	"expected_resume_on" date,
	"resumed_on" date,
	"inspection_required" boolean NOT NULL,
	"inspection_group" text,
	"accepted_on" date,
	"filed_on" date,
	"status" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resumption_settings" (
	"region_code" text PRIMARY KEY NOT NULL,
	"acceptance_required" boolean DEFAULT false NOT NULL,
	"inspection_group" text,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whitelist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"level" text NOT NULL,
	"region_code" text NOT NULL,
	"included_on" date NOT NULL,
	"criteria" text[] NOT NULL,
	"reason" text NOT NULL,
	"guarantees" text[] NOT NULL,
	"removed_on" date,
	"removal_reason" text,
	"created_by_name" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_regions" (
	"zone_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "zone_regions_zone_id_region_code_pk" PRIMARY KEY("zone_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"goal" text NOT NULL,
	"target_on" date NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_stoppages" ADD CONSTRAINT "project_stoppages_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resumption_settings" ADD CONSTRAINT "resumption_settings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_entries" ADD CONSTRAINT "whitelist_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_entries" ADD CONSTRAINT "whitelist_entries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_regions" ADD CONSTRAINT "zone_regions_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_regions" ADD CONSTRAINT "zone_regions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_stoppages_project_idx" ON "project_stoppages" USING btree ("project_id","stopped_on");--> statement-breakpoint
CREATE UNIQUE INDEX "project_stoppages_open_key" ON "project_stoppages" USING btree ("project_id") WHERE "project_stoppages"."status" <> 'resumed';--> statement-breakpoint
CREATE INDEX "whitelist_entries_project_idx" ON "whitelist_entries" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "whitelist_entries_region_idx" ON "whitelist_entries" USING btree ("region_code","level");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_entries_live_key" ON "whitelist_entries" USING btree ("project_id","level") WHERE "whitelist_entries"."removed_on" is null;--> statement-breakpoint
CREATE INDEX "zone_regions_region_idx" ON "zone_regions" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "zones_region_name_key" ON "zones" USING btree ("region_code","name");