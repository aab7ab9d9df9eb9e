-- Region sums (issue 18 items 1 and 2), kept in the writing transaction like project_year_figures
-- (0032). A project-year's facts in each plan basis (the domain's `regionFactsOfProject`) are
-- recomputed for the project-years a statement touched; the difference between the old and the new
-- facts is added to the region rows (`regionSumsOf`). Rows are per region's own projects; a city
-- sums its subtree when read (a hundred rows), so an approval touches its county's rows only and no
-- province-wide row serialises every writer.
CREATE FUNCTION tuijin_region_facts_of(p_projects uuid[], p_years int[]) RETURNS SETOF project_region_facts
LANGUAGE sql STABLE AS $$
  SELECT k.project_id, k.year, b.basis, p.region_code, coalesce(b.planned, 0),
    ARRAY(
      SELECT coalesce(CASE
        WHEN b.split_kind = 'month' AND cardinality(b.split) = 12 THEN
          coalesce((SELECT sum(v) FROM unnest(b.split[1:g.m]) v), 0)
        WHEN b.split_kind = 'quarter' AND cardinality(b.split) = 4 THEN
          coalesce((SELECT sum(v) FROM unnest(b.split[1:(g.m / 3)]) v), 0)
            + round(coalesce(b.split[g.m / 3 + 1], 0) * (g.m % 3) / 3, 4)
        ELSE round(b.planned * g.m / 12, 4) END, 0)
      FROM generate_series(1, 12) AS g(m) ORDER BY g.m),
    coalesce(f.ytd, array_fill(0::numeric, ARRAY[12])),
    b.plans_start, b.plans_completion, b.plans_operation,
    p.stage <> 'dropped',
    CASE WHEN b.plans_start AND p.stage <> 'dropped'
      THEN least(p.actual_start_on, p.actual_completion_on, p.actual_operation_on) END,
    CASE WHEN b.plans_completion AND p.stage <> 'dropped'
      THEN least(p.actual_completion_on, p.actual_operation_on) END,
    CASE WHEN b.plans_operation AND p.stage <> 'dropped' THEN p.actual_operation_on END,
    r.on_time, r.late, r.submitted, r.in_stat
  FROM (SELECT DISTINCT u.project_id, u.year FROM unnest(p_projects, p_years) AS u(project_id, year)) k
  JOIN projects p ON p.id = k.project_id
  JOIN annual_plans a ON a.project_id = k.project_id AND a.year = k.year
  CROSS JOIN LATERAL (
    SELECT 'adjusted'::text AS basis, a.planned_investment_wan_yuan AS planned, a.split_kind::text AS split_kind,
      a.split_wan_yuan AS split, a.plans_start, a.plans_completion, a.plans_operation
    UNION ALL
    SELECT 'baseline', a.baseline_investment_wan_yuan, a.baseline_split_kind::text, a.baseline_split_wan_yuan,
      coalesce(a.baseline_plans_start, false), coalesce(a.baseline_plans_completion, false),
      coalesce(a.baseline_plans_operation, false)
    WHERE a.status = 'frozen'
  ) b
  LEFT JOIN project_year_figures f ON f.project_id = k.project_id AND f.year = k.year
  CROSS JOIN LATERAL (
    SELECT
      array_agg(p.stage <> 'dropped' AND coalesce(x.submitted, false) AND NOT coalesce(x.late, false) ORDER BY g.m) AS on_time,
      array_agg(p.stage <> 'dropped' AND coalesce(x.submitted, false) AND coalesce(x.late, false) ORDER BY g.m) AS late,
      array_agg(p.stage <> 'dropped' AND coalesce(x.submitted, false) ORDER BY g.m) AS submitted,
      array_agg(p.stage <> 'dropped' AND coalesce(x.in_stat, false) ORDER BY g.m) AS in_stat
    FROM generate_series(1, 12) AS g(m)
    LEFT JOIN (
      SELECT mr.month, bool_or(mr.submitted_at IS NOT NULL) AS submitted, bool_or(mr.late) AS late,
        bool_or(mr.status = 'approved' AND mr.in_statistics) AS in_stat
      FROM monthly_reports mr WHERE mr.project_id = k.project_id AND mr.year = k.year GROUP BY mr.month
    ) x ON x.month = g.m
  ) r;
