import { and, eq, like } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalDeemedNotices, approvalItems, auditEvents, notifications, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { deemedNoticesJob, remindApprovalPromises } from '../notifications';
import {
  beijingMorning,
  insertTestProject,
  organisationId,
  systemTestCtx,
  userId,
} from '../problems/problem-test-kit';
import { issueDeemedNotices } from './deemed-notices';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let county: Person;
let otherCounty: Person;
let owner: Person;
let housing: Person;
let projectId: string;
let otherProjectId: string;

async function at(date: string) {
  t.clock.set(beijingMorning(date));
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  owner = await t.as('owner1');
  housing = await t.as('zhujian');
}

interface Item {
  id: string;
  name: string;
  version: number;
  status: string;
  timing: { colour: string };
  deemedNotice: { noticeNumber: string; deadlineOn: string; issuedOn: string } | null;
}
const itemNamed = async (name: string, project = projectId) =>
  ((await county.get(`/api/projects/${project}/approvals`)).body.items as Item[]).find(
    (i) => i.name === name,
  )!;

const jobCtx = () => ({ ...systemTestCtx(t), log: () => {}, key: 'deemedNotices:test' });

/** The kinds of a person's notifications about this file's first project. */
const kindsOf = async (username: string, prefix: string) =>
  (
    await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, await userId(t, username)))
  )
    .filter(
      (n) =>
        n.kind.startsWith(prefix) &&
        (n.params as { projectName?: string }).projectName === '蕉城区手续闭环测试项目',
    )
    .map((n) => n.kind);

beforeAll(async () => {
  t = await createTestApp();
  await at('2026-09-01');
  const ownerOrganisationId = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  projectId = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId,
    name: '蕉城区手续闭环测试项目',
  });
  otherProjectId = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId,
    name: '蕉城区另一测试项目',
  });
  for (const id of [projectId, otherProjectId]) {
    await t.db.update(projects).set({ stage: 'preparing' }).where(eq(projects.id, id));
    expect((await county.post(`/api/projects/${id}/approvals/generate`, { route: 'filing' })).status).toBe(
      200,
    );
  }
}, 120_000);
afterAll(async () => t.close());

