import { parseQuarter } from '@tuijin/domain';
import { eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context';
import { annualPlans, monthlyReports, projectStageChanges, projects, regions } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { loadActorByUsername } from '../auth';
import { loadEvaluationInputs } from '../evaluation';
import { importLedger, parseLedger } from '../ledger';
import { approveReport } from '../reports';
import { loadWarningFacts } from '../warnings';

let t: TestApp;
let ctx: Ctx;
const started = '台账新开工甲项目';
const continuing = '台账续建乙项目';
const ids: Record<string, string> = {};
let newStartsBefore = 0;

beforeAll(async () => {
  t = await createTestApp();
  ctx = {
    db: t.db,
    actor: (await loadActorByUsername(t.db, 'jiaocheng'))!,
    clock: t.clock,
    ip: null,
    auditKey: testAuditKey,
  };
  // A county ledger for this year: one project starting this year (listed, no actual start date),
  // one continuing since 2024.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['2026年蕉城区重点项目建设计划表']);
  sheet.addRow(['项目名称', '建设单位', '建设起止年限', '总投资（万元）', '年度计划投资（万元）']);
  sheet.addRow([started, '阶段测试业主有限公司', '2026-2028', 8000, 2000]);
  sheet.addRow([continuing, '阶段测试业主有限公司', '2024-2027', 9000, 3000]);
  const parsed = await parseLedger(Buffer.from(await workbook.xlsx.writeBuffer()));
  const outcome = await importLedger(ctx, { parsed });
  expect(outcome.counts).toMatchObject({ created: 2 });
  for (const row of await t.db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(inArray(projects.name, [started, continuing])))
    ids[row.name] = row.id;
  // Both placed on the map, and the new one planned to start in February (the start-rate base).
  await t.db
    .update(projects)
    .set({ longitude: 119.55, latitude: 26.66 })
    .where(inArray(projects.id, [ids[started]!, ids[continuing]!]));
  await t.db
    .update(annualPlans)
    .set({ plansStart: true, startMonth: 2 })
    .where(eq(annualPlans.projectId, ids[started]!));
});
afterAll(async () => t.close());

/** The stage of a project as each reader answers it, and whether each counts it as started. */
async function readers(id: string, name: string) {
  const office = await t.as('jiaocheng');
  const list = await office.get(`/api/projects?q=${encodeURIComponent(name)}`);
  const detail = await office.get(`/api/projects/${id}`);
  const cockpit = await office.get('/api/cockpit/projects?year=2026&month=2&measure=all&pageSize=200');
  const cockpitStarted = await office.get(
    '/api/cockpit/projects?year=2026&month=2&measure=started&pageSize=200',
  );
  const map = await office.get(`/api/map/points?q=${encodeURIComponent(name)}`);
  const [facts] = await loadWarningFacts(
    t.db,
    sql`${projects.id} = ${id}`,
    { year: 2026, month: 2 },
    '2026-03-02',
  );
  const [county] = await t.db.select().from(regions).where(eq(regions.code, '350900'));
  const inputs = await loadEvaluationInputs(ctx, county!, parseQuarter('2026Q1'));
  const jiaocheng = inputs.find((i) => i.code === '350902')!;
  const cockpitRow = cockpit.body.data.find((r: { id: string }) => r.id === id);
  return {
    list: list.body.data[0].stage,
    detail: detail.body.stage,
    cockpit: cockpitRow?.stage,
    cockpitStarted: cockpitStarted.body.data.some((r: { id: string }) => r.id === id),
    map: map.body.data[0].stage,
    warned: facts !== undefined,
    warningStartOn: facts?.facts.actualStartOn ?? null,
    newStarts: Number(jiaocheng.figures.newStarts.numerator),
  };
}

describe('one truth for started', () => {
  it('after a ledger lists a project as started without a date, every reader says 前期', async () => {
    const seen = await readers(ids[started]!, started);
    expect(seen).toMatchObject({
      list: 'preparing',
      detail: 'preparing',
      cockpit: 'preparing',
      cockpitStarted: false,
      map: 'preparing',
      warned: true,
      warningStartOn: null,
    });
    newStartsBefore = seen.newStarts;
  });

  it('dates a 续建 line of the ledger by its start year, so it reads 在建 everywhere', async () => {
    const [row] = await t.db.select().from(projects).where(eq(projects.id, ids[continuing]!));
    expect(row).toMatchObject({ actualStartOn: '2024-01-01', stage: 'underway' });
    const office = await t.as('jiaocheng');
    const list = await office.get(`/api/projects?q=${encodeURIComponent(continuing)}`);
    const map = await office.get(`/api/map/points?q=${encodeURIComponent(continuing)}`);
    expect([list.body.data[0].stage, map.body.data[0].stage]).toEqual(['underway', 'underway']);
  });

  it('an approved report with an actual start date makes every reader say 新开工, with a dated stage record', async () => {
    const [report] = await t.db
      .insert(monthlyReports)
      .values({
        projectId: ids[started]!,
        year: 2026,
        month: 2,
        completedWanYuan: '300',
        actualStartOn: '2026-02-16',
        status: 'submitted',
        dueOn: '2026-02-25',
        submittedAt: new Date('2026-02-20T02:00:00Z'),
      })
      .returning({ id: monthlyReports.id });
    await approveReport(ctx, report!.id, { version: 0 });
    const seen = await readers(ids[started]!, started);
    expect(seen).toMatchObject({
      list: 'started',
      detail: 'started',
      cockpit: 'started',
      cockpitStarted: true,
      map: 'started',
      warned: true,
      warningStartOn: '2026-02-16',
    });
    expect(seen.newStarts).toBe(newStartsBefore + 1);
    const history = await t.db
      .select()
      .from(projectStageChanges)
      .where(eq(projectStageChanges.projectId, ids[started]!));
    expect(history.at(-1)).toMatchObject({
      fromStage: 'preparing',
      toStage: 'started',
      changedOn: '2026-02-16',
      reason: '2026年2月月报审核通过',
    });
  });

  it('keeps a date the office set when a later report gives another', async () => {
    const office = await t.as('jiaocheng');
    const detail = await office.get(`/api/projects/${ids[started]!}`);
    expect(detail.body.actualStartOn).toBe('2026-02-16');
    const [report] = await t.db
      .insert(monthlyReports)
      .values({
        projectId: ids[started]!,
        year: 2026,
        month: 1,
        completedWanYuan: '0',
        actualStartOn: '2026-01-20',
        status: 'submitted',
        dueOn: '2026-01-25',
        submittedAt: new Date('2026-01-20T02:00:00Z'),
      })
      .returning({ id: monthlyReports.id });
    await approveReport(ctx, report!.id, { version: 0 });
    const after = await office.get(`/api/projects/${ids[started]!}`);
    expect(after.body.actualStartOn).toBe('2026-02-16');
  });
});
