CREATE TABLE "project_region_facts" (
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"basis" text NOT NULL,
	"region_code" text NOT NULL,
	"planned" numeric(18, 4) NOT NULL,
	"cum_plan" numeric(18, 4)[] NOT NULL,
	"ytd" numeric(18, 4)[] NOT NULL,
	"plans_start" boolean NOT NULL,
	"plans_completion" boolean NOT NULL,
	"plans_operation" boolean NOT NULL,
	"is_due" boolean NOT NULL,
	"started_on" date,
	"completed_on" date,
	"operating_on" date,
	"on_time" boolean[] NOT NULL,
	"late" boolean[] NOT NULL,
	"submitted" boolean[] NOT NULL,
	"in_stat" boolean[] NOT NULL,
	CONSTRAINT "project_region_facts_project_id_year_basis_pk" PRIMARY KEY("project_id","year","basis")
);
--> statement-breakpoint
CREATE TABLE "region_month_sums" (
	"year" integer NOT NULL,
	"basis" text NOT NULL,
	"month" integer NOT NULL,
	"region_code" text NOT NULL,
	"projects" integer NOT NULL,
	"due" integer NOT NULL,
	"planned" numeric(18, 4) NOT NULL,
	"cum_plan" numeric(18, 4) NOT NULL,
	"ytd" numeric(18, 4) NOT NULL,
	"plans_start" integer NOT NULL,
	"plans_completion" integer NOT NULL,
	"plans_operation" integer NOT NULL,
	"started" integer NOT NULL,
	"completed" integer NOT NULL,
	"operating" integer NOT NULL,
	"on_time" integer NOT NULL,
	"late" integer NOT NULL,
	"submitted" integer NOT NULL,
	"in_stat" integer NOT NULL,
	CONSTRAINT "region_month_sums_year_basis_month_region_code_pk" PRIMARY KEY("year","basis","month","region_code")
);
--> statement-breakpoint
CREATE TABLE "region_problem_sums" (
	"region_code" text NOT NULL,
	"project_region_code" text NOT NULL,
	"due_on" date NOT NULL,
	"problems" integer NOT NULL,
	"received" integer NOT NULL,
	"solved" integer NOT NULL,
	"days" integer NOT NULL,
	"open" integer NOT NULL,
	CONSTRAINT "region_problem_sums_region_code_project_region_code_due_on_pk" PRIMARY KEY("region_code","project_region_code","due_on")
);
--> statement-breakpoint
CREATE TABLE "region_stage_days" (
	"year" integer NOT NULL,
	"basis" text NOT NULL,
	"on_date" date NOT NULL,
	"region_code" text NOT NULL,
	"started" integer NOT NULL,
	"completed" integer NOT NULL,
	"operating" integer NOT NULL,
	CONSTRAINT "region_stage_days_year_basis_on_date_region_code_pk" PRIMARY KEY("year","basis","on_date","region_code")
);
--> statement-breakpoint
CREATE INDEX "problems_raised_by_idx" ON "problems" USING btree ("raised_by");--> statement-breakpoint
CREATE INDEX "project_year_figures_rate_order_idx" ON "project_year_figures" USING btree ("year","ytd_rate" DESC NULLS LAST,"project_id") WHERE "project_year_figures"."ytd_rate" is not null;