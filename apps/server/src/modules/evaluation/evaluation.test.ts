import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows';
import { annualPlans, monthlyReports, projects, regions, users } from '../../db/schema';
import { demoPassword } from '../../demo/load-demo';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { createOrganisation } from '../organisations';
import {
  beijingMorning,
  insertTestProject,
  organisationId,
  systemTestCtx,
} from '../problems/problem-test-kit';
import { learnActualDatesFromReports } from '../projects';
import { createUser } from '../users';

/**
 * A test city of its own (测试市 350800) with three counties and hand-built Q3 2026 figures:
 * - 甲区: plans 1000 + 1000 (one planned to start, started 2026-07-10), 1800 completed = 90%,
 *   6 reports all on time, 1 problem solved.
 * - 乙区: plan 1000 (planned to start, not started), 400 completed = 40% (< 75% time progress),
 *   reports: July on time, August late, September missing; 2 problems, none solved.
 * - 丙县: plan 1000 (no start planned), 810 completed = 81%, 3 reports on time, no problem.
 */
let t: TestApp;
let schemeId: string;
let departmentProjects: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.db.insert(regions).values([
    { code: '350800', name: '测试市', level: 'city', parentCode: '350000', path: '350000.350800' },
    {
      code: '350801',
      name: '甲区',
      level: 'county',
      parentCode: '350800',
      path: '350000.350800.350801',
      sortOrder: 1,
    },
    {
      code: '350802',
      name: '乙区',
      level: 'county',
      parentCode: '350800',
      path: '350000.350800.350802',
      sortOrder: 2,
    },
    {
      code: '350803',
      name: '丙县',
      level: 'county',
      parentCode: '350800',
      path: '350000.350800.350803',
      sortOrder: 3,
    },
  ]);
  const ctx = systemTestCtx(t);
  const cityOffice = await createOrganisation(ctx, {
    name: '测试市重点项目建设办公室',
    kind: 'office',
    regionCode: '350800',
    sector: null,
    contactPerson: null,
    contactPhone: null,
  });
  const countyOffice = await createOrganisation(ctx, {
    name: '甲区重点项目建设办公室',
    kind: 'office',
    regionCode: '350801',
    sector: null,
    contactPerson: null,
    contactPhone: null,
  });
  for (const [username, organisation] of [
    ['cs_city', cityOffice.id],
    ['cs_county', countyOffice.id],
  ] as const)
    await createUser(ctx, {
      username,
      displayName: username,
      phone: null,
      organisationId: organisation,
      roles: ['office_staff'],
      password: demoPassword,
    });
  await t.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['cs_city', 'cs_county']));

  const owner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  const project = (regionCode: string) => insertTestProject(t, { regionCode, ownerOrganisationId: owner });
  const plan = (projectId: string, plansStart: boolean) =>
    t.db.insert(annualPlans).values({ projectId, year: 2026, plannedInvestmentWanYuan: '1000', plansStart });
  const report = (
    projectId: string,
    month: number,
    completed: string,
    options: { late?: boolean; startOn?: string } = {},
  ) =>
    t.db.insert(monthlyReports).values({
      projectId,
      year: 2026,
      month,
      completedWanYuan: completed,
      status: 'approved',
      dueOn: `2026-${String(month).padStart(2, '0')}-25`,
      submittedAt: beijingMorning(`2026-${String(month).padStart(2, '0')}-${options.late ? '28' : '20'}`),
      late: options.late ?? false,
      actualStartOn: options.startOn ?? null,
    });
  const problem = (projectId: string, regionCode: string, n: number, solvedOn: string | null) =>
    t.db.execute(sql`insert into problems (reference_number, project_id, region_code, region_path, category,
        description, channel, raised_by_name, raised_at, status, level, level_started_on, due_on, written_off_at)
      values (${`WT-2026-97000${n}`}, ${projectId}, ${regionCode}, ${`350000.350800.${regionCode}`}, '用地', '考评测试',
        'meeting', '测试', '2026-07-02T01:00:00Z', ${solvedOn ? 'written_off' : 'accepted'}, 1, '2026-07-02',
        '2026-07-09', ${solvedOn ? `${solvedOn}T01:00:00Z` : null})`);

  const [a1, a2, b1, c1] = [
    await project('350801'),
    await project('350801'),
    await project('350802'),
    await project('350803'),
  ];
  departmentProjects = [a1!, b1!];
  await plan(a1!, true);
  await plan(a2!, false);
  await plan(b1!, true);
  await plan(c1!, false);
  for (const month of [7, 8, 9]) {
    await report(a1!, month, '300', month === 7 ? { startOn: '2026-07-10' } : {});
    await report(a2!, month, '300');
    await report(c1!, month, '270');
  }
  await report(b1!, 7, '200');
  await learnActualDatesFromReports(t.db);
  await report(b1!, 8, '200', { late: true });
  await problem(a1!, '350801', 1, '2026-08-03');
  await problem(b1!, '350802', 2, null);
  await problem(b1!, '350802', 3, null);
  t.clock.set(beijingMorning('2026-10-15'));
}, 120_000);
afterAll(async () => t.close());

