import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let owner: Person;
let zhujian: Person;
let county: Person;
let otherCounty: Person;
let supervisor: Person;
let problemId: string;
let problemVersion: number;
let freshId: string;

/** Logs everyone in afresh at a clock time (a moved clock would expire older sessions). */
async function at(date: string) {
  t.clock.set(beijingMorning(date));
  owner = await t.as('owner1');
  zhujian = await t.as('zhujian');
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  supervisor = await t.as('supervisor');
}

beforeAll(async () => {
  t = await createTestApp();
  await at('2026-03-02');
  const city = await t.as('ningde');
  const housing = await organisationId(t, '宁德市住房和城乡建设局');
  const project = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    sector: '住建',
    name: '蕉城区督办测试项目',
  });
  expect(
    (
      await city.post('/api/problem-routing-rules', {
        regionCode: '350902',
        category: '审批',
        departmentId: housing,
        limitWorkingDays: 3,
      })
    ).status,
  ).toBe(200);
  const raise = async () => {
    const raised = await owner.post('/api/problems', {
      projectId: project,
      category: '审批',
      description: '施工许可证办理受阻，消防设计审查意见迟迟未出',
      request: '请协调住建部门尽快出具审查意见',
    });
    expect(raised.status).toBe(200);
    return raised.body;
  };
  const raised = await raise();
  problemId = raised.id;
  problemVersion = raised.version;
  expect(raised.dueOn).toBe('2026-03-05');
  freshId = (await raise()).id;
}, 120_000);
afterAll(async () => t.close());

const issue = (who: Person, over: Record<string, unknown> = {}, id = problemId) =>
  who.post(`/api/problems/${id}/letters`, { demandedAction: '请于限期内出具消防设计审查意见', ...over });

async function download(cookie: string, letterId: string, id = problemId) {
  return t.app.inject({
    method: 'GET',
    url: `/api/problems/${id}/letters/${letterId}/document.docx`,
    headers: { cookie },
  });
}