describe('a problem about an approval item', () => {
  it('refuses an item of another project, naming the field', async () => {
    const foreign = await itemNamed('施工图审查', otherProjectId);
    const refused = await county.post('/api/problems', {
      projectId,
      category: '审批',
      description: '施工图审查迟迟未受理',
      channel: 'serviceOfficer',
      approvalItemId: foreign.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({ path: 'approvalItemId', message: '不在该项目的手续清单中' }),
    ]);
  });

  it('tells the office once when a 容缺 promise breaks; the item turns red', async () => {
    const drawings = await itemNamed('施工图审查');
    const moved = await housing.post(`/api/approval-items/${drawings.id}/moves`, {
      version: drawings.version,
      to: 'accepted_with_gaps',
      on: '2026-09-01',
      missingMaterials: [{ name: '岩土勘察报告', promisedDays: 3 }],
    });
    expect(moved.status).toBe(200);
    expect(moved.body.materials[0].promisedOn).toBe('2026-09-04');
    await at('2026-09-07');
    expect((await itemNamed('施工图审查')).timing.colour).toBe('red');
    await remindApprovalPromises(systemTestCtx(t));
    await remindApprovalPromises(systemTestCtx(t));
    expect(await kindsOf('jiaocheng', 'approval.')).toEqual(['approval.promiseBroken']);
    expect(await kindsOf('owner1', 'approval.promiseOverdue')).toEqual(['approval.promiseOverdue']);
    expect(await kindsOf('fuan', 'approval.')).toEqual([]);
  });

  let problemId: string;
  let referenceNumber: string;
  it('links the broken promise to one problem, shown with the item on its page; a second attempt names it', async () => {
    const drawings = await itemNamed('施工图审查');
    const body = {
      projectId,
      category: '审批',
      description: '施工图审查容缺受理后，岩土勘察报告承诺 2026-09-04 补齐，至今未补齐',
      channel: 'serviceOfficer',
      approvalItemId: drawings.id,
    };
    const raised = await county.post('/api/problems', body);
    expect(raised.status).toBe(200);
    problemId = raised.body.id;
    referenceNumber = raised.body.referenceNumber;
    expect(raised.body).toMatchObject({
      approvalItemId: drawings.id,
      approvalItem: {
        id: drawings.id,
        projectId,
        name: '施工图审查',
        status: 'accepted_with_gaps',
        colour: 'red',
        nextPromiseOn: '2026-09-04',
      },
    });
    const again = await county.post('/api/problems', body);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(referenceNumber);
    expect(again.body.error.details[0]).toMatchObject({
      path: 'approvalItemId',
      issue: 'approvalItemHasProblem',
      params: { problemId, referenceNumber },
    });
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'problem.raise'), eq(auditEvents.entityId, projectId)));
    expect(audit?.detail).toMatchObject({ approvalItemId: drawings.id, referenceNumber });
  });

  it('lists the problems of an item, of linked items and only open ones, in scope only', async () => {
    const drawings = await itemNamed('施工图审查');
    const byItem = await county.get(`/api/problems?approvalItemId=${drawings.id}&open=true`);
    expect(byItem.body.data.map((p: { id: string }) => p.id)).toEqual([problemId]);
    const linked = await county.get('/api/problems?approvalLinked=true&open=true&pageSize=100');
    expect(linked.body.data.every((p: { approvalItemId: string | null }) => p.approvalItemId !== null)).toBe(
      true,
    );
    expect(linked.body.data.map((p: { id: string }) => p.id)).toContain(problemId);
    const outside = await otherCounty.get(`/api/problems?approvalItemId=${drawings.id}`);
    expect(outside.body.page.total).toBe(0);
    expect((await county.get('/api/problems?open=maybe')).status).toBe(400);
  });

  it('shows the item once on the fishbone, as its problem', async () => {
    const fishbone = (await county.get(`/api/projects/${projectId}/fishbone`)).body;
    const causes = fishbone.bones.flatMap(
      (b: { causes: { kind: string; id: string; link: string; detail: string }[] }) => b.causes,
    );
    const drawings = await itemNamed('施工图审查');
    expect(causes.filter((c: { id: string }) => c.id === drawings.id)).toEqual([]);
    const cause = causes.find((c: { id: string }) => c.id === problemId);
    expect(cause).toMatchObject({ kind: 'problem', link: `/problems/${problemId}` });
    expect(cause.detail).toContain('施工图审查：容缺材料逾期未补齐：岩土勘察报告');
  });
});

