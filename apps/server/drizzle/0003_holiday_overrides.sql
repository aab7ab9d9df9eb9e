CREATE TABLE "holiday_overrides" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
