import { and, desc, eq, ne } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans, auditEvents, monthlyReports, organisations, projects } from '../../db/schema';
import { clearPlansAndReports } from '../../testing/clear-plans-and-reports';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { keptFiguresOf } from './kept-figures';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['as']>>;
let owner1: Who;
let jiaocheng: Who;
let ningde: Who;
let fuan: Who;
let zhujian: Who;
let leader1: Who;
/** owner1's projects in 蕉城 (not dropped), each given a 2026 plan. */
let mine: {
  id: string;
  name: string;
  sector: string | null;
  totalInvestmentWanYuan: string;
  stage: string;
}[];
let housingProject: { id: string; name: string };
let otherSectorProject: { id: string; name: string };

/** Sets the test clock to a Beijing wall-clock time and logs everyone in afresh (sessions idle out). */
async function at(beijing: string) {
  t.clock.set(new Date(`${beijing}+08:00`));
  const who = await Promise.all(
    ['owner1', 'jiaocheng', 'ningde', 'fuan', 'zhujian', 'leader1'].map((u) => t.as(u)),
  );
  [owner1, jiaocheng, ningde, fuan, zhujian, leader1] = who as [Who, Who, Who, Who, Who, Who];
}

const draft = (fields: Record<string, unknown> = {}) => ({
  completedWanYuan: '1200',
  progress: '主体结构施工',
  actualStartOn: '2025-06-01',
  version: null,
  ...fields,
});

async function givePlan(projectId: string, prior = '3000') {
  await t.db
    .insert(annualPlans)
    .values({ projectId, year: 2026, plannedInvestmentWanYuan: '12000', priorCompletedWanYuan: prior })
    .onConflictDoNothing();
}

beforeAll(async () => {
  t = await createTestApp();
  // Start from no plans or reports (the demo carries both): these tests count every one they make.
  await clearPlansAndReports(t.db);
  await at('2026-04-20T10:00:00');
  const [org] = await t.db
    .select()
    .from(organisations)
    .where(eq(organisations.name, '宁德市蕉城区城市建设投资开发有限公司'));
  mine = await t.db
    .select({
      id: projects.id,
      name: projects.name,
      sector: projects.sector,
      totalInvestmentWanYuan: projects.totalInvestmentWanYuan,
      stage: projects.stage,
    })
    .from(projects)
    .where(and(eq(projects.ownerOrganisationId, org!.id), ne(projects.stage, 'dropped')))
    .orderBy(projects.name);
  expect(mine.length).toBeGreaterThanOrEqual(4);
  for (const p of mine) await givePlan(p.id);
  const [housing] = await t.db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(
      and(eq(projects.sector, '住建'), eq(projects.regionCode, '350981'), ne(projects.stage, 'dropped')),
    );
  const [other] = await t.db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(
      and(eq(projects.sector, '交通'), eq(projects.regionCode, '350981'), ne(projects.stage, 'dropped')),
    );
  housingProject = housing!;
  otherSectorProject = other!;
  await givePlan(housingProject.id);
  await givePlan(otherSectorProject.id);
});
afterAll(async () => t.close());

