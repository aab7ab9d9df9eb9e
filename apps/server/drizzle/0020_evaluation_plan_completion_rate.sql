-- 计划完成率 has one name everywhere: the evaluation indicator key planCompletion becomes
-- planCompletionRate in stored schemes, in the rules each run kept, and in each result's breakdown.
-- A quoted whole key only: "planCompletionRate" itself is left as it is.
UPDATE "evaluation_schemes" SET "rules" = replace("rules"::text, '"planCompletion"', '"planCompletionRate"')::jsonb WHERE "rules"::text LIKE '%"planCompletion"%';--> statement-breakpoint
UPDATE "evaluation_runs" SET "rules" = replace("rules"::text, '"planCompletion"', '"planCompletionRate"')::jsonb WHERE "rules"::text LIKE '%"planCompletion"%';--> statement-breakpoint
UPDATE "evaluation_results" SET "breakdown" = replace("breakdown"::text, '"planCompletion"', '"planCompletionRate"')::jsonb WHERE "breakdown"::text LIKE '%"planCompletion"%';
