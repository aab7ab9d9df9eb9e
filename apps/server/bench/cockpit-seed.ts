/**
 * Bulk figures for the cockpit, written with set-based SQL for speed (not through the use cases):
 * an annual plan for every project of a year (a third without a split, a third monthly, a third
 * quarterly; three in four frozen with a baseline 10% below) and a report for each month 1..`months`
 * — mostly approved, some submitted, returned, late or left out — with start, completion and
 * operation dates where the plan expects them. Deterministic: every choice hashes the project id.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/database';

export async function seedCockpitFigures(db: Database, year: number, months: number): Promise<void> {
  await db.execute(sql`insert into annual_plans (project_id, year, planned_investment_wan_yuan, prior_completed_wan_yuan,
      plans_start, start_month, plans_completion, completion_month, plans_operation, operation_month,
      split_kind, split_wan_yuan, status, baseline_investment_wan_yuan, baseline_split_kind,
      baseline_split_wan_yuan, baseline_plans_start, baseline_plans_completion, baseline_plans_operation, frozen_at)
    select id, ${year}::int, planned, planned * 2,
      h % 3 = 0, case when h % 3 = 0 then 1 + h % 6 end,
      h % 7 = 0, case when h % 7 = 0 then 6 + h % 7 end,
      h % 11 = 0, case when h % 11 = 0 then 9 + h % 4 end,
      kind,
      case kind when 'month' then array_fill(round(planned / 12, 4), array[12])
        when 'quarter' then array[round(planned * 0.15, 4), round(planned * 0.25, 4), round(planned * 0.3, 4),
          planned - round(planned * 0.15, 4) - round(planned * 0.25, 4) - round(planned * 0.3, 4)] end,
      case when h % 4 = 0 then 'draft' else 'frozen' end,
      case when h % 4 <> 0 then round(planned * 0.9, 4) end,
      case when h % 4 <> 0 then 'none' end,
      null,
      case when h % 4 <> 0 then h % 3 = 0 end,
      case when h % 4 <> 0 then h % 7 = 0 end,
      case when h % 4 <> 0 then h % 11 = 0 end,
      case when h % 4 <> 0 then now() end
    from (
      select id, h, round((2000 + h % 48000)::numeric, 4) as planned,
        case h % 3 when 0 then 'none' when 1 then 'month' else 'quarter' end as kind
      from (select id, abs(hashtext(id::text)) as h from projects) hashed
    ) p
    on conflict (project_id, year) do nothing`);
  await db.execute(sql`insert into monthly_reports (project_id, year, month, completed_wan_yuan, progress,
      actual_start_on, actual_completion_on, actual_operation_on, in_statistics, statistics_wan_yuan,
      status, due_on, submitted_at, late, reviewed_at)
    select a.project_id, ${year}::int, m,
      round(a.planned_investment_wan_yuan * (4 + (h + m) % 7) / 100, 4),
      '按计划推进',
      case when a.plans_start and m >= coalesce(a.start_month, 1) and h % 5 <> 0
        then make_date(${year}::int, coalesce(a.start_month, 1), 10) end,
      case when a.plans_completion and m >= coalesce(a.completion_month, 12) and h % 3 <> 0
        then make_date(${year}::int, coalesce(a.completion_month, 12), 15) end,
      case when a.plans_operation and m >= coalesce(a.operation_month, 12) and h % 2 = 0
        then make_date(${year}::int, coalesce(a.operation_month, 12), 20) end,
      (h + m) % 5 <> 0,
      case when (h + m) % 5 <> 0 then round(a.planned_investment_wan_yuan * (4 + (h + m) % 7) / 100, 4) end,
      case when (h + m) % 23 = 0 then 'submitted' when (h + m) % 29 = 0 then 'returned'
        when (h + m) % 31 = 0 and m = ${months}::int then 'draft' else 'approved' end,
      make_date(${year}::int, m, 25),
      case when (h + m) % 31 = 0 and m = ${months}::int then null
        else make_timestamptz(${year}::int, m, case when (h + m) % 9 = 0 then 27 else 20 end, 10, 0, 0, 'Asia/Shanghai') end,
      (h + m) % 9 = 0,
      case when (h + m) % 23 <> 0 and (h + m) % 29 <> 0 then make_timestamptz(${year}::int, m, 28, 10, 0, 0, 'Asia/Shanghai') end
    from (select a.*, abs(hashtext(a.project_id::text)) as h from annual_plans a where a.year = ${year}::int) a
      cross join generate_series(1, ${months}::int) as m
    where not ((h + m) % 37 = 0 and m = ${months}::int)
    on conflict (project_id, year, month) do nothing`);
}

/**
 * `count` extra projects spread over the demo city's counties, with the demo's owners, departments
 * and linked leaders, across levels, domains, industries and stages (one in seven dropped).
 */
export async function seedBenchProjects(db: Database, count: number): Promise<void> {
  await db.execute(sql`insert into projects (name, name_initials, owner_organisation_id, region_code,
      region_path, levels, domain, industry, total_investment_wan_yuan, start_year, end_year, construction_type,
      stage, leader_user_id, responsible_department_id)
    select '压测项目' || n, 'ycxm' || n, owners[1 + n % cardinality(owners)], r.code, r.path,
      case when n % 5 = 0 then array['city', 'county'] else array['county'] end,
      (array['现代产业', '基础设施', '社会民生', '重大平台'])[1 + n % 4],
      (array['锂电池', '不锈钢', '公路', '医疗', '港口'])[1 + n % 5],
      (20000 + n % 9973 * 37)::numeric, 2025, 2028, case when n % 2 = 0 then 'new' else 'continuing' end,
      (array['preparing', 'started', 'underway', 'underway', 'completed', 'operating', 'dropped'])[1 + n % 7],
      leaders[1 + n % cardinality(leaders)], departments[1 + n % cardinality(departments)]
    from generate_series(1, ${count}::int) as n
      cross join (select array_agg(id order by id) as owners from organisations where kind = 'owner') o
      cross join (select array_agg(id order by id) as departments from organisations where kind = 'department') d
      cross join (select array_agg(id order by id) as leaders from users where 'leader' = any(roles)) l
      cross join lateral (
        select code, path from regions where parent_code = '350900' order by code offset n % 10 limit 1
      ) r`);
}
