CREATE TABLE "promotion_leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"investor_name" text NOT NULL,
	"investor_origin" text,
	"industry" text,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"contract_wan_yuan" numeric(18, 4),
	"signed_on" date,
	"promised_registration_on" date,
	"promised_start_on" date,
	"promised_production_on" date,
	"responsible_organisation_id" uuid,
	"stage" text NOT NULL,
	"stage_history" jsonb NOT NULL,
	"note" text,
	"dropped_on" date,
	"drop_reason" text,
	"project_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "promotion_leads" ADD CONSTRAINT "promotion_leads_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_leads" ADD CONSTRAINT "promotion_leads_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_leads" ADD CONSTRAINT "promotion_leads_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "promotion_leads_region_path_idx" ON "promotion_leads" USING btree ("region_path");--> statement-breakpoint
CREATE INDEX "promotion_leads_project_idx" ON "promotion_leads" USING btree ("project_id");