describe('supervision letters', () => {
  it('refuses a letter before the problem is overdue', async () => {
    const early = await issue(county);
    expect(early.status).toBe(400);
    expect(early.body.error.details[0].path).toBe('dueOn');
  });

  it('lets only the office issue one, checks the fields and keeps other counties out', async () => {
    await at('2026-03-09');
    expect((await t.call(null, 'POST', `/api/problems/${problemId}/letters`, {})).status).toBe(401);
    expect((await issue(owner)).status).toBe(403);
    expect((await issue(zhujian)).status).toBe(403);
    expect((await issue(otherCounty)).status).toBe(404);
    expect((await otherCounty.get(`/api/problems/${problemId}/letters`)).status).toBe(404);
    const blank = await issue(county, { demandedAction: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.map((d: { path: string }) => d.path)).toContain('demandedAction');
    const tooLong = await issue(county, { replyWorkingDays: 31 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.map((d: { path: string }) => d.path)).toContain('replyWorkingDays');
    expect((await issue(county, { extra: 1 })).status).toBe(400);
    expect((await county.get(`/api/problems/${problemId}/letters`)).body.data).toEqual([]);
  });

  it('issues a 提醒函 first, numbered per jurisdiction, with the reply date in working days, on the timeline and audited', async () => {
    const listBefore = (await county.get(`/api/problems/${problemId}/letters`)).body;
    expect(listBefore).toMatchObject({ canIssue: true, nextKind: 'reminder' });
    const issued = await issue(county);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      kind: 'reminder',
      status: 'issued',
      issuerOrganisationName: '蕉城区重点项目建设办公室',
      recipientOrganisationName: '宁德市住房和城乡建设局',
      originalDueOn: '2026-03-05',
      daysOverdue: 4,
      // Monday 03-09 + 5 working days.
      replyDueOn: '2026-03-16',
      issuedByName: '陈思远',
      canMarkSent: true,
      canReply: false,
    });
    expect(issued.body.serial).toMatch(/^提醒〔2026〕\d+号$/);
    const detail = (await county.get(`/api/problems/${problemId}`)).body;
    expect(detail.events.at(-1)).toMatchObject({ action: 'issueLetter', toStatus: detail.status });
    expect(detail.events.at(-1).note).toContain(issued.body.serial);
    expect(detail.version).toBe(problemVersion);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'problemLetter.issue')));
    expect(audits.some((a) => (a.detail as { letterId?: string }).letterId === issued.body.id)).toBe(true);

    const second = await issue(county, { replyWorkingDays: 3 });
    expect(second.body.kind).toBe('supervision');
    expect(second.body.serial).toMatch(/^督办〔2026〕\d+号$/);
    const third = await issue(county, { kind: 'reminder' });
    const n = (serial: string) => Number(/〕(\d+)号/.exec(serial)![1]);
    expect(n(third.body.serial)).toBe(n(issued.body.serial) + 1);
  });

  it('goes issued → sent → replied: the office marks it sent, the handler replies, nobody else', async () => {
    const [letter] = (await county.get(`/api/problems/${problemId}/letters`)).body.data;
    const url = `/api/problems/${problemId}/letters/${letter.id}`;
    const early = await zhujian.post(`${url}/reply`, { version: 0, reply: '已安排' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_TRANSITION');
    expect((await zhujian.post(`${url}/sent`, { version: 0 })).status).toBe(403);
    expect((await county.post(`${url}/sent`, { version: 5 })).status).toBe(409);
    const sent = await county.post(`${url}/sent`, { version: 0 });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', canMarkSent: false, version: 1 });
    expect(sent.body.sentAt).not.toBeNull();
    expect((await county.post(`${url}/sent`, { version: 1 })).body.error.code).toBe('INVALID_TRANSITION');
    expect((await county.post(`${url}/reply`, { version: 1, reply: '代答' })).status).toBe(403);
    expect((await owner.post(`${url}/reply`, { version: 1, reply: '代答' })).status).toBe(403);
    expect((await zhujian.post(`${url}/reply`, { version: 1, reply: '' })).status).toBe(400);
    const handlerView = (await zhujian.get(`/api/problems/${problemId}/letters`)).body;
    expect(handlerView.canIssue).toBe(false);
    expect(handlerView.data[0].canReply).toBe(true);
    const replied = await zhujian.post(`${url}/reply`, {
      version: 1,
      reply: '已约谈审查机构，3 月 13 日前出具意见',
    });
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({
      status: 'replied',
      replyText: '已约谈审查机构，3 月 13 日前出具意见',
      repliedByName: '何文斌',
      canReply: false,
    });
    const actions = (await owner.get(`/api/problems/${problemId}`)).body.events.map(
      (e: { action: string }) => e.action,
    );
    expect(actions.filter((a: string) => a.endsWith('Letter'))).toEqual([
      'issueLetter',
      'issueLetter',
      'issueLetter',
      'sendLetter',
      'replyLetter',
    ]);
    const supervisorView = (await supervisor.get(`/api/problems/${problemId}/letters`)).body;
    expect(supervisorView.data).toHaveLength(3);
    expect(supervisorView.canIssue).toBe(false);
  });

  it('downloads a .docx naming the recipient, serial and problem, the same bytes every time', async () => {
    const [letter] = (await county.get(`/api/problems/${problemId}/letters`)).body.data;
    const first = await download(zhujian.cookie, letter.id);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('wordprocessingml');
    expect(first.headers['content-disposition']).toContain('attachment');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    const zip = await JSZip.loadAsync(first.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const text of [
      '宁德市住房和城乡建设局',
      letter.serial,
      '施工许可证办理受阻，消防设计审查意见迟迟未出',
      '请于限期内出具消防设计审查意见',
      '蕉城区督办测试项目',
      '2026年3月16日',
      '蕉城区重点项目建设办公室',
    ])
      expect(xml).toContain(text);
    await at('2026-06-01');
    const later = await download(county.cookie, letter.id);
    expect(Buffer.compare(first.rawPayload, later.rawPayload)).toBe(0);
    expect((await download(otherCounty.cookie, letter.id)).statusCode).toBe(404);
    expect((await download(county.cookie, letter.id, freshId)).statusCode).toBe(404);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/problems/${problemId}/letters/${letter.id}/document.docx`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a letter on a problem that is no longer open', async () => {
    await at('2026-03-10');
    const answered = await zhujian.post(`/api/problems/${freshId}/answer`, { version: 0, answer: '已办结' });
    expect(answered.status).toBe(200);
    const refused = await issue(county, {}, freshId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INVALID_TRANSITION');
    expect((await county.get(`/api/problems/${freshId}/letters`)).body.canIssue).toBe(false);
  });
});
