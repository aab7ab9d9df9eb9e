import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open-database';
import { queryRows } from '../db/rows';
import { impliedStageSql, stageToday } from '../db/rules';
import { createTestApp, type TestApp } from '../testing/test-app';
import { testEpoch } from '../testing/test-constants';

/**
 * What breaks the demo's story, as rows naming the project: investment or construction progress
 * before the (planned or actual) start; a project ending after this year at 竣工验收准备 or later;
 * a report carrying a start date other than the project's; a stage the dates do not imply (a
 * started stage without a date, a stage-history start on another day than the actual start).
 */
async function storyBreaks(db: Database, now: Date) {
  const at = stageToday(now);
  const implied = impliedStageSql(at, {
    recordedStage: sql`p.stage`,
    actualStartOn: sql`p.actual_start_on`,
    actualCompletionOn: sql`p.actual_completion_on`,
    actualOperationOn: sql`p.actual_operation_on`,
  });
  const year = at.year;
  return queryRows<{ rule: string; name: string; detail: string }>(
    db,
    sql`with before_start as (
        select p.name, r.month, r.completed_wan_yuan, r.progress
        from monthly_reports r join projects p on p.id = r.project_id
        where r.year = ${year}::int and (p.actual_start_on is null
          or p.actual_start_on > (make_date(r.year, r.month, 1) + interval '1 month' - interval '1 day')::date))
      select 'investment before the start' as rule, name, month::text as detail
        from before_start where completed_wan_yuan > 0
      union all
      select 'construction progress before the start', name, month::text
        from before_start where progress not like '%前期%'
      union all
      select 'completion stage of a project ending later', p.name, r.month::text
        from monthly_reports r join projects p on p.id = r.project_id
        where r.year = ${year}::int and p.end_year > ${year}::int
          and (r.progress like '%竣工验收准备%' or r.progress like '%试运行%' or r.progress like '%设备安装调试%')
      union all
      select 'a report gives another start date', p.name, r.actual_start_on::text
        from monthly_reports r join projects p on p.id = r.project_id
        where r.status = 'approved' and r.actual_start_on is distinct from p.actual_start_on
          and r.actual_start_on is not null
      union all
      select 'a recorded started stage without its date', p.name, p.stage
        from projects p
        where p.stage in ('started', 'underway', 'completed', 'operating') and p.actual_start_on is null
      union all
      select 'a stage the dates do not imply', p.name, p.stage || ' / ' || ${implied}
        from projects p
        where p.stage <> ${implied} and not (p.stage = 'started' and ${implied} = 'underway')
      union all
      select 'a stage-history start on another day', p.name, c.changed_on::text
        from project_stage_changes c join projects p on p.id = c.project_id
        where c.to_stage = 'started' and c.changed_on is distinct from p.actual_start_on
      union all
      select 'a date in the future', p.name, coalesce(p.actual_operation_on, p.actual_completion_on, p.actual_start_on)::text
        from projects p
        where greatest(p.actual_start_on, p.actual_completion_on, p.actual_operation_on) > ${at.asOf}::date
      order by 1, 2, 3`,
  );
}

describe('the demo tells one coherent story', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('holds on the test clock (testEpoch)', async () => {
    expect(await storyBreaks(t.db, testEpoch)).toEqual([]);
  });

  // The directory `tuijin demo` loaded on today's date for this run (the one `npm start` and the
  // browser tier start from); the PGlite tier has it, the PostgreSQL tier need not repeat a PGlite check.
  it.skipIf(!inject('cliDemoDir'))(
    'holds on the real date the browser tests and `npm start` run on',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'tuijin-story-'));
      cpSync(inject('cliDemoDir'), dataDir, { recursive: true });
      const handle = await openDatabase({ dataDir });
      try {
        const today = new Date();
        const [loaded] = await queryRows<{ n: number }>(
          handle.db,
          sql`select count(*)::int as n from projects`,
        );
        expect(loaded!.n).toBeGreaterThan(100);
        expect(await storyBreaks(handle.db, today)).toEqual([]);
      } finally {
        await handle.close();
      }
    },
  );
});