describe('reporting calendars', () => {
  it('shows the default rule with the next 12 deadlines, moved off days off', async () => {
    const view = await jiaocheng.get('/api/reporting-calendars/350902');
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      regionName: '蕉城区',
      source: 'default',
      rule: { deadlineKind: 'dayOfMonth', deadlineDay: 25, opensDaysBefore: 10, lateAllowed: true },
      version: null,
      canManage: true,
    });
    expect(view.body.upcoming).toHaveLength(12);
    // 25 April 2026 is a Saturday: due Monday the 27th.
    expect(view.body.upcoming[0]).toMatchObject({
      year: 2026,
      month: 4,
      dueOn: '2026-04-27',
      opensOn: '2026-04-17',
    });
    expect((await owner1.get('/api/reporting-calendars/350902')).status).toBe(200);
    expect((await fuan.get('/api/reporting-calendars/350902')).status).toBe(404);
  });

  it('lets the city set its rule, which its counties inherit; September 2026 falls due on 13 October', async () => {
    await at('2026-09-01T10:00:00');
    const set = await ningde.put('/api/reporting-calendars/350900', {
      deadlineKind: 'workingDaysAfterMonthEnd',
      deadlineWorkingDays: 5,
      opensDaysBefore: 10,
      lateAllowed: true,
      lateCloseDays: 30,
      blockingChecks: ['negativeAmount', 'sinceStartAboveTotal'],
      version: null,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ source: 'own', version: 0 });
    const county = await jiaocheng.get('/api/reporting-calendars/350902');
    expect(county.body).toMatchObject({
      source: 'inherited',
      inheritedFrom: { code: '350900' },
      canManage: true,
    });
    expect(county.body.upcoming.find((p: { month: number }) => p.month === 9)).toMatchObject({
      dueOn: '2026-10-13',
      closesOn: '2026-11-12',
    });
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'reportingCalendar.set'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit?.changes).toMatchObject({
      deadlineKind: { before: null, after: 'workingDaysAfterMonthEnd' },
    });

    const stale = await ningde.put('/api/reporting-calendars/350900', {
      deadlineKind: 'dayOfMonth',
      deadlineDay: 20,
      opensDaysBefore: 5,
      lateAllowed: true,
      version: null,
    });
    expect(stale.status).toBe(409);
    const removed = await t.call(ningde.cookie, 'DELETE', '/api/reporting-calendars/350900?version=0');
    expect(removed.body).toMatchObject({ source: 'default' });
    await at('2026-04-20T10:00:00');
  });

  it('refuses an incomplete rule naming the field, other jurisdictions and people without the permission', async () => {
    const incomplete = await jiaocheng.put('/api/reporting-calendars/350902', {
      deadlineKind: 'dayOfMonth',
      opensDaysBefore: 10,
      lateAllowed: false,
      lateCloseDays: 3,
      version: null,
    });
    expect(incomplete.status).toBe(400);
    const paths = incomplete.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['deadlineDay', 'lateCloseDays']));
    const rule = {
      deadlineKind: 'dayOfMonth',
      deadlineDay: 25,
      opensDaysBefore: 10,
      lateAllowed: true,
      version: null,
    };
    expect((await jiaocheng.put('/api/reporting-calendars/350900', rule)).status).toBe(404);
    expect((await fuan.put('/api/reporting-calendars/350902', rule)).status).toBe(404);
    expect((await owner1.put('/api/reporting-calendars/350902', rule)).status).toBe(403);
  });
});

