CREATE TABLE "contractors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"role" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "health_watches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"origin_kind" text NOT NULL,
	"origin_provinces" text[] DEFAULT '{}'::text[] NOT NULL,
	"observation_days" integer NOT NULL,
	"retention_days" integer NOT NULL,
	"purged_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_health_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"watch_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"temperature" numeric(3, 1) NOT NULL,
	"has_symptoms" boolean NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"contractor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_number_index" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"phone" text,
	"trade" text,
	"team" text,
	"origin_province" text NOT NULL,
	"origin_city" text,
	"origin_county" text,
	"arrived_on" date NOT NULL,
	"departed_on" date,
	"accommodation" text,
	"pass_number" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "contractors" ADD CONSTRAINT "contractors_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_watches" ADD CONSTRAINT "health_watches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_health_checks" ADD CONSTRAINT "worker_health_checks_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_health_checks" ADD CONSTRAINT "worker_health_checks_watch_id_health_watches_id_fk" FOREIGN KEY ("watch_id") REFERENCES "public"."health_watches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contractors_project_name_key" ON "contractors" USING btree ("project_id","name") WHERE "contractors"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "health_watches_region_idx" ON "health_watches" USING btree ("region_path");--> statement-breakpoint
CREATE UNIQUE INDEX "worker_health_checks_day_key" ON "worker_health_checks" USING btree ("worker_id","checked_on");--> statement-breakpoint
CREATE INDEX "worker_health_checks_watch_idx" ON "worker_health_checks" USING btree ("watch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workers_project_person_key" ON "workers" USING btree ("project_id","id_number_index") WHERE "workers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "workers_contractor_idx" ON "workers" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "workers_index_idx" ON "workers" USING btree ("id_number_index");