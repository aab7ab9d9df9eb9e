ALTER TABLE "projects" ADD COLUMN "actual_start_on" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "actual_completion_on" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "actual_operation_on" date;--> statement-breakpoint
-- Backfill: the earliest date each approved monthly report gave is the project's actual date.
UPDATE "projects" SET
  "actual_start_on" = d."start_on",
  "actual_completion_on" = d."completion_on",
  "actual_operation_on" = d."operation_on"
FROM (
  SELECT "project_id", min("actual_start_on") AS "start_on", min("actual_completion_on") AS "completion_on",
    min("actual_operation_on") AS "operation_on"
  FROM "monthly_reports" WHERE "status" = 'approved' GROUP BY "project_id"
) d
WHERE d."project_id" = "projects"."id";