describe('monthly report review', () => {
  let reportId: string;
  let version: number;
  const p = () => mine[0]!;

  it('owner1 drafts a month: only the month is typed, year-to-date and since-start are computed', async () => {
    const saved = await owner1.put(`/api/projects/${p().id}/reports/2026/4`, draft());
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      status: 'draft',
      completedWanYuan: '1200',
      ytdWanYuan: '1200',
      sinceStartWanYuan: '4200',
      dueOn: '2026-04-27',
      abilities: { canEdit: true, canSubmit: true, canReview: false },
    });
    reportId = saved.body.id;
    version = saved.body.version;
    const again = await owner1.put(`/api/projects/${p().id}/reports/2026/4`, draft());
    expect(again.status).toBe(409);
  });

  it('refuses a future month and a project without a plan', async () => {
    expect((await owner1.put(`/api/projects/${p().id}/reports/2026/5`, draft())).status).toBe(400);
    const notMine = await owner1.put(`/api/projects/${housingProject.id}/reports/2026/4`, draft());
    expect(notMine.status).toBe(404);
  });

  it('owner1 submits; outside the jurisdiction the report does not exist', async () => {
    const submitted = await owner1.post(`/api/monthly-reports/${reportId}/submit`, { version });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', late: false });
    expect(submitted.body.events.map((e: { action: string }) => e.action)).toEqual(['submitted']);
    version = submitted.body.version;
    expect((await fuan.get(`/api/monthly-reports/${reportId}`)).status).toBe(404);
    expect((await fuan.post(`/api/monthly-reports/${reportId}/approve`, { version })).status).toBe(404);
    expect((await leader1.post(`/api/monthly-reports/${reportId}/approve`, { version })).status).toBe(403);
    const queue = await jiaocheng.get('/api/monthly-reports/review-queue');
    expect(queue.body.data.map((r: { id: string }) => r.id)).toContain(reportId);
    expect(
      (await fuan.get('/api/monthly-reports/review-queue')).body.data.map((r: { id: string }) => r.id),
    ).not.toContain(reportId);
  });

  it('jiaocheng returns it with a reason; owner1 fixes and resubmits', async () => {
    const noReason = await jiaocheng.post(`/api/monthly-reports/${reportId}/return`, {
      reason: ' ',
      version,
    });
    expect(noReason.status).toBe(400);
    const returned = await jiaocheng.post(`/api/monthly-reports/${reportId}/return`, {
      reason: '完成投资与形象进度不符，请核实',
      version,
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnReason: '完成投资与形象进度不符，请核实',
    });
    expect(returned.body.abilities.canEdit).toBe(false);
    const fixed = await owner1.put(`/api/projects/${p().id}/reports/2026/4`, {
      ...draft({ completedWanYuan: '1100', progress: '主体结构施工至第 6 层' }),
      version: returned.body.version,
    });
    expect(fixed.body).toMatchObject({ status: 'returned', completedWanYuan: '1100' });
    const resubmitted = await owner1.post(`/api/monthly-reports/${reportId}/submit`, {
      version: fixed.body.version,
    });
    expect(resubmitted.body.status).toBe('submitted');
    expect(
      resubmitted.body.events.map((e: { action: string; reason: string | null }) => [e.action, e.reason]),
    ).toEqual([
      ['submitted', null],
      ['returned', '完成投资与形象进度不符，请核实'],
      ['submitted', null],
    ]);
    version = resubmitted.body.version;
  });

  it('approving is versioned and locks the report against the owner', async () => {
    expect(
      (await jiaocheng.post(`/api/monthly-reports/${reportId}/approve`, { version: version - 1 })).status,
    ).toBe(409);
    const approved = await jiaocheng.post(`/api/monthly-reports/${reportId}/approve`, { version });
    expect(approved.body).toMatchObject({
      status: 'approved',
      reviewedByName: '陈思远',
    });
    version = approved.body.version;
    const edit = await owner1.put(`/api/projects/${p().id}/reports/2026/4`, { ...draft(), version });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('INVALID_TRANSITION');
    expect((await owner1.post(`/api/monthly-reports/${reportId}/submit`, { version })).body.error.code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('the office corrects an approved report with a reason, audited with before and after', async () => {
    const correction = {
      ...draft({ completedWanYuan: '1000', progress: '主体结构施工至第 6 层' }),
      reason: '统计口径调整',
    };
    expect(
      (await owner1.post(`/api/monthly-reports/${reportId}/correction`, { ...correction, version })).status,
    ).toBe(403);
    expect(
      (
        await jiaocheng.post(`/api/monthly-reports/${reportId}/correction`, {
          ...correction,
          reason: '',
          version,
        })
      ).status,
    ).toBe(400);
    const corrected = await jiaocheng.post(`/api/monthly-reports/${reportId}/correction`, {
      ...correction,
      version,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ status: 'approved', completedWanYuan: '1000' });
    expect(corrected.body.events.at(-1)).toMatchObject({ action: 'corrected', reason: '统计口径调整' });
    expect(corrected.body.findings.map((f: { check: string }) => f.check)).toContain('ytdDecrease');
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'report.correct'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit).toMatchObject({
      entityId: p().id,
      changes: { completedWanYuan: { before: '1100', after: '1000' } },
      detail: { reportId, reason: '统计口径调整' },
    });
    // The kept rollup followed the approval and the correction in their own transactions.
    const kept = await keptFiguresOf(t.db, p().id, 2026);
    expect(kept?.approved.map((v) => Number(v))).toEqual([0, 0, 0, 1000, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Number(kept?.ytdTotal)).toBe(1000);
    expect(kept?.ytdRate).toBe('0.083333');
  });
});

describe('windows, late reports and checks', () => {
  const q = () => mine[1]!;
  const r = () => mine[2]!;

  async function draftAndSubmit(projectId: string, month: number, fields: Record<string, unknown> = {}) {
    const saved = await owner1.put(`/api/projects/${projectId}/reports/2026/${month}`, draft(fields));
    expect(saved.status).toBe(200);
    return owner1.post(`/api/monthly-reports/${saved.body.id}/submit`, { version: saved.body.version });
  }

  it('refuses a late report when the calendar allows none, and marks it late when allowed', async () => {
    const rule = { deadlineKind: 'dayOfMonth', deadlineDay: 25, opensDaysBefore: 10, version: null };
    const strict = await jiaocheng.put('/api/reporting-calendars/350902', { ...rule, lateAllowed: false });
    expect(strict.status).toBe(200);
    const refused = await draftAndSubmit(q().id, 3);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'PERIOD_CLOSED' });
    await jiaocheng.put('/api/reporting-calendars/350902', { ...rule, lateAllowed: true, version: 0 });
    const form = await owner1.get(`/api/projects/${q().id}/reports/2026/3/form`);
    expect(form.body.window).toMatchObject({ dueOn: '2026-03-25', state: 'late' });
    const late = await owner1.post(`/api/monthly-reports/${form.body.report.id}/submit`, {
      version: form.body.report.version,
    });
    expect(late.body).toMatchObject({ status: 'submitted', late: true, dueOn: '2026-03-25' });
  });

  it('refuses a submission before the window opens', async () => {
    const view = await jiaocheng.get('/api/reporting-calendars/350902');
    await jiaocheng.put('/api/reporting-calendars/350902', {
      deadlineKind: 'dayOfMonth',
      deadlineDay: 30,
      opensDaysBefore: 3,
      lateAllowed: true,
      version: view.body.version,
    });
    const early = await draftAndSubmit(r().id, 4);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'PERIOD_CLOSED' });
    expect(early.body.error.message).toBe('2026 年 4 月月报的填报期尚未开始，4 月 27 日起可报送');
    const form = await owner1.get(`/api/projects/${r().id}/reports/2026/4/form`);
    expect(form.body.window).toMatchObject({ state: 'notOpen', opensOn: '2026-04-27' });
    expect(form.body.report.status).toBe('draft');
    const back = await jiaocheng.get('/api/reporting-calendars/350902');
    await t.call(jiaocheng.cookie, 'DELETE', `/api/reporting-calendars/350902?version=${back.body.version}`);
  });

  it('blocking findings refuse with their messages; warnings are stored', async () => {
    const saved = await owner1.put(`/api/projects/${r().id}/reports/2026/2`, draft());
    expect(saved.status).toBe(200);
    const form = await owner1.get(`/api/projects/${r().id}/reports/2026/2/form`);
    const over = await owner1.put(`/api/projects/${r().id}/reports/2026/2`, {
      ...draft({ completedWanYuan: r().totalInvestmentWanYuan }),
      version: form.body.report.version,
    });
    const refused = await owner1.post(`/api/monthly-reports/${over.body.id}/submit`, {
      version: over.body.version,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(['sinceStartAboveTotal']);
    const ok = await owner1.put(`/api/projects/${r().id}/reports/2026/2`, {
      ...draft({ completedWanYuan: '900', actualStartOn: null }),
      version: over.body.version,
    });
    const submitted = await owner1.post(`/api/monthly-reports/${ok.body.id}/submit`, {
      version: ok.body.version,
    });
    expect(submitted.status).toBe(200);
    if (['started', 'underway', 'completed', 'operating'].includes(r().stage))
      expect(submitted.body.findings).toEqual([
        expect.objectContaining({
          check: 'startedWithoutDate',
          severity: 'warn',
          message: expect.any(String),
        }),
      ]);
  });

  it('refuses a negative or missing amount at the field before anything is stored', async () => {
    const month = `/api/projects/${r().id}/reports/2026/1`;
    const negative = await owner1.put(month, draft({ completedWanYuan: '-5' }));
    expect(negative.status).toBe(400);
    expect(negative.body.error.message).toBe('本月完成投资不能为负数');
    expect(negative.body.error.details).toEqual([
      { path: 'completedWanYuan', message: '本月完成投资不能为负数' },
    ]);
    const missing = await owner1.put(month, draft({ completedWanYuan: '' }));
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('completedWanYuan');
    expect((await owner1.get(`${month}/form`)).body.report).toBeNull();
  });

  it('refuses 已入统 without the 入统 amount, on save and on submit', async () => {
    const month = `/api/projects/${r().id}/reports/2026/1`;
    const refused = await owner1.put(month, draft({ inStatistics: true, statisticsWanYuan: null }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { path: 'statisticsWanYuan', message: '已入统的月报须填写入统金额（万元）' },
    ]);
    const saved = await owner1.put(month, draft({ inStatistics: true, statisticsWanYuan: '1100' }));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ inStatistics: true, statisticsWanYuan: '1100' });
    const submit = await owner1.post(`/api/monthly-reports/${saved.body.id}/submit`, {
      version: saved.body.version,
      fields: { ...draft({ inStatistics: true, statisticsWanYuan: null }), version: undefined },
    });
    expect(submit.status).toBe(400);
    expect(submit.body.error.details[0].path).toBe('statisticsWanYuan');
  });

  it('a refused submission with fields leaves the saved draft untouched; an accepted one stores them', async () => {
    const p = mine[3]!;
    const saved = await owner1.put(
      `/api/projects/${p.id}/reports/2026/2`,
      draft({ completedWanYuan: '800' }),
    );
    expect(saved.status).toBe(200);
    const stored = async () => {
      const [row] = await t.db.select().from(monthlyReports).where(eq(monthlyReports.id, saved.body.id));
      return row!;
    };
    const before = await stored();
    const { version: _v, ...fields } = draft();
    for (const bad of [
      { ...fields, completedWanYuan: '-5' },
      { ...fields, completedWanYuan: p.totalInvestmentWanYuan },
      { ...fields, inStatistics: true },
    ]) {
      const refused = await owner1.post(`/api/monthly-reports/${saved.body.id}/submit`, {
        version: saved.body.version,
        fields: bad,
      });
      expect(refused.status).toBe(400);
      expect(await stored()).toEqual(before);
    }
    const accepted = await owner1.post(`/api/monthly-reports/${saved.body.id}/submit`, {
      version: saved.body.version,
      fields: { ...fields, completedWanYuan: '950', progress: '主体结构施工至 8 层' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'submitted',
      completedWanYuan: '950',
      progress: '主体结构施工至 8 层',
    });
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, p.id))
      .orderBy(desc(auditEvents.id))
      .limit(2);
    expect(audits.map((a) => a.action)).toEqual(['report.submit', 'report.save']);
    expect(audits[1]!.changes).toMatchObject({ completedWanYuan: { before: '800', after: '950' } });
  });

  it('a warning becomes blocking when the calendar says so', async () => {
    await jiaocheng.put('/api/reporting-calendars/350902', {
      deadlineKind: 'dayOfMonth',
      deadlineDay: 25,
      opensDaysBefore: 10,
      lateAllowed: true,
      blockingChecks: ['progressUnchanged'],
      version: null,
    });
    const first = await draftAndSubmit(mine[3]!.id, 3, { progress: '场地平整' });
    expect(first.status).toBe(200);
    const copied = await draftAndSubmit(mine[3]!.id, 4, { progress: '场地平整' });
    expect(copied.status).toBe(400);
    expect(copied.body.error.message).toBe('形象进度与上月完全相同，请填写本月实际进展');
    const view = await jiaocheng.get('/api/reporting-calendars/350902');
    await t.call(jiaocheng.cookie, 'DELETE', `/api/reporting-calendars/350902?version=${view.body.version}`);
  });
});

