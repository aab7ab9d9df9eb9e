CREATE TABLE "screen_publications" (
	"region_code" text PRIMARY KEY NOT NULL,
	"show_figures" boolean DEFAULT false NOT NULL,
	"show_ranking" boolean DEFAULT false NOT NULL,
	"show_red_counts" boolean DEFAULT false NOT NULL,
	"show_map" boolean DEFAULT false NOT NULL,
	"quarter" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "screen_publications" ADD CONSTRAINT "screen_publications_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;