$$;
--> statement-breakpoint
-- Adds (p_sign = 1) or takes out (-1) the given facts' share of the region rows.
CREATE FUNCTION tuijin_add_region_facts(p_sign int, p_facts project_region_facts[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO region_month_sums AS s (year, basis, month, region_code, projects, due, planned, cum_plan, ytd,
    plans_start, plans_completion, plans_operation, started, completed, operating, on_time, late, submitted, in_stat)
  SELECT f.year, f.basis, g.m, f.region_code,
    p_sign * count(*), p_sign * count(*) FILTER (WHERE f.is_due),
    p_sign * sum(f.planned), p_sign * sum(f.cum_plan[g.m]), p_sign * sum(f.ytd[g.m]),
    p_sign * count(*) FILTER (WHERE f.plans_start), p_sign * count(*) FILTER (WHERE f.plans_completion),
    p_sign * count(*) FILTER (WHERE f.plans_operation),
    p_sign * count(*) FILTER (WHERE f.started_on <= (make_date(f.year, g.m, 1) + interval '1 month - 1 day')::date),
    p_sign * count(*) FILTER (WHERE f.completed_on <= (make_date(f.year, g.m, 1) + interval '1 month - 1 day')::date),
    p_sign * count(*) FILTER (WHERE f.operating_on <= (make_date(f.year, g.m, 1) + interval '1 month - 1 day')::date),
    p_sign * count(*) FILTER (WHERE f.on_time[g.m]), p_sign * count(*) FILTER (WHERE f.late[g.m]),
    p_sign * count(*) FILTER (WHERE f.submitted[g.m]), p_sign * count(*) FILTER (WHERE f.in_stat[g.m])
  FROM unnest(p_facts) f CROSS JOIN generate_series(1, 12) AS g(m)
  GROUP BY f.year, f.basis, g.m, f.region_code
  ON CONFLICT (year, basis, month, region_code) DO UPDATE SET projects = s.projects + excluded.projects,
    due = s.due + excluded.due, planned = s.planned + excluded.planned, cum_plan = s.cum_plan + excluded.cum_plan,
    ytd = s.ytd + excluded.ytd, plans_start = s.plans_start + excluded.plans_start,
    plans_completion = s.plans_completion + excluded.plans_completion,
    plans_operation = s.plans_operation + excluded.plans_operation, started = s.started + excluded.started,
    completed = s.completed + excluded.completed, operating = s.operating + excluded.operating,
    on_time = s.on_time + excluded.on_time, late = s.late + excluded.late,
    submitted = s.submitted + excluded.submitted, in_stat = s.in_stat + excluded.in_stat;
  INSERT INTO region_stage_days AS d (year, basis, on_date, region_code, started, completed, operating)
  SELECT f.year, f.basis, greatest(x.on_date, make_date(f.year, 1, 1)), f.region_code,
    p_sign * count(*) FILTER (WHERE x.kind = 's'), p_sign * count(*) FILTER (WHERE x.kind = 'c'),
    p_sign * count(*) FILTER (WHERE x.kind = 'o')
  FROM unnest(p_facts) f
  CROSS JOIN LATERAL (VALUES ('s', f.started_on), ('c', f.completed_on), ('o', f.operating_on)) AS x(kind, on_date)
  WHERE x.on_date <= make_date(f.year, 12, 31)
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (year, basis, on_date, region_code) DO UPDATE SET started = d.started + excluded.started,
    completed = d.completed + excluded.completed, operating = d.operating + excluded.operating;
$$;
--> statement-breakpoint
-- Recomputes the facts of the given project-years and moves the region rows by the difference.
CREATE FUNCTION tuijin_refresh_region_facts(p_projects uuid[], p_years int[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  old_facts project_region_facts[];
  new_facts project_region_facts[];
BEGIN
  IF p_projects IS NULL OR cardinality(p_projects) = 0 THEN
    RETURN;
  END IF;
  WITH k AS (SELECT DISTINCT u.project_id, u.year FROM unnest(p_projects, p_years) AS u(project_id, year)),
  gone AS (
    DELETE FROM project_region_facts f USING k WHERE f.project_id = k.project_id AND f.year = k.year
    RETURNING f.*
  )
  SELECT array_agg(ROW(gone.*)::project_region_facts) INTO old_facts FROM gone;
  SELECT array_agg(n) INTO new_facts FROM tuijin_region_facts_of(p_projects, p_years) n;
  IF new_facts IS NOT NULL THEN
    INSERT INTO project_region_facts SELECT * FROM unnest(new_facts);
  END IF;
  IF old_facts IS NOT NULL THEN
    PERFORM tuijin_add_region_facts(-1, old_facts);
  END IF;
  IF new_facts IS NOT NULL THEN
    PERFORM tuijin_add_region_facts(1, new_facts);
  END IF;
  DELETE FROM region_month_sums s WHERE s.projects = 0 AND s.year = ANY (p_years);
  DELETE FROM region_stage_days d
    WHERE d.started = 0 AND d.completed = 0 AND d.operating = 0 AND d.year = ANY (p_years);
END $$;
--> statement-breakpoint
-- Reports: any change of what a month's state or the year-to-date reads. These triggers are named
-- after the 0032 ones, so they fire after them (same event, alphabetical) and read a fresh
-- project_year_figures.
CREATE FUNCTION tuijin_region_reports_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tuijin_refresh_region_facts(array_agg(n.project_id), array_agg(n.year)) FROM new_rows n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tuijin_region_reports_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tuijin_refresh_region_facts(array_agg(c.project_id), array_agg(c.year))
  FROM (
    SELECT n.project_id, n.year FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (o.status, o.submitted_at IS NULL, o.late, o.in_statistics, o.completed_wan_yuan, o.project_id, o.year, o.month)
      IS DISTINCT FROM (n.status, n.submitted_at IS NULL, n.late, n.in_statistics, n.completed_wan_yuan, n.project_id, n.year, n.month)
    UNION
    SELECT o.project_id, o.year FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (o.project_id, o.year) IS DISTINCT FROM (n.project_id, n.year)
  ) c;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tuijin_region_reports_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tuijin_refresh_region_facts(array_agg(o.project_id), array_agg(o.year)) FROM old_rows o;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tuijin_region_plans_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM tuijin_refresh_region_facts(array_agg(n.project_id), array_agg(n.year)) FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM tuijin_refresh_region_facts(array_agg(o.project_id), array_agg(o.year)) FROM old_rows o;
  ELSE
    PERFORM tuijin_refresh_region_facts(array_agg(c.project_id), array_agg(c.year))
    FROM (SELECT n.project_id, n.year FROM new_rows n UNION SELECT o.project_id, o.year FROM old_rows o) c;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Projects: a move to another region, dropping (or restoring) one, or a changed actual date.
CREATE FUNCTION tuijin_region_projects_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tuijin_refresh_region_facts(array_agg(a.project_id), array_agg(a.year))
  FROM annual_plans a
  WHERE a.project_id IN (
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (o.region_code, o.stage = 'dropped', o.actual_start_on, o.actual_completion_on, o.actual_operation_on)
      IS DISTINCT FROM (n.region_code, n.stage = 'dropped', n.actual_start_on, n.actual_completion_on, n.actual_operation_on)
  );
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER monthly_reports_region_sums_insert AFTER INSERT ON monthly_reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_region_reports_inserted();
--> statement-breakpoint
CREATE TRIGGER monthly_reports_region_sums_update AFTER UPDATE ON monthly_reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_region_reports_updated();
--> statement-breakpoint
CREATE TRIGGER monthly_reports_region_sums_delete AFTER DELETE ON monthly_reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_region_reports_deleted();
--> statement-breakpoint
CREATE TRIGGER annual_plans_region_sums_insert AFTER INSERT ON annual_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_region_plans_changed();
--> statement-breakpoint
CREATE TRIGGER annual_plans_region_sums_update AFTER UPDATE ON annual_plans
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_region_plans_changed();
--> statement-breakpoint
CREATE TRIGGER annual_plans_region_sums_delete AFTER DELETE ON annual_plans
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_region_plans_changed();
--> statement-breakpoint
CREATE TRIGGER projects_region_sums_update AFTER UPDATE ON projects
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_region_projects_updated();
--> statement-breakpoint
SELECT tuijin_refresh_region_facts(array_agg(a.project_id), array_agg(a.year)) FROM annual_plans a;
--> statement-breakpoint
-- Problems (item 2): a row's share is its own columns, so the difference is the new rows less the
-- old ones; it is kept under the problem's region and its project's region now (what a caller's
-- scope reads; default: read from projects). Open statuses: the domain's openProblemStatuses;
-- days: China dates, as the statistics count them.
CREATE FUNCTION tuijin_add_problem_sums(p_sign int, p_rows problems[], p_project_regions text[] DEFAULT NULL)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO region_problem_sums AS s (region_code, project_region_code, due_on, problems, received, solved, days, open)
  SELECT u.region_code, coalesce(g.project_region, pr.region_code, u.region_code), u.due_on,
    p_sign * count(*), p_sign * count(*) FILTER (WHERE u.status <> 'rejected'),
    p_sign * count(*) FILTER (WHERE u.status = 'written_off'),
    p_sign * coalesce(sum(((u.written_off_at + interval '8 hours') AT TIME ZONE 'UTC')::date
      - ((u.raised_at + interval '8 hours') AT TIME ZONE 'UTC')::date) FILTER (WHERE u.status = 'written_off'), 0),
    p_sign * count(*) FILTER (WHERE u.status IN ('raised', 'accepted', 'in_progress'))
  FROM unnest(p_rows) WITH ORDINALITY AS u
  LEFT JOIN unnest(p_project_regions) WITH ORDINALITY AS g(project_region, i) ON g.i = u.ordinality
  LEFT JOIN projects pr ON pr.id = u.project_id
  GROUP BY 1, 2, 3
  ON CONFLICT (region_code, project_region_code, due_on) DO UPDATE SET problems = s.problems + excluded.problems,
    received = s.received + excluded.received, solved = s.solved + excluded.solved, days = s.days + excluded.days,
    open = s.open + excluded.open;
  DELETE FROM region_problem_sums s
  WHERE s.problems = 0 AND (s.region_code, s.due_on) IN (SELECT u.region_code, u.due_on FROM unnest(p_rows) AS u);
$$;
--> statement-breakpoint
-- A project moved: its problems' shares go from its old region to its new one.
CREATE FUNCTION tuijin_region_projects_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tuijin_add_problem_sums(-1, array_agg(p), array_agg(o.region_code))
  FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN problems p ON p.project_id = o.id
  WHERE o.region_code IS DISTINCT FROM n.region_code HAVING count(*) > 0;
  PERFORM tuijin_add_problem_sums(1, array_agg(p), array_agg(n.region_code))
  FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN problems p ON p.project_id = o.id
  WHERE o.region_code IS DISTINCT FROM n.region_code HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER projects_region_sums_moved AFTER UPDATE ON projects
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_region_projects_moved();
--> statement-breakpoint
CREATE FUNCTION tuijin_region_problems_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM tuijin_add_problem_sums(1, array_agg(ROW(n.*)::problems)) FROM new_rows n HAVING count(*) > 0;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM tuijin_add_problem_sums(-1, array_agg(ROW(o.*)::problems)) FROM old_rows o HAVING count(*) > 0;
  ELSE
    PERFORM tuijin_add_problem_sums(-1, array_agg(ROW(o.*)::problems)) FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.status, o.region_code, o.due_on, o.raised_at, o.written_off_at)
      IS DISTINCT FROM (n.status, n.region_code, n.due_on, n.raised_at, n.written_off_at)
    HAVING count(*) > 0;
    PERFORM tuijin_add_problem_sums(1, array_agg(ROW(n.*)::problems)) FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (o.status, o.region_code, o.due_on, o.raised_at, o.written_off_at)
      IS DISTINCT FROM (n.status, n.region_code, n.due_on, n.raised_at, n.written_off_at)
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER problems_region_sums_insert AFTER INSERT ON problems
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_region_problems_changed();
--> statement-breakpoint
CREATE TRIGGER problems_region_sums_update AFTER UPDATE ON problems
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_region_problems_changed();
--> statement-breakpoint
CREATE TRIGGER problems_region_sums_delete AFTER DELETE ON problems
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tuijin_region_problems_changed();
--> statement-breakpoint
SELECT tuijin_add_problem_sums(1, array_agg(p)) FROM problems p HAVING count(*) > 0;
