import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, insertTestProject, organisationId, systemTestCtx, userId } from './problem-test-kit';
import { runEscalations } from './run-escalations';

let t: TestApp;
/** A fresh session as the county office (moving the clock expires older ones). */
const office = () => t.as('jiaocheng');
let project: string;

beforeAll(async () => {
  t = await createTestApp();
  project = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
  });
  const preset = await (await office()).post('/api/escalation-ladders/350902/preset', { preset: 'luohe' });
  expect(preset.status).toBe(200);
  expect(preset.body.levels.map((l: { name: string }) => l.name)).toEqual([
    '首席服务官协调',
    '县区周例会',
    '市直部门专题会',
    '市周例会',
    '市委市政府联席会议',
  ]);
});
afterAll(async () => t.close());

/** Raises a problem as the county office at 09:00 Beijing time on `date`. */
async function raiseOn(date: string) {
  t.clock.set(beijingMorning(date));
  const response = await (await t.as('jiaocheng')).post('/api/problems', {
    projectId: project,
    category: '征迁',
    description: '3 户未签订征迁协议',
    channel: 'meeting',
  });
  expect(response.status).toBe(200);
  return response.body as { id: string; referenceNumber: string; dueOn: string };
}

const run = (date: string) => runEscalations(systemTestCtx(t), beijingMorning(date));
/** This problem's part of a run, by id: reference numbers repeat across regions (the demo has its own). */
const mine = (id: string) => (outcome: Awaited<ReturnType<typeof run>>) => ({
  notices: outcome.notices.filter((n) => n.problemId === id).map((n) => `${n.level}:${n.kind}`),
  escalated: outcome.escalated.filter((e) => e.problemId === id).map((e) => e.toLevel),
});

