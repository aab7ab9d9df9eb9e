import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, insertTestProject, organisationId, systemTestCtx } from './problem-test-kit';
import { runEscalations } from './run-escalations';

// The packaged holiday data ends with 2026, so every count into 2027 here is provisional (暂定).
let t: TestApp;
const office = () => t.as('jiaocheng');
let project: string;

beforeAll(async () => {
  t = await createTestApp();
  project = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
  });
  t.clock.set(beijingMorning('2026-12-01'));
  expect(
    (await (await office()).post('/api/escalation-ladders/350902/preset', { preset: 'luohe' })).status,
  ).toBe(200);
});
afterAll(async () => t.close());

async function raiseOn(date: string) {
  t.clock.set(beijingMorning(date));
  const response = await (await office()).post('/api/problems', {
    projectId: project,
    category: '征迁',
    description: '3 户未签订征迁协议',
    channel: 'meeting',
  });
  expect(response.status).toBe(200);
  return response.body as { id: string; referenceNumber: string; dueOn: string; isDueOnProvisional: boolean };
}

const run = (date: string) => runEscalations(systemTestCtx(t), beijingMorning(date));
const failuresSeenBy = async (username: string) => {
  const response = await (await t.as(username)).get('/api/problem-escalation-failures');
  expect(response.status).toBe(200);
  return response.body.data as { problemId: string; reason: string; attempts: number }[];
};

describe('deadlines in a year without holiday data', () => {
  it('marks a due date counted into 2027 provisional, and one inside 2026 not', async () => {
    // Mon 28 Dec + 5: 29, 30, 31 Dec, (1 Jan 元旦, weekend) Mon 4, Tue 5 Jan 2027.
    expect(await raiseOn('2026-12-28')).toMatchObject({ dueOn: '2027-01-05', isDueOnProvisional: true });
    expect(await raiseOn('2026-12-01')).toMatchObject({ dueOn: '2026-12-08', isDueOnProvisional: false });
  });

  it('escalates in December into a provisional level and lists the provisional due dates', async () => {
    const problem = await raiseOn('2026-12-14');
    expect(problem.dueOn).toBe('2026-12-21');
    const outcome = await run('2026-12-29');
    expect(outcome.failures).toEqual([]);
    expect(outcome.escalated.filter((e) => e.problemId === problem.id)).toHaveLength(1);
    const moved = outcome.provisional.find((p) => p.problemId === problem.id);
    // Tue 29 Dec + 5 (level 2): 30, 31 Dec, Mon 4 … Wed 6 Jan 2027.
    expect(moved).toEqual({
      problemId: problem.id,
      referenceNumber: problem.referenceNumber,
      dueOn: '2027-01-06',
    });
    const detail = (await (await office()).get(`/api/problems/${problem.id}`)).body;
    expect(detail).toMatchObject({ level: 2, dueOn: '2027-01-06', isDueOnProvisional: true });
  });

  it('recomputes provisional due dates as soon as the admin enters the year', async () => {
    const problem = await raiseOn('2026-12-28');
    const admin = await t.as('admin');
    for (const date of ['2027-01-01', '2027-01-04'])
      expect(
        (await admin.put(`/api/calendar/overrides/${date}`, { kind: 'holiday', name: '元旦' })).status,
      ).toBe(200);
    const detail = (await (await office()).get(`/api/problems/${problem.id}`)).body;
    // 29, 30, 31 Dec, (1 Jan, weekend, 4 Jan off) Tue 5, Wed 6 Jan.
    expect(detail).toMatchObject({ dueOn: '2027-01-06', isDueOnProvisional: false });
    expect(detail.events.at(-1)).toMatchObject({ action: 'recomputeDue', actorName: '系统' });
    // Entering 1 Jan made 2027 known (05 Jan, official), entering 4 Jan moved it on to 06 Jan.
    const recomputed = detail.events.filter((e: { action: string }) => e.action === 'recomputeDue');
    expect(recomputed.map((e: { note: string }) => e.note)).toEqual([
      '节假日安排已变更，期限由 2027-01-05（暂定）重算为 2027-01-05',
      '节假日安排已变更，期限由 2027-01-05重算为 2027-01-06',
    ]);
    expect((await run('2026-12-29')).provisional.filter((p) => p.problemId === problem.id)).toEqual([]);
  });
});

describe('one failing problem never stops the escalation job', () => {
  it('records the failure with its reason, retries it on the next run and clears it once it goes through', async () => {
    const broken = await raiseOn('2026-11-02');
    const healthy = await raiseOn('2026-11-02');
    // A database fault for one problem only: its notices cannot be written.
    await t.db.execute(
      sql.raw(`create function fail_one_problem() returns trigger language plpgsql as $$
        begin
          if new.problem_id = '${broken.id}' then raise exception '模拟的数据库故障'; end if;
          return new;
        end $$`),
    );
    await t.db.execute(
      sql.raw(`create trigger fail_one_problem before insert on escalation_notices
        for each row execute function fail_one_problem()`),
    );
    const first = await run('2026-11-16');
    expect(first.failures).toEqual([
      {
        problemId: broken.id,
        referenceNumber: broken.referenceNumber,
        reason: expect.stringContaining('模拟的数据库故障'),
      },
    ]);
    expect(first.escalated.map((e) => e.problemId)).toContain(healthy.id);
    expect(first.escalated.map((e) => e.problemId)).not.toContain(broken.id);

    expect(await failuresSeenBy('jiaocheng')).toEqual([
      expect.objectContaining({ problemId: broken.id, attempts: 1, reason: expect.stringContaining('模拟') }),
    ]);
    expect(await failuresSeenBy('fuan')).toEqual([]);
    expect((await (await t.as('owner1')).get('/api/problem-escalation-failures')).status).toBe(403);

    await run('2026-11-17');
    expect((await failuresSeenBy('ningde')).map((f) => f.attempts)).toEqual([2]);

    await t.db.execute(sql.raw('drop trigger fail_one_problem on escalation_notices'));
    const third = await run('2026-11-18');
    expect(third.failures).toEqual([]);
    expect(third.escalated.map((e) => e.problemId)).toContain(broken.id);
    expect(await failuresSeenBy('jiaocheng')).toEqual([]);
  });
});
