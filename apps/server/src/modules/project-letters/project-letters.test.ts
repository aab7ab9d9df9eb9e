import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  problemLetterSequences,
  projects,
  warningResults,
  warningRuleSets,
} from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let owner: Person;
let zhujian: Person;
let county: Person;
let otherCounty: Person;
let redId: string;
let greenId: string;
let ownerOrgId: string;
type Summary = {
  total: number;
  byKind: { reminder: number; supervision: number };
  bySubject: { problem: number; project: number };
};
let summaryBefore: Summary;

/** Marks a project's February 2026 colour under the first published rule set. */
async function colour(projectId: string, value: 'green' | 'red') {
  const [ruleSet] = await t.db.select({ id: warningRuleSets.id }).from(warningRuleSets).limit(1);
  const [project] = await t.db.select().from(projects).where(eq(projects.id, projectId));
  await t.db.insert(warningResults).values({
    ruleSetId: ruleSet!.id,
    projectId,
    regionPath: project!.regionPath,
    month: '2026-02',
    colour: value,
    computedAt: new Date('2026-03-01T00:00:00Z'),
  });
}

const reminderNumber = async () => {
  const [row] = await t.db
    .select({ n: problemLetterSequences.lastNumber })
    .from(problemLetterSequences)
    .where(
      and(
        eq(problemLetterSequences.regionCode, '350902'),
        eq(problemLetterSequences.kind, 'reminder'),
        eq(problemLetterSequences.year, 2026),
      ),
    );
  return row?.n ?? 0;
};

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.as('owner1');
  zhujian = await t.as('zhujian');
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  ownerOrgId = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  redId = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: ownerOrgId,
    name: '蕉城区滞后测试项目',
  });
  greenId = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: ownerOrgId,
    name: '蕉城区正常测试项目',
  });
  await colour(redId, 'red');
  await colour(greenId, 'green');
  summaryBefore = (await county.get('/api/letters/summary?year=2026')).body;
}, 120_000);
afterAll(async () => t.close());

const issue = (who: Person, id: string, over: Record<string, unknown> = {}) =>
  who.post(`/api/projects/${id}/letters`, {
    reason: 'red',
    demandedAction: '请报送赶超计划并落实专人推进',
    ...over,
  });

