import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t.close());

interface Task {
  id: string;
  title: string;
  status: string;
  overdue: boolean;
  organisationName: string;
  meetingId: string | null;
  dueOn: string;
}

describe('the demo’s dispatch meetings (on testEpoch 2026-03-02)', () => {
  it('has the city on 五个一 and 蕉城 on a Monday weekly meeting bound to ladder level 2, next sitting today', async () => {
    const city = await t.as('ningde');
    const citySeries = (await city.get('/api/meeting-series')).body;
    expect(citySeries.data.map((s: { name: string }) => s.name).sort()).toEqual(
      ['月度调度会', '月度梳理会', '月度会商会', '月度反馈会', '月度通报会'].sort(),
    );
    const county = await t.as('jiaocheng');
    const [weekly] = (await county.get('/api/meeting-series')).body.data;
    expect(weekly).toMatchObject({
      code: 'county-weekly',
      ladderLevel: 2,
      chairTitle: '区长',
      cadence: { kind: 'weekly', weekday: 1, everyWeeks: 1 },
      nextOn: '2026-03-02',
    });
    expect(weekly.attendeeOrganisationIds).toHaveLength(3);
  });

  it('shows two held sittings with attendance, minutes and tasks, and the next one planned', async () => {
    const county = await t.as('jiaocheng');
    const meetings = (await county.get('/api/meetings')).body.data as {
      id: string;
      heldOn: string;
      status: string;
    }[];
    expect(meetings.map((m) => m.status)).toEqual(['planned', 'held', 'closed']);
    const [next, second, first] = meetings;
    expect(next!.heldOn).toBe('2026-03-02');
    expect(first!.heldOn).toBe('2026-02-02');
    expect(second!.heldOn > first!.heldOn && second!.heldOn < next!.heldOn).toBe(true);
    for (const held of [first!, second!]) {
      const detail = (await county.get(`/api/meetings/${held.id}`)).body;
      expect(detail.attendees).toHaveLength(3);
      expect(detail.attendees.some((a: { status: string }) => a.status === 'delegated')).toBe(true);
      expect(detail.agenda.some((i: { source: string }) => i.source === 'custom')).toBe(true);
      expect(detail.agenda.filter((i: { minutes: string }) => i.minutes !== '').length).toBeGreaterThan(0);
      expect(detail.tasks).toHaveLength(2);
    }
    // The first sitting is closed: one numbered 交办单 for each of its two responsible units.
    const closed = (await county.get(`/api/meetings/${first!.id}`)).body;
    expect(closed.sheets).toHaveLength(2);
    const sheet = await t.app.inject({
      method: 'GET',
      url: `/api/dispatch-sheets/${closed.sheets[0].id}/document.docx`,
      headers: { cookie: county.cookie },
    });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The second sitting took up the first one's task then overdue, not the one already verified.
    const secondAgenda = (await county.get(`/api/meetings/${second!.id}`)).body.agenda as {
      source: string;
      title: string;
    }[];
    expect(secondAgenda.filter((i) => i.source === 'overdueTask').map((i) => i.title)).toEqual([
      expect.stringContaining('电力接入'),
    ]);
    // The overdue task and the report not yet verified are taken up again at the next sitting.
    const planned = (await county.get(`/api/meetings/${next!.id}`)).body;
    const overdueItems = planned.agenda.filter((i: { source: string }) => i.source === 'overdueTask');
    expect(overdueItems.map((i: { title: string }) => i.title).join('；')).toContain('电力接入');
  });

  it('gives owner1’s unit an overdue task and one reported done, and the department a verified and an open one', async () => {
    const owner = await t.as('owner1');
    const mine = (await owner.get('/api/dispatch-tasks?view=mine')).body.data as Task[];
    expect(mine.map((task) => [task.status, task.overdue]).sort()).toEqual([
      ['in_progress', true],
      ['reported_done', false],
    ]);
    expect(mine.every((task) => task.organisationName === '宁德市蕉城区城市建设投资开发有限公司')).toBe(true);
    const department = await t.as('zhujian');
    const theirs = (await department.get('/api/dispatch-tasks?view=mine')).body.data as Task[];
    expect(theirs.map((task) => task.status).sort()).toEqual(['assigned', 'verified']);
    expect(theirs.find((task) => task.status === 'assigned')!.dueOn >= '2026-03-02').toBe(true);
    const county = await t.as('jiaocheng');
    expect((await county.get('/api/dispatch-tasks?overdue=true')).body.page.total).toBe(1);
    // Another county sees none of it.
    const other = await t.as('fuan');
    expect((await other.get('/api/dispatch-tasks')).body.page.total).toBe(0);
    expect((await other.get('/api/meetings')).body.page.total).toBe(0);
  });
});