describe('figures, boards and departments', () => {
  it('computes year-to-date and since-start from approved months only', async () => {
    const p = mine[0]!;
    for (const [month, amount] of [
      [1, '500.5'],
      [2, '700'],
    ] as const) {
      const saved = await owner1.put(
        `/api/projects/${p.id}/reports/2026/${month}`,
        draft({ completedWanYuan: amount }),
      );
      const sub = await owner1.post(`/api/monthly-reports/${saved.body.id}/submit`, {
        version: saved.body.version,
      });
      if (month === 1)
        await jiaocheng.post(`/api/monthly-reports/${saved.body.id}/approve`, { version: sub.body.version });
    }
    const year = await owner1.get(`/api/projects/${p.id}/reports?year=2026`);
    expect(year.status).toBe(200);
    const months = year.body.months.map(
      (m: { month: number; ytdApprovedWanYuan: string; report: { ytdWanYuan: string } | null }) => [
        m.month,
        m.ytdApprovedWanYuan,
        m.report?.ytdWanYuan ?? null,
      ],
    );
    // February is submitted but not approved: it does not count; April (approved, corrected to 1000) does.
    expect(months).toEqual([
      [1, '500.5', '500.5'],
      [2, '500.5', '1200.5'],
      [3, '500.5', null],
      [4, '1500.5', '1500.5'],
    ]);
    expect(year.body.months[3].sinceStartApprovedWanYuan).toBe('4500.5');
    expect(year.body.months[2].isMissing).toBe(true);
    const form = await owner1.get(`/api/projects/${p.id}/reports/2026/5/form`);
    expect(form.body).toMatchObject({
      ytdBeforeWanYuan: '1500.5',
      sinceStartBeforeWanYuan: '4500.5',
      report: null,
    });
    expect(form.body.lastMonthProgress).toBe('主体结构施工至第 6 层');
  });

  it('the status board counts due, late and missing reports in the subtree', async () => {
    const board = await jiaocheng.get('/api/monthly-reports/status-board?year=2026&month=3&pageSize=200');
    expect(board.status).toBe(200);
    const rows = board.body.data as { projectId: string; status: string; late: boolean; missing: boolean }[];
    expect(board.body.counts.due).toBe(mine.length);
    expect(rows.find((row) => row.projectId === mine[1]!.id)).toMatchObject({
      status: 'submitted',
      late: true,
      missing: false,
    });
    expect(rows.find((row) => row.projectId === mine[0]!.id)).toMatchObject({
      status: 'absent',
      missing: true,
    });
    // mine[1] was submitted late; mine[3]'s March went in on 20 April too.
    expect(board.body.counts.late).toBe(2);
    expect(board.body.counts.missing).toBe(rows.filter((row) => row.missing).length);
    expect(board.body.counts.missing).toBe(mine.length - 2);
    const missingOnly = await jiaocheng.get(
      '/api/monthly-reports/status-board?year=2026&month=3&status=missing',
    );
    expect(missingOnly.body.page.total).toBe(board.body.counts.missing);
    const city = await ningde.get('/api/monthly-reports/status-board?year=2026&month=3&regionCode=350902');
    expect(city.body.counts).toEqual(board.body.counts);
    expect(
      (await fuan.get('/api/monthly-reports/status-board?year=2026&month=3&regionCode=350902')).status,
    ).toBe(404);
  });

  it('a department reviews the reports of its sector only', async () => {
    // Projects outside owner1's unit have no owner account in the demo: their submitted reports are data.
    const db = t.db;
    const [housing] = await db
      .insert(monthlyReports)
      .values({
        projectId: housingProject.id,
        year: 2026,
        month: 3,
        completedWanYuan: '10',
        status: 'submitted',
        dueOn: '2026-03-25',
        submittedAt: new Date(),
      })
      .returning();
    const [other] = await db
      .insert(monthlyReports)
      .values({
        projectId: otherSectorProject.id,
        year: 2026,
        month: 3,
        completedWanYuan: '10',
        status: 'submitted',
        dueOn: '2026-03-25',
        submittedAt: new Date(),
      })
      .returning();
    const queue = (await zhujian.get('/api/monthly-reports/review-queue?pageSize=200')).body.data.map(
      (row: { id: string }) => row.id,
    );
    expect(queue).toContain(housing!.id);
    expect(queue).not.toContain(other!.id);
    expect((await zhujian.post(`/api/monthly-reports/${other!.id}/approve`, { version: 0 })).status).toBe(
      404,
    );
    const approved = await zhujian.post(`/api/monthly-reports/${housing!.id}/approve`, { version: 0 });
    expect(approved.body).toMatchObject({ status: 'approved', reviewedByName: '何文斌' });
  });
});