describe('letters on lagging projects', () => {
  it('refuses a project that is not lagging for the reason given, naming why', async () => {
    const green = await issue(county, greenId);
    expect(green.status).toBe(400);
    expect(green.body.error.message).toContain('预警为绿色，不是红色预警');
    expect(green.body.error.details[0].path).toBe('reason');
    const noPlan = await issue(county, greenId, { reason: 'behindSchedule' });
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.error.message).toContain('无 2026 年度投资计划');
    expect((await issue(county, greenId, { reason: 'milestoneOverdue' })).body.error.message).toContain(
      '没有逾期节点',
    );
    await t.db.update(projects).set({ startMonth: 1 }).where(eq(projects.id, greenId));
    // Planned to start in January, not started by February: a 提醒函 for 未开工 is due.
    const notStarted = await issue(county, greenId, { reason: 'notStarted', kind: 'supervision' });
    expect(notStarted.status).toBe(200);
    expect(notStarted.body.facts).toMatchObject({
      month: '2026-02',
      plannedStartMonth: '2026-01',
      actualStartOn: null,
    });
  });

  it('lets only an office over the project issue, keeps other counties out and checks the recipient', async () => {
    expect((await t.call(null, 'POST', `/api/projects/${redId}/letters`, {})).status).toBe(401);
    expect((await issue(owner, redId)).status).toBe(403);
    expect((await issue(otherCounty, redId)).status).toBe(404);
    expect((await otherCounty.get(`/api/projects/${redId}/letters`)).status).toBe(404);
    const stranger = await issue(county, redId, {
      recipientOrganisationId: await organisationId(t, '宁德市住房和城乡建设局'),
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details[0].path).toBe('recipientOrganisationId');
    expect((await owner.get(`/api/projects/${redId}/letters`)).body).toMatchObject({
      data: [],
      canIssue: false,
    });
  });

  it('issues a 提醒函 first, numbered in the problem letters’ series, with its facts, audited', async () => {
    const list = (await county.get(`/api/projects/${redId}/letters`)).body;
    expect(list).toMatchObject({ canIssue: true, nextKind: 'reminder' });
    expect(list.recipients[0].id).toBe(ownerOrgId);
    const before = await reminderNumber();
    const issued = await issue(county, redId);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      kind: 'reminder',
      serial: `提醒〔2026〕${before + 1}号`,
      status: 'issued',
      reason: 'red',
      recipientOrganisationId: ownerOrgId,
      issuerOrganisationName: '蕉城区重点项目建设办公室',
      // Monday 03-02 + 5 working days.
      replyDueOn: '2026-03-09',
      facts: { month: '2026-02', colour: 'red' },
      canMarkSent: true,
      canReply: false,
    });
    // The shared sequence moved: the next 提醒函 on a problem in 蕉城 takes the number after.
    expect(await reminderNumber()).toBe(before + 1);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'projectLetter.issue'), eq(auditEvents.entityId, redId)));
    expect(audit!.detail).toMatchObject({ serial: issued.body.serial, reason: 'red' });
    const second = await issue(county, redId, { reason: 'other', demandedAction: '请说明停工原因' });
    expect(second.body.kind).toBe('supervision');
  });

  it('is marked sent by the office and replied to by the owner unit only', async () => {
    const [letter] = (await county.get(`/api/projects/${redId}/letters`)).body.data;
    const early = await owner.post(`/api/project-letters/${letter.id}/reply`, {
      version: 0,
      reply: '已整改',
    });
    expect(early.status).toBe(409);
    expect((await owner.post(`/api/project-letters/${letter.id}/sent`, { version: 0 })).status).toBe(403);
    expect((await otherCounty.post(`/api/project-letters/${letter.id}/sent`, { version: 0 })).status).toBe(
      404,
    );
    const sent = await county.post(`/api/project-letters/${letter.id}/sent`, { version: 0 });
    expect(sent.body).toMatchObject({ status: 'sent', version: 1 });
    expect((await owner.get(`/api/projects/${redId}/letters`)).body.data[0].canReply).toBe(true);
    expect(
      (await zhujian.post(`/api/project-letters/${letter.id}/reply`, { version: 1, reply: 'x' })).status,
    ).toBe(404);
    const workbench = (await owner.get('/api/workbench')).body;
    const toReply = workbench.sections.find((s: { key: string }) => s.key === 'lettersToReply');
    expect(toReply.items.map((i: { id: string }) => i.id)).toContain(letter.id);
    const replied = await owner.post(`/api/project-letters/${letter.id}/reply`, {
      version: 1,
      reply: '已制定赶超计划，三月底前完成年度投资的 25%',
    });
    expect(replied.body).toMatchObject({ status: 'replied', repliedByName: '黄建华' });
    const actions = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, redId));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['projectLetter.issue', 'projectLetter.send', 'projectLetter.reply']),
    );
  });

  it('renders the letter as the same .docx every time, in 仿宋 with its serial and facts', async () => {
    const [letter] = (await county.get(`/api/projects/${redId}/letters`)).body.data;
    const get = (cookie: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/project-letters/${letter.id}/document.docx`,
        headers: { cookie },
      });
    const first = await get(county.cookie);
    expect(first.statusCode).toBe(200);
    expect((await get(owner.cookie)).rawPayload.equals(first.rawPayload)).toBe(true);
    expect((await get(otherCounty.cookie)).statusCode).toBe(404);
    const xml = await (await JSZip.loadAsync(first.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain(letter.serial);
    expect(xml).toContain('蕉城区滞后测试项目');
    expect(xml).toContain('红色预警');
  });

  it('lists both kinds of letters of my jurisdiction and counts them by kind, subject and month', async () => {
    const ledger = (await county.get('/api/letters?subject=project&from=2026-03-01&to=2026-03-31')).body.data;
    const mine = ledger.filter(
      (l: { projectId: string }) => l.projectId === redId || l.projectId === greenId,
    );
    expect(mine).toHaveLength(3);
    expect(mine.every((l: { link: string }) => l.link.startsWith('/projects/'))).toBe(true);
    expect(
      (await otherCounty.get('/api/letters?subject=project')).body.data.map(
        (l: { projectId: string }) => l.projectId,
      ),
    ).not.toContain(redId);
    const reminders = (await county.get('/api/letters?kind=reminder&recipient=蕉城区城市建设')).body.data;
    expect(reminders.every((l: { kind: string }) => l.kind === 'reminder')).toBe(true);
    expect(reminders.map((l: { projectId: string }) => l.projectId)).toContain(redId);

    const summary = (await county.get('/api/letters/summary?year=2026')).body;
    // By hand: three letters here — a 提醒函 (red), a 督办单 (other), a 督办单 (not started), all in March.
    expect(summary.bySubject.project - summaryBefore.bySubject.project).toBe(3);
    expect(summary.byKind.reminder - summaryBefore.byKind.reminder).toBe(1);
    expect(summary.byKind.supervision - summaryBefore.byKind.supervision).toBe(2);
    expect(summary.total - summaryBefore.total).toBe(3);
    expect(summary.byMonth.reduce((a: number, b: number) => a + b, 0)).toBe(summary.total);
    expect(summary.byQuarter[0]).toBe(summary.total);
    const all = (await county.get('/api/letters?from=2026-01-01&to=2026-12-31')).body.data;
    expect(summary.total).toBe(all.length);
    expect(summary.byKind.reminder).toBe(all.filter((l: { kind: string }) => l.kind === 'reminder').length);
  });
});
