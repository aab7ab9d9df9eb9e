import { cadencePreset321 } from '@tuijin/domain';
import { and, eq, ne, notInArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, organisations, projects } from '../../db/schema';
import { clearDispatch } from '../../testing/clear-dispatch';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { runEscalations } from '../problems';
import {
  beijingMorning,
  insertTestProject,
  organisationId,
  systemTestCtx,
  userId,
} from '../problems/problem-test-kit';
import { remindDispatchTasks } from './task-reminders';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let project: string;
let ownerOrg: string;
let seriesId: string;

/** Sessions expire when the clock jumps, so each step signs in afresh on its day. */
async function on(date: string) {
  t.clock.set(beijingMorning(date));
  return {
    county: await t.as('jiaocheng'),
    otherCounty: await t.as('fuan'),
    owner: await t.as('owner1'),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  // The story starts from a county without meetings (the demo's 蕉城 has its own weekly ones).
  await clearDispatch(t.db);
  ownerOrg = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  project = await insertTestProject(t, { regionCode: '350902', ownerOrganisationId: ownerOrg });
  const { county } = await on('2026-11-16');
  expect((await county.post('/api/escalation-ladders/350902/preset', { preset: 'luohe' })).status).toBe(200);
}, 120_000);
afterAll(async () => t.close());

const meeting = async (who: Person, id: string) => {
  const response = await who.get(`/api/meetings/${id}`);
  expect(response.status).toBe(200);
  return response.body as {
    id: string;
    status: string;
    heldOn: string;
    version: number;
    agenda: {
      id: string | null;
      key: string;
      source: string;
      sourceId: string | null;
      title: string;
      minutes: string;
    }[];
    dropped: { key: string }[];
    tasks: {
      id: string;
      referenceNumber: string;
      dueOn: string;
      status: string;
      version: number;
      actions: string[];
    }[];
  };
};

describe('meeting series', () => {
  it('adopts the county weekly meeting, binds it to ladder level 2 and answers its next Monday', async () => {
    const { county, otherCounty } = await on('2026-11-16');
    const adopted = await county.post('/api/meeting-series', {
      regionCode: '350902',
      preset: 'countyWeekly',
    });
    expect(adopted.status).toBe(200);
    const weekly = adopted.body.data.find((s: { code: string }) => s.code === 'county-weekly');
    expect(weekly).toMatchObject({
      name: '县区周例会',
      cadence: { kind: 'weekly', weekday: 1, anchorOn: '2026-11-16' },
    });
    expect(weekly.nextOn).toBe('2026-11-16');
    seriesId = weekly.id;
    const bound = await county.patch(`/api/meeting-series/${seriesId}`, {
      name: weekly.name,
      kind: weekly.kind,
      chairTitle: '区长',
      cadence: weekly.cadence,
      ladderLevel: 2,
      active: true,
      version: weekly.version,
    });
    expect(bound.status).toBe(200);
    expect(bound.body.ladderLevel).toBe(2);
    // A stale version and a Saturday meeting are refused, each naming what is wrong.
    const body = {
      name: weekly.name,
      kind: weekly.kind,
      chairTitle: '区长',
      cadence: weekly.cadence,
      ladderLevel: 2,
      active: true,
      version: 0,
    };
    const stale = await county.patch(`/api/meeting-series/${seriesId}`, body);
    expect(stale.status).toBe(409);
    const saturday = await county.patch(`/api/meeting-series/${seriesId}`, {
      name: weekly.name,
      kind: weekly.kind,
      chairTitle: '区长',
      cadence: { ...weekly.cadence, weekday: 6 },
      active: true,
      version: bound.body.version,
    });
    expect(saturday.status).toBe(400);
    expect(JSON.stringify(saturday.body)).toContain('cadence');
    // Another county neither sees nor changes 蕉城's series.
    expect((await otherCounty.get('/api/meeting-series?regionCode=350902')).status).toBe(404);
    expect(
      (await otherCounty.patch(`/api/meeting-series/${seriesId}`, { ...body, version: bound.body.version }))
        .status,
    ).toBe(404);
  });
});

