CREATE TABLE "bank_event_banks" (
	"event_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	CONSTRAINT "bank_event_banks_event_id_bank_id_pk" PRIMARY KEY("event_id","bank_id")
);
--> statement-breakpoint
CREATE TABLE "bank_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"venue" text NOT NULL,
	"organiser" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"status" text DEFAULT 'pushed' NOT NULL,
	"failure_reason" text,
	"credit_granted_wan_yuan" numeric(18, 4),
	"disbursed_wan_yuan" numeric(18, 4),
	"disbursed_on" date,
	"rolled_over_wan_yuan" numeric(18, 4),
	"rolled_over_on" date,
	"next_step" text,
	"followed_up_on" date,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_push_banks" (
	"push_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"signed_wan_yuan" numeric(18, 4),
	CONSTRAINT "bank_push_banks_push_id_bank_id_pk" PRIMARY KEY("push_id","bank_id")
);
--> statement-breakpoint
CREATE TABLE "bank_pushes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"financing_need_wan_yuan" numeric(18, 4) NOT NULL,
	"purpose" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "banks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"level" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_event_banks" ADD CONSTRAINT "bank_event_banks_event_id_bank_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."bank_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_event_banks" ADD CONSTRAINT "bank_event_banks_bank_id_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_events" ADD CONSTRAINT "bank_events_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_follow_ups" ADD CONSTRAINT "bank_follow_ups_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_follow_ups" ADD CONSTRAINT "bank_follow_ups_bank_id_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_push_banks" ADD CONSTRAINT "bank_push_banks_push_id_bank_pushes_id_fk" FOREIGN KEY ("push_id") REFERENCES "public"."bank_pushes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_push_banks" ADD CONSTRAINT "bank_push_banks_bank_id_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_pushes" ADD CONSTRAINT "bank_pushes_event_id_bank_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."bank_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_pushes" ADD CONSTRAINT "bank_pushes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "banks" ADD CONSTRAINT "banks_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_event_banks_bank_idx" ON "bank_event_banks" USING btree ("bank_id");--> statement-breakpoint
CREATE INDEX "bank_events_region_path_idx" ON "bank_events" USING btree ("region_path","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_follow_ups_project_bank_key" ON "bank_follow_ups" USING btree ("project_id","bank_id");--> statement-breakpoint
CREATE INDEX "bank_follow_ups_bank_idx" ON "bank_follow_ups" USING btree ("bank_id");--> statement-breakpoint
CREATE INDEX "bank_push_banks_bank_idx" ON "bank_push_banks" USING btree ("bank_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_pushes_event_project_key" ON "bank_pushes" USING btree ("event_id","project_id");--> statement-breakpoint
CREATE INDEX "bank_pushes_project_idx" ON "bank_pushes" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "banks_region_name_key" ON "banks" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "banks_region_path_idx" ON "banks" USING btree ("region_path");