describe('超时默认 notices', () => {
  let itemId: string;
  it('issue on the second working day after a limit that ends before 国庆, not on a holiday, once', async () => {
    const filing = await itemNamed('项目备案');
    itemId = filing.id;
    // Accepted Mon 09-21 with 5 working days: 22, 23, 24, (中秋 25–27 off) 28, 29 → the limit ends 09-29.
    await t.db
      .update(approvalItems)
      .set({
        deemedApproval: true,
        status: 'accepted',
        acceptedOn: '2026-09-21',
        committedDays: 5,
        departmentId: await organisationId(t, '宁德市住房和城乡建设局'),
      })
      .where(eq(approvalItems.id, itemId));
    const mine = async () =>
      t.db.select().from(approvalDeemedNotices).where(eq(approvalDeemedNotices.itemId, itemId));
    for (const day of ['2026-09-30', '2026-10-01', '2026-10-07']) {
      t.clock.set(beijingMorning(day));
      await issueDeemedNotices(systemTestCtx(t));
      expect(await mine()).toEqual([]);
    }
    t.clock.set(beijingMorning('2026-10-08'));
    expect(await deemedNoticesJob.run(jobCtx(), {})).toMatch(/^发出超时默认告知书 \d+ 份，失败 0 个$/);
    const [notice] = await mine();
    expect(notice).toMatchObject({ deadlineOn: '2026-09-29', issuedOn: '2026-10-08' });
    expect(notice!.noticeNumber).toMatch(/^超时默认〔2026〕350902-\d+号$/);
    t.clock.set(beijingMorning('2026-10-09'));
    await deemedNoticesJob.run(jobCtx(), {});
    expect(await mine()).toHaveLength(1);
    for (const person of ['owner1', 'zhujian', 'jiaocheng'])
      expect(await kindsOf(person, 'approval.deemedNotice')).toEqual(['approval.deemedNotice']);
    expect(await kindsOf('fuan', 'approval.deemedNotice')).toEqual([]);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'approval.deemedNotice.issue'), eq(auditEvents.entityId, itemId)));
    expect(audit?.detail).toMatchObject({ noticeNumber: notice!.noticeNumber, deadlineOn: '2026-09-29' });
  });

  it('numbers the region’s notices of a year one after another', async () => {
    await at('2026-10-09');
    const other = await itemNamed('项目备案', otherProjectId);
    await t.db
      .update(approvalItems)
      .set({ deemedApproval: true, status: 'accepted', acceptedOn: '2026-09-21', committedDays: 5 })
      .where(eq(approvalItems.id, other.id));
    await issueDeemedNotices(systemTestCtx(t));
    const numbers = (
      await t.db
        .select({ n: approvalDeemedNotices.noticeNumber })
        .from(approvalDeemedNotices)
        .where(like(approvalDeemedNotices.noticeNumber, '超时默认〔2026〕350902-%'))
    ).map((r) => Number(r.n.match(/-(\d+)号$/)![1]));
    expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
  });

  it('shows on the item and downloads as the same .docx every time, in scope only', async () => {
    await at('2026-10-09');
    const filing = await itemNamed('项目备案');
    expect(filing.deemedNotice).toMatchObject({ deadlineOn: '2026-09-29', issuedOn: '2026-10-08' });
    const url = `/api/approval-items/${itemId}/deemed-notice.docx`;
    const download = (cookie: string | null) =>
      t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    const first = await download(owner.cookie);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('wordprocessingml');
    expect(first.headers['content-disposition']).toContain('attachment');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    const xml = await (await JSZip.loadAsync(first.rawPayload)).file('word/document.xml')!.async('string');
    for (const text of [
      filing.deemedNotice!.noticeNumber,
      '蕉城区手续闭环测试项目',
      '项目备案',
      '2026年9月21日',
      '2026年9月29日',
      '2026年10月8日',
      '视为审批通过',
      '蕉城区重点项目建设办公室',
    ])
      expect(xml).toContain(text);
    await at('2026-12-01');
    expect(Buffer.compare(first.rawPayload, (await download(county.cookie)).rawPayload)).toBe(0);
    expect((await download(otherCounty.cookie)).statusCode).toBe(404);
    expect((await download(null)).statusCode).toBe(401);
    const drawings = await itemNamed('施工图审查');
    const none = await t.app.inject({
      method: 'GET',
      url: `/api/approval-items/${drawings.id}/deemed-notice.docx`,
      headers: { cookie: county.cookie },
    });
    expect(none.statusCode).toBe(404);
  });

  it('is never issued for an item still 容缺受理 or approved', async () => {
    const drawings = await itemNamed('施工图审查');
    await t.db.update(approvalItems).set({ deemedApproval: true }).where(eq(approvalItems.id, drawings.id));
    await issueDeemedNotices(systemTestCtx(t));
    expect(
      await t.db.select().from(approvalDeemedNotices).where(eq(approvalDeemedNotices.itemId, drawings.id)),
    ).toEqual([]);
  });
});