describe('a problem escalated to the weekly meeting, its decision and the overdue task', () => {
  let problemId: string;
  let meetingId: string;

  it('puts a problem that breached level 1 on Wednesday on the agenda of the next Monday meeting', async () => {
    const { county } = await on('2026-11-17');
    const raised = await county.post('/api/problems', {
      projectId: project,
      category: '征迁',
      description: '2 户未签订征迁协议',
      channel: 'meeting',
    });
    expect(raised.status).toBe(200);
    problemId = raised.body.id;
    expect(raised.body.dueOn).toBe('2026-11-24');
    await runEscalations(systemTestCtx(t), beijingMorning('2026-11-25'));
    const { county: office } = await on('2026-11-25');
    expect((await office.get(`/api/problems/${problemId}`)).body).toMatchObject({
      level: 2,
      levelName: '县区周例会',
    });

    // The problem says which sitting will take it up, before and after that sitting is scheduled.
    expect((await office.get(`/api/problems/${problemId}/meeting`)).body.meeting).toEqual({
      seriesId,
      seriesName: '县区周例会',
      heldOn: '2026-11-30',
      meetingId: null,
      canOpen: true,
    });
    const scheduled = await office.post('/api/meetings', { seriesId, place: '区政府三楼会议室' });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.heldOn).toBe('2026-11-30');
    meetingId = scheduled.body.id;
    expect((await office.get(`/api/problems/${problemId}/meeting`)).body.meeting.meetingId).toBe(meetingId);
    const agenda = scheduled.body.agenda as { key: string; source: string; title: string }[];
    // The escalated problems of the county come first (the demo has older ones at level 2 too).
    const ours = agenda.find((i) => i.key === `problem:${problemId}`)!;
    expect(ours.title).toContain('2 户未签订征迁协议');
    const firstOther = agenda.findIndex((i) => i.source !== 'problem');
    expect(agenda.indexOf(ours)).toBeLessThan(firstOther === -1 ? agenda.length : firstOther);
    // One sitting per date.
    expect((await office.post('/api/meetings', { seriesId, heldOn: '2026-11-30' })).status).toBe(409);
  });

  it('lets the office drop, add and order items before the meeting, then fixes the agenda when held', async () => {
    const { county, otherCounty, owner } = await on('2026-11-27');
    const before = await meeting(county, meetingId);
    const edited = await county.put(`/api/meetings/${meetingId}/agenda`, {
      dropped: before.agenda.filter((i) => i.source === 'redProject').map((i) => i.key),
      added: [{ key: 'custom:power', title: '协调片区电力接入' }],
      order: ['custom:power'],
      version: before.version,
    });
    expect(edited.status).toBe(200);
    const keys = edited.body.agenda.map((i: { key: string }) => i.key);
    expect(keys[0]).toBe('custom:power');
    expect(keys[1]).toMatch(/^problem:/);
    expect(keys).toContain(`problem:${problemId}`);
    expect(edited.body.agenda.some((i: { source: string }) => i.source === 'redProject')).toBe(false);
    const attendance = await county.put(`/api/meetings/${meetingId}/attendance`, {
      attendees: [
        { organisationId: null, personName: '张区长', status: 'present' },
        { organisationId: ownerOrg, personName: '李经理', status: 'delegated' },
      ],
      version: edited.body.version,
    });
    expect(attendance.status).toBe(400);
    expect(JSON.stringify(attendance.body)).toContain('attendees.1.delegateName');
    // Other counties and owners do not see the meeting at all.
    expect((await otherCounty.get(`/api/meetings/${meetingId}`)).status).toBe(404);
    expect((await owner.get(`/api/meetings/${meetingId}`)).status).toBe(403);

    const { county: office } = await on('2026-11-30');
    const current = await meeting(office, meetingId);
    const held = await office.post(`/api/meetings/${meetingId}/hold`, { version: current.version });
    expect(held.status).toBe(200);
    expect(held.body.status).toBe('held');
    const stored = held.body.agenda as { id: string; key: string }[];
    expect(stored.every((i) => i.id !== null)).toBe(true);
    expect(stored[0]!.key).toBe('custom:power');
    const ours = stored.findIndex((i) => i.key === `problem:${problemId}`);
    const minutes = await office.patch(`/api/meeting-agenda-items/${stored[ours]!.id}`, {
      minutes: '由区城投公司牵头，5 日内完成签约',
    });
    expect(minutes.status).toBe(200);
    expect(minutes.body.agenda[ours].minutes).toBe('由区城投公司牵头，5 日内完成签约');
    expect(
      (
        await office.put(`/api/meetings/${meetingId}/agenda`, {
          dropped: [],
          added: [],
          order: [],
          version: held.body.version,
        })
      ).status,
    ).toBe(409);
  });

  it('turns a decision into a numbered task due in working days, worked by its unit and verified by the office', async () => {
    const { county } = await on('2026-11-30');
    const detail = await meeting(county, meetingId);
    const item = detail.agenda.find((i) => i.key === `problem:${problemId}`)!;
    const decided = await county.post(`/api/meetings/${meetingId}/tasks`, {
      agendaItemId: item.id,
      title: '完成 2 户征迁协议签订',
      organisationId: ownerOrg,
      personName: '李经理',
      limitWorkingDays: 3,
    });
    expect(decided.status).toBe(200);
    const task = decided.body.tasks[0];
    // Held Monday 11-30: Tue 12-01, Wed 12-02, Thu 12-03.
    expect(task).toMatchObject({ dueOn: '2026-12-03', status: 'assigned', problemId, projectId: project });
    expect(task.referenceNumber).toMatch(/^JB-350902-2026-\d{4}$/);

    const { owner, otherCounty } = await on('2026-12-01');
    const mine = await owner.get('/api/dispatch-tasks?view=mine');
    expect(mine.body.data.map((x: { id: string }) => x.id)).toContain(task.id);
    expect(mine.body.data.find((x: { id: string }) => x.id === task.id).actions).toEqual([
      'start',
      'reportDone',
    ]);
    expect((await otherCounty.get(`/api/dispatch-tasks/${task.id}`)).status).toBe(404);
    const noNote = await owner.post(`/api/dispatch-tasks/${task.id}/moves`, {
      action: 'reportDone',
      version: task.version,
    });
    expect(noNote.status).toBe(400);
    const refused = await owner.post(`/api/dispatch-tasks/${task.id}/moves`, {
      action: 'verify',
      version: task.version,
    });
    expect(refused.status).toBe(409);
    const started = await owner.post(`/api/dispatch-tasks/${task.id}/moves`, {
      action: 'start',
      version: task.version,
    });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('in_progress');

    // Reminders: none on 12-01 (1 of 3 working days), half on 12-02, overdue on 12-04 — once each.
    const remindOn = async (date: string) =>
      remindDispatchTasks({ db: t.db, clock: { now: () => beijingMorning(date) } });
    const sent = async (stage: string) =>
      (
        await t.db
          .select()
          .from(notifications)
          .where(eq(notifications.dedupeKey, `task.${stage}:${task.id}`))
      ).length;
    await remindOn('2026-12-01');
    expect(await sent('half')).toBe(0);
    await remindOn('2026-12-02');
    await remindOn('2026-12-02');
    expect(await sent('half')).toBeGreaterThan(0);
    const ownerPeople = await sent('half');
    await remindOn('2026-12-04');
    // Overdue reaches the unit and the county office as well.
    expect(await sent('overdue')).toBeGreaterThan(ownerPeople);
  });

  it('puts the task, overdue and not verified, on the next meeting’s agenda; then the unit reports and the office verifies', async () => {
    const { county } = await on('2026-12-04');
    const next = await county.post('/api/meetings', { seriesId });
    expect(next.status).toBe(200);
    expect(next.body.heldOn).toBe('2026-12-07');
    const overdue = next.body.agenda.find((i: { source: string }) => i.source === 'overdueTask');
    expect(overdue.title).toContain('完成 2 户征迁协议签订');
    expect((await county.get('/api/dispatch-tasks?overdue=true')).body.data).toHaveLength(1);

    const { owner } = await on('2026-12-04');
    const [task] = (await owner.get('/api/dispatch-tasks?view=mine')).body.data;
    const reported = await owner.post(`/api/dispatch-tasks/${task.id}/moves`, {
      action: 'reportDone',
      note: '已签订 2 户协议',
      version: task.version,
    });
    expect(reported.status).toBe(200);
    const { county: office } = await on('2026-12-04');
    const sentBack = await office.post(`/api/dispatch-tasks/${task.id}/moves`, {
      action: 'sendBack',
      note: '请附协议扫描件',
      version: reported.body.version,
    });
    expect(sentBack.body.status).toBe('sent_back');
    const { owner: unit } = await on('2026-12-04');
    const again = await unit.post(`/api/dispatch-tasks/${task.id}/moves`, {
      action: 'reportDone',
      note: '已补扫描件',
      version: sentBack.body.version,
    });
    const { county: verifier } = await on('2026-12-04');
    const verified = await verifier.post(`/api/dispatch-tasks/${task.id}/moves`, {
      action: 'verify',
      version: again.body.version,
    });
    expect(verified.body.status).toBe('verified');
    expect(verified.body.events.map((e: { action: string }) => e.action)).toEqual([
      'assign',
      'start',
      'reportDone',
      'sendBack',
      'reportDone',
      'verify',
    ]);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'dispatch_task'), eq(auditEvents.entityId, task.id)));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'dispatchTask.assign',
      'dispatchTask.move',
      'dispatchTask.move',
      'dispatchTask.move',
      'dispatchTask.move',
      'dispatchTask.move',
    ]);
  });

  it('closes the meeting with one numbered 交办单 per unit, readable by that unit, and takes no task after', async () => {
    const { county, otherCounty, owner } = await on('2026-12-07');
    const before = await meeting(county, meetingId);
    const closed = await county.post(`/api/meetings/${meetingId}/close`, { version: before.version });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.sheets).toHaveLength(1);
    const sheet = closed.body.sheets[0];
    expect(sheet.sheetNumber).toMatch(/^交办〔2026〕350902-\d+号$/);
    expect(
      (await county.post(`/api/meetings/${meetingId}/close`, { version: closed.body.version })).status,
    ).toBe(409);
    const late = await county.post(`/api/meetings/${meetingId}/tasks`, {
      title: '补充事项',
      organisationId: ownerOrg,
      limitWorkingDays: 2,
    });
    expect(late.status).toBe(409);
    const fetchSheet = (cookie: string | null) =>
      t.app.inject({
        method: 'GET',
        url: `/api/dispatch-sheets/${sheet.id}/document.docx`,
        headers: cookie ? { cookie } : {},
      });
    const download = await fetchSheet(owner.cookie);
    expect(download.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(download.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(sheet.sheetNumber);
    expect(xml).toContain('完成 2 户征迁协议签订');
    expect(Buffer.compare((await fetchSheet(county.cookie)).rawPayload, download.rawPayload)).toBe(0);
    expect((await fetchSheet(otherCounty.cookie)).statusCode).toBe(404);
    expect((await fetchSheet(null)).statusCode).toBe(401);
  });
});

