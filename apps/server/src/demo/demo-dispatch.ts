import type { MeetingDetail } from '@tuijin/contracts';
import { type Actor, addWorkingDays, chinaDate } from '@tuijin/domain';
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { users } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import { loadHolidayCalendar } from '../modules/calendar';
import {
  closeMeeting,
  createMeetingSeries,
  decideTask,
  editMeetingAgenda,
  getMeeting,
  holdMeeting,
  moveDispatchTask,
  recordAgendaMinutes,
  recordMeetingAttendance,
  scheduleMeeting,
  updateMeetingSeries,
} from '../modules/dispatch';
import { demoClock } from './demo-clock';

const dayOffset = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The Monday on or before `date`. */
function mondayOnOrBefore(date: string) {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dayOffset(date, -((weekday + 6) % 7));
}

/**
 * 调度 in the demo: the city adopts 五个一; 蕉城区 adopts the county weekly meeting (bound to ladder level
 * 2, the weekly meeting of Luohe's ladder — 蕉城 has no ladder in the demo, so its agenda takes up
 * overdue tasks and red projects) four weeks ago and has held two sittings since, with attendance,
 * minutes and 交办事项 for 蕉城城投 (owner1's unit) and 市住建局: one verified, one overdue (in
 * progress), one reported done awaiting verification, one open; the first sitting is closed with its
 * 交办单, the next is scheduled. All
 * through the dispatch module's use cases, each step as its person on its day.
 */