type Entry = {
  code: string;
  rank: number;
  total: string;
  list: string | null;
  isTargetMet: boolean;
  exemptionReason: string | null;
  isSparedByExemption: boolean;
  indicators: {
    key: string;
    numerator: string;
    denominator: string;
    percent: string | null;
    weight: string;
    points: string;
  }[];
};

describe('quarterly evaluation (赛马)', () => {
  it('refuses without a session, without the permission and outside the jurisdiction', async () => {
    expect((await t.call(null, 'GET', '/api/evaluation-schemes')).status).toBe(401);
    const owner = await t.as('owner1');
    expect((await owner.get('/api/evaluation-schemes')).status).toBe(403);
    const ningde = await t.as('ningde');
    const outside = await ningde.post('/api/evaluation-schemes', {
      regionCode: '350800',
      name: '测试',
      preset: 'standard',
    });
    expect(outside.status).toBe(404);
  });

  it('creates a scheme from the preset and refuses bad rules naming the field', async () => {
    const office = await t.as('cs_city');
    const bad = await office.post('/api/evaluation-schemes', {
      regionCode: '350800',
      name: '坏方案',
      rules: {
        indicators: [{ key: 'startRate', weight: '0' }],
        redTopN: 1,
        blackBottomM: 1,
        requireTimeProgress: true,
        passScore: null,
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('indicators.0.weight');
    const created = await office.post('/api/evaluation-schemes', {
      regionCode: '350800',
      name: '测试市季度考评',
      preset: 'standard',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ version: 1, canManage: true, regionName: '测试市' });
    schemeId = created.body.id;
  });

  it('ranks each region with its score broken into its inputs, and red/black lists follow the cut-offs', async () => {
    const office = await t.as('cs_city');
    const computed = await office.post(`/api/evaluation-schemes/${schemeId}/compute`, { quarter: '2026Q3' });
    expect(computed.status).toBe(200);
    expect(computed.body).toMatchObject({ entries: 3, run: { status: 'computed', schemeVersion: 1 } });
    const results = await office.get(`/api/evaluation-schemes/${schemeId}/results?quarter=2026Q3`);
    const entries = results.body.entries as Entry[];
    expect(entries.map((e) => [e.code, e.rank, e.total, e.isTargetMet, e.list])).toEqual([
      ['350801', 1, '96.00', true, 'red'],
      ['350803', 2, '82.40', true, 'red'],
      ['350802', 3, '21.00', false, 'black'],
    ]);
    const jia = entries[0]!;
    expect(jia.indicators).toEqual([
      expect.objectContaining({
        key: 'planCompletionRate',
        numerator: '1800',
        denominator: '2000',
        percent: '90.0',
        weight: '40',
        points: '36.00',
      }),
      expect.objectContaining({ key: 'startRate', numerator: '1', denominator: '1', points: '20.00' }),
      expect.objectContaining({ key: 'newStarts', numerator: '1', denominator: '1', points: '10.00' }),
      expect.objectContaining({
        key: 'problemResolution',
        numerator: '1',
        denominator: '1',
        points: '15.00',
      }),
      expect.objectContaining({
        key: 'reportingTimeliness',
        numerator: '6',
        denominator: '6',
        points: '15.00',
      }),
    ]);
    const yi = entries[2]!;
    expect(yi.indicators.map((i) => [i.key, i.numerator, i.denominator, i.percent, i.points])).toEqual([
      ['planCompletionRate', '400', '1000', '40.0', '16.00'],
      ['startRate', '0', '1', '0.0', '0.00'],
      ['newStarts', '0', '1', '0.0', '0.00'],
      ['problemResolution', '0', '2', '0.0', '0.00'],
      ['reportingTimeliness', '1', '3', '33.3', '5.00'],
    ]);
    const bing = entries[1]!;
    expect(bing.indicators.find((i) => i.key === 'problemResolution')).toMatchObject({
      percent: null,
      points: '15.00',
    });
  });

  it('re-computes idempotently and applies bonuses and exemptions with their reasons', async () => {
    const office = await t.as('cs_city');
    const bonus = await office.post(`/api/evaluation-schemes/${schemeId}/adjustments`, {
      quarter: '2026Q3',
      entityCode: '350803',
      kind: 'bonus',
      points: '15',
      reason: '承办全市三季度集中开工活动',
    });
    expect(bonus.status).toBe(200);
    const exempt = await office.post(`/api/evaluation-schemes/${schemeId}/adjustments`, {
      quarter: '2026Q3',
      entityCode: '350802',
      kind: 'exemption',
      points: null,
      reason: '台风“杜苏芮”不可抗力停工',
    });
    expect(exempt.status).toBe(200);
    const badPoints = await office.post(`/api/evaluation-schemes/${schemeId}/adjustments`, {
      quarter: '2026Q3',
      entityCode: '350802',
      kind: 'penalty',
      points: null,
      reason: '扣分',
    });
    expect(badPoints.status).toBe(400);
    expect(badPoints.body.error.details[0].path).toBe('points');
    await office.post(`/api/evaluation-schemes/${schemeId}/compute`, { quarter: '2026Q3' });
    await office.post(`/api/evaluation-schemes/${schemeId}/compute`, { quarter: '2026Q3' });
    const counted = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from evaluation_results r join evaluation_runs u on u.id = r.run_id
        where u.scheme_id = ${schemeId}`,
    );
    expect(Number(counted[0]?.n)).toBe(3);
    const entries = (await office.get(`/api/evaluation-schemes/${schemeId}/results?quarter=2026Q3`)).body
      .entries as Entry[];
    expect(entries.map((e) => [e.code, e.rank, e.total, e.list])).toEqual([
      ['350803', 1, '97.40', 'red'],
      ['350801', 2, '96.00', 'red'],
      ['350802', 3, '21.00', null],
    ]);
    expect(entries[2]).toMatchObject({
      exemptionReason: '台风“杜苏芮”不可抗力停工',
      isSparedByExemption: true,
    });
  });

  it('answers what a region needs for a rank', async () => {
    const office = await t.as('cs_city');
    const need = await office.get(
      `/api/evaluation-schemes/${schemeId}/what-it-takes?quarter=2026Q3&code=350801&rank=1`,
    );
    expect(need.status).toBe(200);
    expect(need.body).toMatchObject({ currentRank: 2, extraPoints: '1.40', thresholdTotal: '97.40' });
    // 36 + 1.4 = 37.4 of 40 points → 93.5% of 2000 万元 = 1870: 70 万元 more.
    expect(need.body.indicators.find((i: { key: string }) => i.key === 'planCompletionRate')).toMatchObject({
      isFeasible: true,
      neededPercent: '93.5',
      neededNumerator: '1870',
      extraNumerator: '70',
    });
    const bad = await office.get(
      `/api/evaluation-schemes/${schemeId}/what-it-takes?quarter=2026Q3&code=350801&rank=9`,
    );
    expect(bad.status).toBe(400);
  });

  it('deletes an adjustment of an open quarter, and only the scheme office may', async () => {
    const office = await t.as('cs_city');
    const added = await office.post(`/api/evaluation-schemes/${schemeId}/adjustments`, {
      quarter: '2026Q3',
      entityCode: '350801',
      kind: 'penalty',
      points: '0.5',
      reason: '录错的扣分',
    });
    expect(added.status).toBe(200);
    const county = await t.as('cs_county');
    expect(
      (await t.call(county.cookie, 'DELETE', `/api/evaluation-adjustments/${added.body.id}`)).status,
    ).toBe(404);
    expect(
      (await t.call(office.cookie, 'DELETE', `/api/evaluation-adjustments/${added.body.id}`)).status,
    ).toBe(200);
    const left = await office.get(`/api/evaluation-schemes/${schemeId}/adjustments?quarter=2026Q3`);
    expect(left.body.data.map((a: { reason: string }) => a.reason)).toEqual([
      '承办全市三季度集中开工活动',
      '台风“杜苏芮”不可抗力停工',
    ]);
  });

  it('lets a bonus name the 集中开竣工 event it is for, held within the quarter', async () => {
    const office = await t.as('cs_city');
    const event = await office.post('/api/campaign-events', {
      name: '二季度重大项目集中开工',
      heldOn: '2026-05-18',
      kind: 'start',
      level: 'city',
      mainVenue: '主会场',
    });
    expect(event.status).toBe(200);
    const adjust = (body: Record<string, unknown>) =>
      office.post(`/api/evaluation-schemes/${schemeId}/adjustments`, {
        quarter: '2026Q2',
        entityCode: '350801',
        kind: 'bonus',
        points: '2',
        reason: '承办全市二季度集中开工活动',
        ...body,
      });
    const bonus = await adjust({ campaignEventId: event.body.id });
    expect(bonus.status).toBe(200);
    expect(bonus.body.campaignEvent).toEqual({
      id: event.body.id,
      name: '二季度重大项目集中开工',
      heldOn: '2026-05-18',
    });
    const listed = await office.get(`/api/evaluation-schemes/${schemeId}/adjustments?quarter=2026Q2`);
    expect(
      listed.body.data.map((a: { campaignEvent: { name: string } | null }) => a.campaignEvent?.name),
    ).toEqual(['二季度重大项目集中开工']);
    const refusal = async (body: Record<string, unknown>) => {
      const response = await adjust(body);
      expect(response.status).toBe(400);
      return response.body.error.details[0];
    };
    expect(await refusal({ quarter: '2026Q3', campaignEventId: event.body.id })).toMatchObject({
      path: 'campaignEventId',
      message: '活动“二季度重大项目集中开工”于 2026-05-18 举行，不在 2026Q3 内',
    });
    expect(await refusal({ kind: 'penalty', campaignEventId: event.body.id })).toMatchObject({
      path: 'campaignEventId',
    });
    expect(await refusal({ campaignEventId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      path: 'campaignEventId',
      message: '关联的活动不存在或不在本辖区',
    });
    // Deleting the event leaves the bonus and its reason, without the link.
    expect(
      (await t.call(office.cookie, 'DELETE', `/api/campaign-events/${event.body.id}?version=0`)).status,
    ).toBe(200);
    const after = await office.get(`/api/evaluation-schemes/${schemeId}/adjustments?quarter=2026Q2`);
    expect(after.body.data).toMatchObject([{ reason: '承办全市二季度集中开工活动', campaignEvent: null }]);
    expect(
      (await t.call(office.cookie, 'DELETE', `/api/evaluation-adjustments/${bonus.body.id}`)).status,
    ).toBe(200);
  });

  it('shows a county only the published ranking, then freezes the quarter', async () => {
    const county = await t.as('cs_county');
    const before = await county.get(`/api/evaluation-schemes/${schemeId}/results?quarter=2026Q3`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ run: null, entries: [] });
    expect(
      (await county.post(`/api/evaluation-schemes/${schemeId}/compute`, { quarter: '2026Q3' })).status,
    ).toBe(404);
    const office = await t.as('cs_city');
    const published = await office.post(`/api/evaluation-schemes/${schemeId}/publish`, { quarter: '2026Q3' });
    expect(published.status).toBe(200);
    expect(published.body.run.status).toBe('published');
    const after = await county.get(`/api/evaluation-schemes/${schemeId}/results?quarter=2026Q3`);
    expect(after.body.entries).toHaveLength(3);
    expect(
      (await office.post(`/api/evaluation-schemes/${schemeId}/compute`, { quarter: '2026Q3' })).status,
    ).toBe(409);
    const frozen = await office.post(`/api/evaluation-schemes/${schemeId}/adjustments`, {
      quarter: '2026Q3',
      entityCode: '350801',
      kind: 'bonus',
      points: '1',
      reason: '迟到的加分',
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe('PERIOD_CLOSED');
    const ningde = await t.as('ningde');
    expect((await ningde.get(`/api/evaluation-schemes/${schemeId}/results?quarter=2026Q3`)).status).toBe(404);
  });

  it('bumps the scheme version on edit, keeps the published quarter and keeps history by quarter', async () => {
    const office = await t.as('cs_city');
    const scheme = (await office.get(`/api/evaluation-schemes/${schemeId}`)).body;
    const stale = await office.put(`/api/evaluation-schemes/${schemeId}`, {
      version: 0,
      name: scheme.name,
      rules: scheme.rules,
    });
    expect(stale.status).toBe(409);
    const edited = await office.put(`/api/evaluation-schemes/${schemeId}`, {
      version: 1,
      name: scheme.name,
      rules: { ...scheme.rules, redTopN: 1 },
    });
    expect(edited.body.version).toBe(2);
    const q2 = await office.post(`/api/evaluation-schemes/${schemeId}/compute`, { quarter: '2026Q2' });
    expect(q2.body.run.schemeVersion).toBe(2);
    const history = await office.get(`/api/evaluation-schemes/${schemeId}/history?year=2026`);
    expect(
      history.body.quarters.map((q: { quarter: string; status: string }) => [q.quarter, q.status]),
    ).toEqual([
      ['2026Q2', 'computed'],
      ['2026Q3', 'published'],
    ]);
    const q3 = (await office.get(`/api/evaluation-schemes/${schemeId}/results?quarter=2026Q3`)).body;
    expect(q3.run.schemeVersion).toBe(1);
    expect(q3.entries.filter((e: Entry) => e.list === 'red')).toHaveLength(2);
    const audit = await queryRows<{ action: string }>(
      t.db,
      // The scheme's own history; the refusals met on the way (access.*) are recorded beside it.
      sql`select action from audit_events where entity_id = ${schemeId} and action not like 'access.%' order by id`,
    );
    expect(audit.map((r) => r.action)).toEqual([
      'evaluation.manage',
      'evaluation.compute',
      'evaluation.adjust',
      'evaluation.adjust',
      'evaluation.compute',
      'evaluation.compute',
      'evaluation.adjust',
      'evaluation.adjust',
      'evaluation.adjust',
      'evaluation.adjust',
      'evaluation.publish',
      'evaluation.manage',
      'evaluation.compute',
    ]);
  });

  it('races the departments of a region by their projects when the scheme says so', async () => {
    const department = await createOrganisation(systemTestCtx(t), {
      name: '测试市住房和城乡建设局',
      kind: 'department',
      regionCode: '350800',
      sector: '住建',
      contactPerson: null,
      contactPhone: null,
    });
    await t.db
      .update(projects)
      .set({ responsibleDepartmentId: department.id })
      .where(inArray(projects.id, departmentProjects));
    const office = await t.as('cs_city');
    const created = await office.post('/api/evaluation-schemes', {
      regionCode: '350800',
      name: '测试市部门考评',
      entityKind: 'department',
      preset: 'standard',
    });
    expect(created.body).toMatchObject({
      entityKind: 'department',
      entities: [{ code: department.id, name: '测试市住房和城乡建设局' }],
    });
    await office.post(`/api/evaluation-schemes/${created.body.id}/compute`, { quarter: '2026Q3' });
    const results = await office.get(`/api/evaluation-schemes/${created.body.id}/results?quarter=2026Q3`);
    const [entry] = results.body.entries as Entry[];
    // 甲区's first project (900 of 1000, started, 3 reports on time) and 乙区's (400 of 1000, not started, 1 on time, 1 late, 1 missing).
    expect(entry!.indicators.map((i) => [i.key, i.numerator, i.denominator])).toEqual([
      ['planCompletionRate', '1300', '2000'],
      ['startRate', '1', '2'],
      ['newStarts', '1', '1'],
      ['problemResolution', '0', '0'],
      ['reportingTimeliness', '4', '6'],
    ]);
  });
});