describe('321 compliance and visit coverage', () => {
  it('counts a month’s dispatches per party against 321, with evidence, and the quarter’s visit coverage', async () => {
    const { county, otherCounty } = await on('2026-11-02');
    // A department responsible for 蕉城 projects (the parties are the projects' departments and leaders).
    const [department] = await t.db
      .selectDistinct({ id: organisations.id, name: organisations.name })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.responsibleDepartmentId))
      .where(eq(projects.regionCode, '350902'))
      .orderBy(organisations.name)
      .limit(1);
    expect(department).toBeDefined();
    const head = await userId(t, 'leader1');
    const rules = await county.get('/api/cadence-rules/350902');
    expect(rules.body).toMatchObject({ saved: false, requirements: cadencePreset321 });
    const saved = await county.put('/api/cadence-rules/350902', {
      requirements: cadencePreset321,
      headUserId: head,
      version: null,
    });
    expect(saved.status).toBe(200);
    expect(
      (await county.put('/api/cadence-rules/350902', { requirements: [], headUserId: null, version: null }))
        .status,
    ).toBe(409);

    // The department chairs one meeting and visits twice in October (once more in September); the head
    // hears the projects' reports once.
    const meetingOn = async (heldOn: string, extra: Record<string, unknown>) => {
      const m = await county.post('/api/meetings', {
        regionCode: '350902',
        title: '专题调度',
        heldOn,
        ...extra,
      });
      expect(m.status).toBe(200);
      expect((await county.post(`/api/meetings/${m.body.id}/hold`, { version: m.body.version })).status).toBe(
        200,
      );
      return m.body.id as string;
    };
    const deptMeeting = await meetingOn('2026-10-09', { chairOrganisationId: department!.id });
    const hearing = await meetingOn('2026-10-12', {
      chairUserId: head,
      kind: 'hearing',
      title: '听取重点项目汇报',
    });
    // Another 蕉城 project still being built or prepared (a key project the coverage counts).
    const [other] = await t.db
      .select({ id: projects.id })
      .from(projects)
      .where(
        and(
          eq(projects.regionCode, '350902'),
          ne(projects.id, project),
          notInArray(projects.stage, ['completed', 'operating']),
        ),
      )
      .orderBy(projects.code)
      .limit(1);
    const demoProject = other!.id;
    const visit = async (visitedOn: string, projectIds: string[]) => {
      const v = await county.post('/api/field-visits', {
        regionCode: '350902',
        visitorKind: 'department',
        visitorOrganisationId: department!.id,
        visitorName: department!.name,
        visitedOn,
        projectIds,
        solvedOnSpot: 1,
      });
      expect(v.status).toBe(200);
      return v.body.id as string;
    };
    await visit('2026-09-30', [project]);
    const october = await visit('2026-10-15', [project, demoProject]);
    await visit('2026-10-28', [project]);
    // A visit in the future, or to another county's project, is refused on its field.
    expect(
      (
        await county.post('/api/field-visits', {
          regionCode: '350902',
          visitorKind: 'leader',
          visitorName: '张',
          visitedOn: '2026-11-20',
          projectIds: [project],
        })
      ).status,
    ).toBe(400);

    const compliance = await county.get('/api/cadence-compliance?regionCode=350902&month=2026-10');
    expect(compliance.status).toBe(200);
    const rows = compliance.body.rows as {
      party: { key: string; role: string };
      required: number;
      held: number;
      met: boolean;
      byKind: Record<string, number>;
      evidence: { kind: string; id: string }[];
    }[];
    const dept = rows.find((r) => r.party.key === `org:${department!.id}`)!;
    expect(dept).toMatchObject({
      required: 3,
      held: 3,
      met: true,
      byKind: { meetingChaired: 1, siteVisit: 2, reportHearing: 0 },
    });
    expect(dept.evidence.map((e) => e.id)).toEqual([deptMeeting, october, expect.any(String)]);
    const headRow = rows.find((r) => r.party.key === `user:${head}`)!;
    expect(headRow).toMatchObject({
      party: { role: 'head' },
      required: 1,
      held: 1,
      met: true,
      byKind: { reportHearing: 1 },
    });
    expect(headRow.evidence).toEqual([
      { kind: 'meeting', id: hearing, title: '2026-10-12 听取重点项目汇报' },
    ]);
    expect((await otherCounty.get('/api/cadence-compliance?regionCode=350902&month=2026-10')).status).toBe(
      404,
    );

    // A problem found on the October visit joins it; one on a project it did not visit does not.
    const found = await county.post('/api/problems', {
      projectId: demoProject,
      category: '征迁',
      description: '施工用电临时接入未落实，影响夜间施工',
      channel: 'visit',
    });
    expect(found.status).toBe(200);
    const linked = await county.post(`/api/field-visits/${october}/problems`, { problemId: found.body.id });
    expect(linked.status).toBe(200);
    expect(linked.body.problems.map((p: { id: string }) => p.id)).toEqual([found.body.id]);
    const later = await county.post('/api/field-visits', {
      regionCode: '350902',
      visitorKind: 'leader',
      visitorName: '张副区长',
      visitedOn: '2026-11-02',
      projectIds: [project],
    });
    expect(
      (await county.post(`/api/field-visits/${later.body.id}/problems`, { problemId: found.body.id })).status,
    ).toBe(400);

    const coverage = await county.get('/api/field-visits/coverage?regionCode=350902&quarter=2026-Q4');
    expect(coverage.status).toBe(200);
    const keyProjects = (
      await t.db
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.regionCode, '350902'), notInArray(projects.stage, ['completed', 'operating'])))
    ).length;
    expect(coverage.body.keyProjects).toBe(keyProjects);
    expect(coverage.body.visited).toBe(2);
    const byDept = coverage.body.byVisitor.find(
      (v: { visitorName: string }) => v.visitorName === department!.name,
    );
    expect(byDept).toMatchObject({ visits: 2, projectsVisited: 2, problemsFound: 1, solvedOnSpot: 2 });
    expect(byDept.share).toBe(((2 * 1000) / keyProjects / 10).toFixed(1));
  });
});