export async function loadDemoDispatch(ctx: Ctx): Promise<{ meetings: number; tasks: number }> {
  const today = chinaDate(ctx.clock.now());
  const calendar = await loadHolidayCalendar(ctx.db);
  const accounts = new Map(
    (
      await actorSource(ctx.db).where(inArray(users.username, ['ningde', 'jiaocheng', 'owner1', 'zhujian']))
    ).map((row) => [row.username, toActor(row)]),
  );
  const person = (username: string) => {
    const actor = accounts.get(username);
    if (!actor) throw new Error(`demo account ${username} missing`);
    return actor;
  };
  const [office, owner, department] = [person('jiaocheng'), person('owner1'), person('zhujian')];
  const as = (actor: Actor, date: string, hour = 9): Ctx => ({
    ...ctx,
    actor,
    clock: demoClock(new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`), ctx.clock),
  });
  const working = (date: string, n = 0) => addWorkingDays(date, n, calendar);

  await createMeetingSeries(as(person('ningde'), today), { regionCode: '350900', preset: 'fiveOnes' });

  const firstOn = working(dayOffset(mondayOnOrBefore(today), -28));
  const secondOn = working(dayOffset(mondayOnOrBefore(today), -14));
  const adopted = await createMeetingSeries(as(office, dayOffset(firstOn, -3)), {
    regionCode: '350902',
    preset: 'countyWeekly',
  });
  const weekly = adopted.data.find((s) => s.code === 'county-weekly')!;
  await updateMeetingSeries(as(office, dayOffset(firstOn, -3)), weekly.id, {
    name: weekly.name,
    kind: weekly.kind,
    chairTitle: '区长',
    cadence: weekly.cadence,
    ladderLevel: 2,
    attendeeOrganisationIds: [office.organisationId, owner.organisationId, department.organisationId],
    active: true,
    version: weekly.version,
  });

  const attendance = [
    { organisationId: office.organisationId, personName: '陈志强', status: 'present' as const },
    { organisationId: owner.organisationId, personName: owner.displayName, status: 'present' as const },
    {
      organisationId: department.organisationId,
      personName: department.displayName,
      status: 'delegated' as const,
      delegateName: '林晓东',
    },
  ];

  /** One past sitting: scheduled the Friday before, an item added, attendance, held, minutes by kind of item. */
  async function sitting(heldOn: string, added: string, minutes: Partial<Record<string, string>>) {
    const before = as(office, dayOffset(heldOn, -3));
    let meeting: MeetingDetail = await scheduleMeeting(before, {
      seriesId: weekly.id,
      heldOn,
      place: '蕉城区政府三楼会议室',
      chairName: '陈区长',
    });
    meeting = await editMeetingAgenda(before, meeting.id, {
      dropped: [],
      added: [{ key: 'custom:1', title: added }],
      order: ['custom:1'],
      version: meeting.version,
    });
    meeting = await recordMeetingAttendance(before, meeting.id, {
      attendees: attendance,
      version: meeting.version,
    });
    meeting = await holdMeeting(as(office, heldOn), meeting.id, meeting.version);
    // Minutes on the first item of each kind named (the chair sums up one red project for all).
    for (const [source, text] of Object.entries(minutes)) {
      const item = meeting.agenda.find((i) => i.source === source);
      if (item && text) meeting = await recordAgendaMinutes(as(office, heldOn, 11), item.id!, text);
    }
    return meeting;
  }

  const first = await sitting(firstOn, '协调城南片区安置房项目电力接入', {
    custom: '区供电公司与城投公司对接接入方案，城投公司 8 个工作日内完成报审。',
    redProject: '项目进度滞后，由市住建局督促施工单位增加作业面，限期追回进度。',
  });
  const projectItem = first.agenda.find((item) => item.projectId !== null) ?? first.agenda[0]!;
  const customItem = first.agenda.find((item) => item.source === 'custom')!;
  await decideTask(as(office, firstOn, 11), first.id, {
    agendaItemId: projectItem.id,
    title: '督促施工单位增加作业面，限期追回进度',
    organisationId: department.organisationId,
    personName: department.displayName,
    limitWorkingDays: 5,
  });
  await decideTask(as(office, firstOn, 11), first.id, {
    agendaItemId: customItem.id,
    title: '完成城南片区安置房电力接入方案报审',
    organisationId: owner.organisationId,
    personName: owner.displayName,
    limitWorkingDays: 8,
  });

  const tasksOf = async (meetingId: string) =>
    (await getMeeting(as(office, today), meetingId)).tasks.map((task) => ({
      id: task.id,
      version: task.version,
    }));
  // The first sitting is closed that evening: each responsible unit gets its numbered 交办单.
  await closeMeeting(
    as(office, firstOn, 17),
    first.id,
    (await getMeeting(as(office, firstOn, 17), first.id)).version,
  );
  const [speedUp, power] = await tasksOf(first.id);
  // Verified: 住建局 reports on the fourth working day, the office verifies the next.
  const reported = await moveDispatchTask(as(department, working(firstOn, 4), 16), speedUp!.id, {
    action: 'reportDone',
    note: '施工单位已增加 2 个作业面，本周完成形象进度 8%。',
    version: speedUp!.version,
  });
  await moveDispatchTask(as(office, working(firstOn, 5), 10), speedUp!.id, {
    action: 'verify',
    note: '经现场核实，进度已追回。',
    version: reported.version,
  });
  // Overdue: 城投 starts the next day and has not finished.
  await moveDispatchTask(as(owner, working(firstOn, 1), 10), power!.id, {
    action: 'start',
    note: '已与供电公司对接。',
    version: power!.version,
  });
  const second = await sitting(secondOn, '研究城北物流园用地报批', {
    custom: '自然资源部门加快用地报批材料审核，城投公司补齐材料。',
    overdueTask: '责任单位说明超期原因，一周内办结，下次例会报告。',
  });
  const secondCustom = second.agenda.find((item) => item.source === 'custom')!;
  await decideTask(as(office, secondOn, 11), second.id, {
    agendaItemId: secondCustom.id,
    title: '补齐城北物流园用地报批材料',
    organisationId: owner.organisationId,
    personName: owner.displayName,
    limitWorkingDays: 3,
  });
  await decideTask(as(office, secondOn, 11), second.id, {
    agendaItemId: secondCustom.id,
    title: '牵头组织城北物流园用地联合踏勘',
    organisationId: department.organisationId,
    personName: department.displayName,
    limitWorkingDays: 15,
  });

  const [materials] = await tasksOf(second.id);
  // Reported done, awaiting the office.
  await moveDispatchTask(as(owner, working(secondOn, 2), 15), materials!.id, {
    action: 'reportDone',
    note: '已补齐用地报批材料并报送市自然资源局。',
    version: materials!.version,
  });

  await scheduleMeeting(as(office, today, 9), {
    seriesId: weekly.id,
    place: '蕉城区政府三楼会议室',
    chairName: '陈区长',
  });
  return { meetings: 3, tasks: 4 };
}
