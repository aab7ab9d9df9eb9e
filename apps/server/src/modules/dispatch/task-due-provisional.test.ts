import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, meetings } from '../../db/schema';
import { clearDispatch } from '../../testing/clear-dispatch';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, organisationId } from '../problems/problem-test-kit';

// The packaged holiday data ends with 2026, so a count into 2027 here is provisional (暂定).
let t: TestApp;
let ownerOrg: string;
let meetingId: string;

beforeAll(async () => {
  t = await createTestApp();
  await clearDispatch(t.db);
  ownerOrg = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  const [held] = await t.db
    .insert(meetings)
    .values({
      regionCode: '350902',
      regionPath: '350000.350900.350902',
      title: '蕉城区重点项目专题调度会',
      heldOn: '2026-12-28',
      status: 'held',
      heldAt: beijingMorning('2026-12-28'),
    })
    .returning({ id: meetings.id });
  meetingId = held!.id;
}, 120_000);
afterAll(async () => t.close());

type Task = { id: string; dueOn: string; isDueOnProvisional: boolean };

async function decide(title: string, limitWorkingDays: number): Promise<Task> {
  t.clock.set(beijingMorning('2026-12-28'));
  const county = await t.as('jiaocheng');
  const decided = await county.post(`/api/meetings/${meetingId}/tasks`, {
    title,
    organisationId: ownerOrg,
    limitWorkingDays,
  });
  expect(decided.status).toBe(200);
  return decided.body.tasks.find((task: { title: string }) => task.title === title);
}

async function listed(id: string): Promise<Task> {
  const county = await t.as('jiaocheng');
  const response = await county.get('/api/dispatch-tasks?view=all');
  expect(response.status).toBe(200);
  return response.body.data.find((task: Task) => task.id === id);
}

describe('交办事项 due dates in a year without holiday data', () => {
  it('marks a due date counted into 2027 provisional, one inside 2026 not, and recomputes when the year is entered', async () => {
    // Mon 28 Dec + 5: 29, 30, 31 Dec, (1 Jan 元旦, weekend) Mon 4, Tue 5 Jan 2027.
    const into2027 = await decide('完成征迁协议签订', 5);
    expect(into2027).toMatchObject({ dueOn: '2027-01-05', isDueOnProvisional: true });
    const in2026 = await decide('报送施工图审查意见', 3);
    expect(in2026).toMatchObject({ dueOn: '2026-12-31', isDueOnProvisional: false });
    expect(await listed(into2027.id)).toMatchObject({ dueOn: '2027-01-05', isDueOnProvisional: true });

    const admin = await t.as('admin');
    for (const date of ['2027-01-01', '2027-01-04'])
      expect(
        (await admin.put(`/api/calendar/overrides/${date}`, { kind: 'holiday', name: '元旦' })).status,
      ).toBe(200);
    // 29, 30, 31 Dec, (1 Jan, weekend, 4 Jan off) Tue 5, Wed 6 Jan: official now.
    expect(await listed(into2027.id)).toMatchObject({ dueOn: '2027-01-06', isDueOnProvisional: false });
    expect(await listed(in2026.id)).toMatchObject({ dueOn: '2026-12-31', isDueOnProvisional: false });
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'dispatchTask.recomputeDue'), eq(auditEvents.entityId, into2027.id)))
      .orderBy(asc(auditEvents.id));
    expect(audits.map((a) => a.changes)).toEqual([
      {
        dueOn: { before: '2027-01-05', after: '2027-01-05' },
        isDueOnProvisional: { before: true, after: false },
      },
      {
        dueOn: { before: '2027-01-05', after: '2027-01-06' },
        isDueOnProvisional: { before: false, after: false },
      },
    ]);
  });
});
