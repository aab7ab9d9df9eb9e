import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, insertTestProject, organisationId } from './problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let owner: Person;
let zhujian: Person;
let county: Person;
let city: Person;
let project: string;
let housing: string;
let transport: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.as('owner1');
  zhujian = await t.as('zhujian');
  county = await t.as('jiaocheng');
  city = await t.as('ningde');
  housing = await organisationId(t, '宁德市住房和城乡建设局');
  transport = await organisationId(t, '宁德市交通运输局');
  project = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    sector: '住建',
  });
  const rule = await city.post('/api/problem-routing-rules', {
    regionCode: '350902',
    category: '用地',
    departmentId: housing,
    limitWorkingDays: 3,
  });
  expect(rule.status).toBe(200);
});
afterAll(async () => t.close());

const raise = (who: Person, over: Record<string, unknown> = {}) =>
  who.post('/api/problems', {
    projectId: project,
    category: '用地',
    description: '项目红线内 12 亩用地尚未完成报批',
    request: '请协调加快用地报批',
    ...over,
  });

const actionsOf = (body: { events: { action: string }[] }) => body.events.map((e) => e.action);

describe('the closed loop through the API', () => {
  it('routes at once, is answered, sent back, answered again, confirmed and written off, all on the timeline', async () => {
    const raised = await raise(owner);
    expect(raised.status).toBe(200);
    const id = raised.body.id as string;
    expect(raised.body).toMatchObject({
      status: 'accepted',
      level: 1,
      handlerOrganisationId: housing,
      handlerOrganisationName: '宁德市住房和城乡建设局',
      channel: 'app',
      // Raised Monday 2026-03-02: three working days.
      dueOn: '2026-03-05',
      isOverdue: false,
    });
    expect(raised.body.referenceNumber).toMatch(/^WT-350902-2026-\d{6}$/);
    expect(actionsOf(raised.body)).toEqual(['raise', 'route']);
    expect(raised.body.actions).toEqual([]);

    const inbox = (await zhujian.get('/api/notifications')).body.data;
    expect(
      inbox.some(
        (n: { kind: string; params: { referenceNumber: string } }) =>
          n.kind === 'problem.assigned' && n.params.referenceNumber === raised.body.referenceNumber,
      ),
    ).toBe(true);

    const handlerView = (await zhujian.get(`/api/problems/${id}`)).body;
    expect(handlerView.actions).toEqual(['start', 'answer']);
    expect((await owner.post(`/api/problems/${id}/answer`, { version: 0, answer: '自己答' })).status).toBe(
      403,
    );

    const started = await zhujian.post(`/api/problems/${id}/start`, { version: 0 });
    expect(started.body.status).toBe('in_progress');
    const answered = await zhujian.post(`/api/problems/${id}/answer`, {
      version: 1,
      answer: '已列入本月用地报批批次',
    });
    expect(answered.body).toMatchObject({
      status: 'answered',
      answer: '已列入本月用地报批批次',
      answeredByName: '何文斌',
    });
    expect((await owner.get(`/api/problems/${id}`)).body.actions).toEqual(['confirm', 'unsatisfied']);

    expect((await owner.post(`/api/problems/${id}/unsatisfied`, { version: 2, reason: '' })).status).toBe(
      400,
    );
    const back = await owner.post(`/api/problems/${id}/unsatisfied`, {
      version: 2,
      reason: '未给出完成时间',
    });
    expect(back.body.status).toBe('in_progress');
    await zhujian.post(`/api/problems/${id}/answer`, { version: 3, answer: '3 月 20 日前完成报批' });
    const confirmed = await owner.post(`/api/problems/${id}/confirm`, { version: 4 });
    expect(confirmed.body.status).toBe('confirmed');
    expect((await owner.post(`/api/problems/${id}/write-off`, { version: 5 })).status).toBe(403);

    const writtenOff = await county.post(`/api/problems/${id}/write-off`, { version: 5, note: '一事一销' });
    expect(writtenOff.status).toBe(200);
    expect(writtenOff.body.status).toBe('written_off');
    expect(writtenOff.body.writtenOffAt).not.toBeNull();
    expect(actionsOf(writtenOff.body)).toEqual([
      'raise',
      'route',
      'start',
      'answer',
      'unsatisfied',
      'answer',
      'confirm',
      'writeOff',
    ]);
    expect(writtenOff.body.events.at(-1)).toMatchObject({
      fromStatus: 'confirmed',
      toStatus: 'written_off',
      actorName: '陈思远',
      note: '一事一销',
    });

    const history = (await county.get(`/api/projects/${project}/history`)).body.data as { action: string }[];
    for (const action of [
      'problem.raise',
      'problem.start',
      'problem.answer',
      'problem.confirm',
      'problem.writeOff',
    ])
      expect(history.some((e) => e.action === action)).toBe(true);

    const again = await county.post(`/api/problems/${id}/write-off`, { version: 6 });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(again.body.error.message).toContain('问题当前状态为“已销号”，不能销号');

    const reopened = await county.post(`/api/problems/${id}/reopen`, {
      version: 6,
      reason: '报批材料被退回',
    });
    expect(reopened.body).toMatchObject({ status: 'in_progress', writtenOffAt: null, level: 1 });
  });

  it('numbers problems one after another within the jurisdiction and year', async () => {
    const a = (await raise(owner)).body.referenceNumber as string;
    const b = (await raise(owner)).body.referenceNumber as string;
    expect(Number(b.slice(-6))).toBe(Number(a.slice(-6)) + 1);
  });

  it('sends a category without a rule to the region office, which can re-route it', async () => {
    const raised = (await raise(owner, { category: '资金' })).body;
    expect(raised.handlerOrganisationName).toBe('蕉城区重点项目建设办公室');
    expect(raised.dueOn).toBe('2026-03-09');
    const stale = await county.post(`/api/problems/${raised.id}/route`, {
      version: 9,
      handlerOrganisationId: transport,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const routed = await county.post(`/api/problems/${raised.id}/route`, {
      version: 0,
      handlerOrganisationId: transport,
      limitWorkingDays: 10,
    });
    expect(routed.body).toMatchObject({
      status: 'accepted',
      handlerOrganisationId: transport,
      dueOn: '2026-03-16',
    });
    expect(routed.body.events.at(-1)).toMatchObject({
      action: 'route',
      handlerOrganisationName: '宁德市交通运输局',
    });
    expect(
      (await owner.post(`/api/problems/${raised.id}/route`, { version: 1, handlerOrganisationId: housing }))
        .status,
    ).toBe(403);
  });

  it('lets the office reject with a reason, and take a hotline call with the caller', async () => {
    const raised = (await raise(owner, { category: '其他' })).body;
    expect((await county.post(`/api/problems/${raised.id}/reject`, { version: 0 })).status).toBe(400);
    const rejected = await county.post(`/api/problems/${raised.id}/reject`, {
      version: 0,
      reason: '属企业内部事务',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '属企业内部事务' });

    const call = await raise(county, {
      channel: 'hotline',
      callerName: '王先生',
      callerPhone: '0593-2863456',
    });
    expect(call.status).toBe(200);
    expect(call.body).toMatchObject({ channel: 'hotline', callerName: '王先生', raisedByName: '陈思远' });
    expect((await raise(county, { channel: 'hotline' })).body.error.details[0].path).toBe('callerName');
  });

  it('refuses bad input with the field named, strangers with 404 and anonymous callers with 401', async () => {
    const bad = await raise(owner, { category: '外星人' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('问题分类“外星人”不在问题分类字典中');
    expect(bad.body.error.details[0].path).toBe('category');
    expect((await raise(owner, { channel: 'hotline', callerName: 'x' })).status).toBe(400);
    expect((await raise(owner, { description: '' })).status).toBe(400);
    expect((await raise(owner, { extra: 1 })).status).toBe(400);

    const fuan = await t.as('fuan');
    const mine = (await raise(owner)).body.id as string;
    expect((await fuan.get(`/api/problems/${mine}`)).status).toBe(404);
    expect((await raise(fuan)).status).toBe(404);
    expect((await t.call(null, 'GET', '/api/problems')).status).toBe(401);
    expect((await (await t.as('admin')).get('/api/problems')).status).toBe(403);
  });

  it('lists my problems as raiser and handler, a project’s problems, and the board', async () => {
    const raised = (await owner.get(`/api/problems?view=raised&projectId=${project}&pageSize=200`)).body;
    expect(raised.page.total).toBeGreaterThan(3);
    expect(raised.data.every((p: { projectId: string }) => p.projectId === project)).toBe(true);
    const handling = (await zhujian.get(`/api/problems?view=handling&projectId=${project}&pageSize=200`))
      .body;
    expect(handling.data.length).toBeGreaterThan(0);
    expect(
      handling.data.every((p: { handlerOrganisationId: string }) => p.handlerOrganisationId === housing),
    ).toBe(true);
    const board = (await county.get('/api/problems/board')).body;
    expect(
      board.cells.some((c: { status: string }) => c.status === 'written_off' || c.status === 'in_progress'),
    ).toBe(true);
  });
});

describe('linked problems (解决一个、打通一类)', () => {
  it('answers every open member of a class with one answer', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await raise(owner)).body.id);
    const created = await county.post('/api/problem-classes', { name: '同类用地报批', problemIds: ids });
    expect(created.status).toBe(200);
    expect(created.body.problems).toHaveLength(3);
    const again = await county.post('/api/problem-classes', { name: '重复', problemIds: ids.slice(0, 2) });
    expect(again.status).toBe(409);
    const answered = await zhujian.post(`/api/problem-classes/${created.body.id}/answer`, {
      answer: '出台用地报批并联审批办法，同类问题一并解决',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.problems.map((p: { status: string }) => p.status)).toEqual([
      'answered',
      'answered',
      'answered',
    ]);
    const one = (await owner.get(`/api/problems/${ids[0]}`)).body;
    expect(one.classId).toBe(created.body.id);
    expect(one.events.at(-1).note).toContain('随问题类“同类用地报批”一并答复');
  });
});

describe('the overdue list (逾期问题)', () => {
  it('lists open problems past their due date, most days overdue first, with the days counted', async () => {
    const other = await insertTestProject(t, {
      regionCode: '350902',
      ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    });
    t.clock.set(beijingMorning('2026-03-02'));
    const owner = await t.as('owner1');
    const zhujian = await t.as('zhujian');
    // 用地 has the 3-working-day rule (due Thursday 03-05); 资金 falls back to the office (later).
    const land = (await raise(owner, { projectId: other })).body;
    const funds = (await raise(owner, { projectId: other, category: '资金' })).body;
    const answered = (await raise(owner, { projectId: other })).body;
    await zhujian.post(`/api/problems/${answered.id}/answer`, { version: 0, answer: '已办' });
    expect(land.dueOn).toBe('2026-03-05');
    expect(funds.dueOn > land.dueOn).toBe(true);

    t.clock.set(beijingMorning('2026-03-20'));
    const county = await t.as('jiaocheng');
    const list = (await county.get(`/api/problems?overdue=true&projectId=${other}`)).body;
    const days = (due: string) => (Date.UTC(2026, 2, 20) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000;
    expect(list.data.map((p: { id: string; overdueDays: number }) => [p.id, p.overdueDays])).toEqual([
      [land.id, 15],
      [funds.id, days(funds.dueOn)],
    ]);
    const all = (await county.get(`/api/problems?projectId=${other}`)).body.data as {
      id: string;
      overdueDays: number | null;
    }[];
    expect(all.find((p) => p.id === answered.id)?.overdueDays).toBeNull();
  });
});
