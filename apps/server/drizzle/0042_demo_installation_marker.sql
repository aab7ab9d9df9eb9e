-- A database the demo was loaded into before the marker existed (issue 20 item 7): the demo
-- accounts keep the published password and are not forced to change it on a schedule.
INSERT INTO "settings" ("key", "value", "version", "updated_at")
SELECT 'demo_installation', '{"since":"migration"}'::jsonb, 1, now()
WHERE (SELECT count(*) FROM "users" WHERE "username" IN ('ningde', 'jiaocheng', 'leader1', 'owner1', 'supervisor', 'auditor')) = 6
  AND EXISTS (SELECT 1 FROM "audit_events" WHERE "action" = 'demo.load')
ON CONFLICT ("key") DO NOTHING;
