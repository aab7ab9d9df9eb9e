CREATE TABLE "project_year_figures" (
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"approved" numeric(18, 4)[] NOT NULL,
	"ytd" numeric(18, 4)[] NOT NULL,
	"ytd_total" numeric(18, 4) NOT NULL,
	"planned" numeric(18, 4),
	"ytd_rate" numeric(18, 6),
	CONSTRAINT "project_year_figures_project_id_year_pk" PRIMARY KEY("project_id","year")
);
--> statement-breakpoint
ALTER TABLE "project_year_figures" ADD CONSTRAINT "project_year_figures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_year_figures_year_rate_idx" ON "project_year_figures" USING btree ("year","ytd_rate");--> statement-breakpoint
-- The kept rollup's rule (the domain's projectYearFigures): recompute the given project-years from
-- their reports (approved only, by month, running) and plan, in the caller's transaction.
CREATE FUNCTION tuijin_refresh_project_years(p_projects uuid[], p_years int[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO project_year_figures (project_id, year, approved, ytd, ytd_total, planned, ytd_rate)
  SELECT k.project_id, k.year, f.approved, f.ytd, f.ytd[12], p.planned,
    CASE WHEN p.planned > 0 THEN round(f.ytd[12] / p.planned, 6) END
  FROM (SELECT DISTINCT u.project_id, u.year FROM unnest(p_projects, p_years) AS u(project_id, year)) k
  JOIN projects ON projects.id = k.project_id
  CROSS JOIN LATERAL (
    SELECT array_agg(m.amount ORDER BY m.month) AS approved, array_agg(m.running ORDER BY m.month) AS ytd
    FROM (
      SELECT g.month, coalesce(r.amount, 0) AS amount,
        sum(coalesce(r.amount, 0)) OVER (ORDER BY g.month) AS running
      FROM generate_series(1, 12) AS g(month)
      LEFT JOIN (
        SELECT mr.month, sum(mr.completed_wan_yuan) AS amount FROM monthly_reports mr
        WHERE mr.project_id = k.project_id AND mr.year = k.year AND mr.status = 'approved'
        GROUP BY mr.month
      ) r ON r.month = g.month
    ) m
  ) f
  LEFT JOIN LATERAL (
    SELECT ap.planned_investment_wan_yuan AS planned FROM annual_plans ap
    WHERE ap.project_id = k.project_id AND ap.year = k.year
  ) p ON true
  ON CONFLICT (project_id, year) DO UPDATE SET approved = excluded.approved, ytd = excluded.ytd,
    ytd_total = excluded.ytd_total, planned = excluded.planned, ytd_rate = excluded.ytd_rate;
$$;
--> statement-breakpoint
CREATE FUNCTION tuijin_reports_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tuijin_refresh_project_years(array_agg(n.project_id), array_agg(n.year))
  FROM new_rows n WHERE n.status = 'approved';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tuijin_reports_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tuijin_refresh_project_years(array_agg(c.project_id), array_agg(c.year))
  FROM (
    SELECT n.project_id, n.year FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (o.status = 'approved' OR n.status = 'approved')
      AND (o.status, o.completed_wan_yuan, o.project_id, o.year, o.month)
        IS DISTINCT FROM (n.status, n.completed_wan_yuan, n.project_id, n.year, n.month)
    UNION
    SELECT o.project_id, o.year FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE o.status = 'approved' AND (o.project_id, o.year) IS DISTINCT FROM (n.project_id, n.year)
  ) c;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tuijin_reports_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tuijin_refresh_project_years(array_agg(o.project_id), array_agg(o.year))
  FROM old_rows o WHERE o.status = 'approved';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tuijin_plans_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tuijin_refresh_project_years(array_agg(n.project_id), array_agg(n.year)) FROM new_rows n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tuijin_plans_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tuijin_refresh_project_years(array_agg(c.project_id), array_agg(c.year))
  FROM (
    SELECT n.project_id, n.year FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (o.planned_investment_wan_yuan, o.project_id, o.year)
      IS DISTINCT FROM (n.planned_investment_wan_yuan, n.project_id, n.year)
    UNION
    SELECT o.project_id, o.year FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (o.project_id, o.year) IS DISTINCT FROM (n.project_id, n.year)
  ) c;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tuijin_plans_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tuijin_refresh_project_years(array_agg(o.project_id), array_agg(o.year)) FROM old_rows o;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER monthly_reports_figures_insert AFTER INSERT ON monthly_reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_reports_inserted();
--> statement-breakpoint
CREATE TRIGGER monthly_reports_figures_update AFTER UPDATE ON monthly_reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_reports_updated();
--> statement-breakpoint
CREATE TRIGGER monthly_reports_figures_delete AFTER DELETE ON monthly_reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_reports_deleted();
--> statement-breakpoint
CREATE TRIGGER annual_plans_figures_insert AFTER INSERT ON annual_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_plans_inserted();
--> statement-breakpoint
CREATE TRIGGER annual_plans_figures_update AFTER UPDATE ON annual_plans
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_plans_updated();
--> statement-breakpoint
CREATE TRIGGER annual_plans_figures_delete AFTER DELETE ON annual_plans
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_plans_deleted();
--> statement-breakpoint
SELECT tuijin_refresh_project_years(array_agg(k.project_id), array_agg(k.year))
FROM (SELECT project_id, year FROM monthly_reports UNION SELECT project_id, year FROM annual_plans) k;