describe('report photos', () => {
  it('stores site photos on a draft as project files and refuses documents and locked reports', async () => {
    const p = mine[0]!;
    const saved = await owner1.put(`/api/projects/${p.id}/reports/2026/3`, draft());
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#889900' } })
      .jpeg()
      .toBuffer();
    const upload = (id: string, name: string, bytes: Buffer) => {
      const boundary = '----report-photo';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/api/monthly-reports/${id}/photos`,
        payload,
        headers: { cookie: owner1.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const ok = await upload(saved.body.id, '现场.jpg', jpeg);
    expect(ok.statusCode).toBe(200);
    const report = await owner1.get(`/api/monthly-reports/${saved.body.id}`);
    expect(report.body.photos).toEqual([
      expect.objectContaining({ kind: 'photo', originalName: '现场.jpg' }),
    ]);
    const files = await owner1.get(`/api/projects/${p.id}/files`);
    expect(files.body.data.map((f: { originalName: string }) => f.originalName)).toContain('现场.jpg');
    const pdf = await upload(saved.body.id, 'a.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.details[0].issue).toBe('file.notAllowedHere');
    const photoId = report.body.photos[0].id;
    const submitted = await owner1.post(`/api/monthly-reports/${saved.body.id}/submit`, {
      version: report.body.version,
    });
    expect(submitted.status).toBe(200);
    const locked = await t.call(owner1.cookie, 'DELETE', `/api/projects/${p.id}/files/${photoId}`);
    expect(locked.status).toBe(409);
    const approvedId = (await owner1.get(`/api/projects/${p.id}/reports?year=2026`)).body.months[3].report.id;
    expect((await upload(approvedId, 'late.jpg', jpeg)).statusCode).toBe(409);
  });
});

describe('role × action × jurisdiction', () => {
  /** r1: owner1's project in 蕉城; r2: a 住建 project in 福安. A stale version probes access without changing anything. */
  let r1: string;
  let r2: string;
  beforeAll(async () => {
    const insert = (projectId: string) =>
      t.db
        .insert(monthlyReports)
        .values({
          projectId,
          year: 2025,
          month: 12,
          completedWanYuan: '10',
          status: 'submitted',
          dueOn: '2025-12-25',
        })
        .returning();
    const nonHousing = mine.find((p) => p.sector !== '住建') ?? mine[2]!;
    r1 = (await insert(nonHousing.id))[0]!.id;
    r2 = (await insert(housingProject.id))[0]!.id;
  });

  // [account, approve r1, approve r2, correct r1, correct r2, submit r1, submit r2]
  it.each([
    ['admin', 403, 403, 403, 403, 403, 403],
    ['security', 403, 403, 403, 403, 403, 403],
    ['auditor', 403, 403, 403, 403, 403, 403],
    ['ningde', 409, 409, 409, 409, 403, 403],
    ['jiaocheng', 409, 404, 409, 404, 403, 403],
    ['fuan', 404, 409, 404, 409, 403, 403],
    ['zhujian', 404, 409, 403, 403, 403, 403],
    ['owner1', 403, 403, 403, 403, 409, 404],
    ['leader1', 403, 403, 403, 403, 403, 403],
    ['officer1', 403, 403, 403, 403, 403, 403],
    ['supervisor', 403, 403, 403, 403, 403, 403],
  ])('%s: approve %i/%i, correct %i/%i, submit %i/%i', async (username, ...expected) => {
    const who = await t.as(username);
    const stale = { version: 99 };
    const correction = { ...draft(), reason: '核对', version: 99 };
    const statuses = [
      (await who.post(`/api/monthly-reports/${r1}/approve`, stale)).status,
      (await who.post(`/api/monthly-reports/${r2}/approve`, stale)).status,
      (await who.post(`/api/monthly-reports/${r1}/correction`, correction)).status,
      (await who.post(`/api/monthly-reports/${r2}/correction`, correction)).status,
      (await who.post(`/api/monthly-reports/${r1}/submit`, stale)).status,
      (await who.post(`/api/monthly-reports/${r2}/submit`, stale)).status,
    ];
    expect(statuses).toEqual(expected);
  });
});