describe('the escalation job', () => {
  it('escalates a 5-working-day problem raised on the eve of 国庆 on 10-14, not earlier', async () => {
    const problem = await raiseOn('2026-09-30');
    // 10-01..07 off, Saturday 10-10 works: Thu 8, Fri 9, Sat 10, Mon 12, Tue 13.
    expect(problem.dueOn).toBe('2026-10-13');
    const pick = mine(problem.id);
    const seen: string[] = [];
    for (const day of [
      '2026-10-01',
      '2026-10-05',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
      '2026-10-13',
    ]) {
      const outcome = pick(await run(day));
      expect(outcome.escalated, day).toEqual([]);
      seen.push(...outcome.notices.map((n) => `${day}=${n}`));
    }
    expect(seen).toEqual(['2026-10-10=1:half', '2026-10-12=1:threeQuarters']);
    const breach = pick(await run('2026-10-14'));
    expect(breach).toEqual({ notices: ['1:breach'], escalated: [2] });

    const detail = (await (await office()).get(`/api/problems/${problem.id}`)).body;
    expect(detail).toMatchObject({
      level: 2,
      levelName: '县区周例会',
      levelStartedOn: '2026-10-14',
      dueOn: '2026-10-21',
    });
    expect(detail.events.at(-1)).toMatchObject({
      action: 'escalate',
      fromLevel: 1,
      toLevel: 2,
      actorName: '系统',
    });
    expect(detail.events.at(-1).note).toContain('自动提级');
    const inbox = (await (await office()).get('/api/notifications?limit=100')).body.data as {
      kind: string;
      params: Record<string, unknown>;
    }[];
    const forIt = inbox
      .filter((n) => n.params.referenceNumber === problem.referenceNumber)
      .map((n) => n.kind);
    expect(forIt.filter((k) => k === 'problem.deadline')).toHaveLength(3);
    expect(forIt).toContain('problem.escalated');
  });

  it('escalates once when run twice at the same moment', async () => {
    const problem = await raiseOn('2026-03-02');
    const pick = mine(problem.id);
    const [first, second] = [pick(await run('2026-03-16')), pick(await run('2026-03-16'))];
    expect(first.escalated).toEqual([2]);
    expect(second).toEqual({ notices: [], escalated: [] });
    const both = await Promise.all([run('2026-03-16'), run('2026-03-16')]);
    expect(both.map((o) => pick(o))).toEqual([
      { notices: [], escalated: [] },
      { notices: [], escalated: [] },
    ]);
    const detail = (await (await office()).get(`/api/problems/${problem.id}`)).body;
    expect(detail.level).toBe(2);
    expect(detail.events.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(1);
  });

  it('leaves an answered problem alone and lets the office move one up by hand with a reason', async () => {
    const problem = await raiseOn('2026-03-02');
    t.clock.set(beijingMorning('2026-03-03'));
    expect((await (await office()).post(`/api/problems/${problem.id}/escalate`, { version: 0 })).status).toBe(
      400,
    );
    const up = await (await office()).post(`/api/problems/${problem.id}/escalate`, {
      version: 0,
      reason: '涉及多部门',
    });
    expect(up.body).toMatchObject({ level: 2, levelStartedOn: '2026-03-03', dueOn: '2026-03-10' });
    expect(up.body.events.at(-1).note).toContain('涉及多部门');
    expect(
      (
        await (
          await t.as('zhujian')
        ).post(`/api/problems/${problem.id}/escalate`, { version: 1, reason: 'x' })
      ).status,
    ).toBe(403);
    const answered = await (await office()).post(`/api/problems/${problem.id}/answer`, {
      version: 1,
      answer: '已协调',
    });
    expect(answered.body.status).toBe('answered');
    expect(mine(problem.id)(await run('2026-06-01'))).toEqual({ notices: [], escalated: [] });
  });

  it('stops at the top of the ladder and edits ladders with a version', async () => {
    const ladder = (await (await office()).get('/api/escalation-ladders/350902')).body;
    const set = await (await office()).put('/api/escalation-ladders/350902', {
      name: '两级',
      version: ladder.version,
      levels: [
        { level: 1, name: '责任部门', handlerKind: 'department', limitWorkingDays: 2 },
        { level: 2, name: '挂钩领导', handlerKind: 'leader', limitWorkingDays: 2 },
      ],
    });
    expect(set.status).toBe(200);
    expect(
      (
        await (
          await office()
        ).put('/api/escalation-ladders/350902', {
          ...set.body,
          name: 'x',
          version: ladder.version,
        })
      ).status,
    ).toBe(400);
    const stale = await (await office()).put('/api/escalation-ladders/350902', {
      name: '两级',
      version: ladder.version,
      levels: [{ level: 1, name: '责任部门', handlerKind: 'department', limitWorkingDays: 2 }],
    });
    expect(stale.status).toBe(409);
    const gap = await (await office()).put('/api/escalation-ladders/350902', {
      name: '两级',
      version: set.body.version,
      levels: [{ level: 2, name: '责任部门', handlerKind: 'department', limitWorkingDays: 2 }],
    });
    expect(gap.status).toBe(400);
    expect(gap.body.error.details[0].path).toBe('levels.0.level');

    const problem = await raiseOn('2026-04-01');
    expect(problem.dueOn).toBe('2026-04-03');
    const pick = mine(problem.id);
    expect(pick(await run('2026-04-07')).escalated).toEqual([2]);
    const top = pick(await run('2026-05-06'));
    expect(top).toEqual({ notices: ['2:half', '2:threeQuarters', '2:breach'], escalated: [] });
    const manual = await (await office()).post(`/api/problems/${problem.id}/escalate`, {
      version: 1,
      reason: '再提',
    });
    expect(manual.status).toBe(409);
    expect(manual.body.error.message).toContain('最高层级');
    expect((await (await t.as('fuan')).get('/api/escalation-ladders/350902')).status).toBe(404);
    expect((await (await t.as('zhujian')).put('/api/escalation-ladders/350902', set.body)).status).toBe(403);
  });

  it('hands a Hui’an “321” leader level to the project’s linked leader, who may answer', async () => {
    t.clock.set(beijingMorning('2026-03-02'));
    const city = await t.as('ningde');
    expect((await city.post('/api/escalation-ladders/350921/preset', { preset: 'huian321' })).status).toBe(
      200,
    );
    const xiapuProject = await insertTestProject(t, {
      regionCode: '350921',
      ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
      leaderUserId: await userId(t, 'leader1'),
    });
    const raised = (
      await city.post('/api/problems', {
        projectId: xiapuProject,
        category: '能耗指标',
        description: '能耗指标缺口 2 万吨标煤',
        channel: 'meeting',
      })
    ).body;
    expect(raised.dueOn).toBe('2026-03-16');
    const leader = await t.as('leader1');
    expect((await leader.get(`/api/problems/${raised.id}`)).body.actions).toEqual([]);
    const up = await city.post(`/api/problems/${raised.id}/escalate`, { version: 0, reason: '部门协调不下' });
    expect(up.body).toMatchObject({ level: 2, levelName: '挂钩领导协调（每月2次）' });
    const inbox = (await leader.get('/api/notifications')).body.data as {
      kind: string;
      params: Record<string, unknown>;
    }[];
    expect(
      inbox.some(
        (n) => n.kind === 'problem.escalated' && n.params.referenceNumber === raised.referenceNumber,
      ),
    ).toBe(true);
    expect((await leader.get(`/api/problems/${raised.id}`)).body.actions).toEqual(['start', 'answer']);
    const answered = await leader.post(`/api/problems/${raised.id}/answer`, {
      version: 1,
      answer: '已协调省级指标',
    });
    expect(answered.body).toMatchObject({ status: 'answered', answeredByName: '吴国平' });
  });
});
