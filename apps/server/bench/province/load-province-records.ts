/**
 * The records part of the province loader: a year of monthly reports written month-major with
 * their review events, and the problems with their timelines, each with the audit events its use
 * case records (`report.save`, `report.submit`, `report.approve`/`report.return`, `problem.raise`),
 * as multi-row INSERTs in big batches chained by the product's hash.
 */
import { randomUUID } from 'node:crypto';
import { type Actor, openProblemStatuses } from '@tuijin/domain';
import type pg from 'pg';
import { step } from '../bench-kit';
import { type AuditRow, appendAudits, insertRows } from './bulk-sql';
import type { LoadedPeople } from './load-province';
import { isOpenProblem, monthReports, type ProvinceShape } from './province-data';

export const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const monthDay = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const reportColumns = [
  ['id', 'uuid'],
  ['project_id', 'uuid'],
  ['year', 'int'],
  ['month', 'int'],
  ['completed_wan_yuan', 'numeric'],
  ['progress', 'text'],
  ['status', 'text'],
  ['due_on', 'date'],
  ['submitted_at', 'timestamptz'],
  ['submitted_by', 'uuid'],
  ['late', 'boolean'],
  ['reviewed_at', 'timestamptz'],
  ['reviewed_by', 'uuid'],
  ['reviewed_by_name', 'text'],
  ['return_reason', 'text'],
  ['version', 'int'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

const eventColumns = [
  ['report_id', 'uuid'],
  ['action', 'text'],
  ['reason', 'text'],
  ['actor_id', 'uuid'],
  ['actor_name', 'text'],
  ['at', 'timestamptz'],
] as const;

const returnReason = '形象进度与本月完成投资不符，请核实后重新报送';

/**
 * A month at a time (all projects' January, then February…), as owners save and submit and the
 * county offices review: the reports, their `submitted`/`approved`/`returned` events and the audit
 * events in time order, one transaction per month.
 */
export async function loadReports(
  client: pg.ClientBase,
  auditKey: Buffer,
  shape: ProvinceShape,
  people: LoadedPeople,
  projectIds: string[],
) {
  for (let month = 1; month <= 12; month++) {
    const built = performance.now();
    const savedAt = at(monthDay(shape.year, month, 15), 9);
    const onTime = at(monthDay(shape.year, month, 18));
    const lateAt = at(monthDay(shape.year, month, 27));
    const dueOn = monthDay(shape.year, month, 25);
    const reports: unknown[][] = [];
    const events: unknown[][] = [];
    const saves: AuditRow[] = [];
    const submits: AuditRow[] = [];
    const reviews: AuditRow[] = [];
    for (const r of monthReports(shape, month)) {
      const project = shape.projects[r.projectIndex]!;
      const projectId = projectIds[r.projectIndex]!;
      const owner = people.ownerUsers[project.ownerIndex]!;
      const reviewer = people.officeUsers.get(project.countyCode)!;
      const path = people.regionPaths.get(project.countyCode)!;
      const id = randomUUID();
      const submittedAt = r.status === 'draft' ? null : r.late ? lateAt : onTime;
      const reviewedAt =
        submittedAt && (r.status === 'approved' || r.status === 'returned')
          ? new Date(submittedAt.getTime() + 86_400_000)
          : null;
      const detail = { reportId: id, year: shape.year, month };
      saves.push(
        audit(
          owner,
          savedAt,
          'report.save',
          'project',
          projectId,
          path,
          {
            completedWanYuan: { before: null, after: r.completedWanYuan },
            progress: { before: null, after: '按计划推进' },
          },
          detail,
        ),
      );
      if (submittedAt) {
        events.push([id, 'submitted', null, owner.id, owner.displayName, submittedAt]);
        submits.push(
          audit(
            owner,
            submittedAt,
            'report.submit',
            'project',
            projectId,
            path,
            {
              status: { before: 'draft', after: 'submitted' },
              late: { before: false, after: r.late },
            },
            { ...detail, warnings: [] },
          ),
        );
      }
      if (reviewedAt) {
        const approved = r.status === 'approved';
        events.push([
          id,
          approved ? 'approved' : 'returned',
          approved ? null : returnReason,
          reviewer.id,
          reviewer.displayName,
          reviewedAt,
        ]);
        reviews.push(
          audit(
            reviewer,
            reviewedAt,
            approved ? 'report.approve' : 'report.return',
            'project',
            projectId,
            path,
            {
              status: { before: 'submitted', after: r.status },
            },
            approved ? detail : { ...detail, reason: returnReason },
          ),
        );
      }
      reports.push([
        id,
        projectId,
        shape.year,
        month,
        r.completedWanYuan,
        '按计划推进',
        r.status,
        dueOn,
        submittedAt,
        submittedAt ? owner.id : null,
        r.late,
        reviewedAt,
        reviewedAt ? reviewer.id : null,
        reviewedAt ? reviewer.displayName : null,
        r.status === 'returned' ? returnReason : null,
        (submittedAt ? 1 : 0) + (reviewedAt ? 1 : 0),
        savedAt,
        reviewedAt ?? submittedAt ?? savedAt,
      ]);
    }
    const writing = performance.now();
    await client.query('begin');
    const t0 = performance.now();
    await insertRows(client, 'monthly_reports', reportColumns, reports);
    const t1 = performance.now();
    await insertRows(client, 'monthly_report_events', eventColumns, events);
    const t2 = performance.now();
    await appendAudits(client, auditKey, [...saves, ...submits, ...reviews]);
    const t3 = performance.now();
    await client.query('commit');
    step(
      `  month ${month}: ${reports.length} reports, ${events.length} events, ${saves.length + submits.length + reviews.length} audit events ` +
        `(built ${Math.round(writing - built)} ms; reports ${Math.round(t1 - t0)}, events ${Math.round(t2 - t1)}, audit ${Math.round(t3 - t2)}, commit ${Math.round(performance.now() - t3)} ms)`,
    );
  }
}

/** Problems raised by the owners through the year, routed to the county office, with timelines. */
export async function loadProblems(
  client: pg.ClientBase,
  auditKey: Buffer,
  shape: ProvinceShape,
  people: LoadedPeople,
  projectIds: string[],
) {
  const sequences = new Map<string, number>();
  const problems: unknown[][] = [];
  const events: unknown[][] = [];
  const audits: AuditRow[] = [];
  const sorted = [...shape.problems].sort(
    (a, b) => a.raisedOn.localeCompare(b.raisedOn) || a.index - b.index,
  );
  for (const p of sorted) {
    const project = shape.projects[p.projectIndex]!;
    const owner = people.ownerUsers[project.ownerIndex]!;
    const office = people.officeUsers.get(project.countyCode)!;
    const officeId = people.officeIds.get(project.countyCode)!;
    const path = people.regionPaths.get(project.countyCode)!;
    const number = (sequences.get(project.countyCode) ?? 0) + 1;
    sequences.set(project.countyCode, number);
    const id = randomUUID();
    const referenceNumber = `WT-${project.countyCode}-${shape.year}-${String(number).padStart(6, '0')}`;
    const raisedAt = at(p.raisedOn, 9);
    const answered = ['answered', 'confirmed', 'written_off'].includes(p.status);
    const answeredAt = answered ? new Date(raisedAt.getTime() + 5 * 86_400_000) : null;
    problems.push([
      id,
      referenceNumber,
      projectIds[p.projectIndex],
      project.countyCode,
      path,
      p.category,
      `${p.category}问题：${project.name}推进受阻`,
      '请协调解决',
      'app',
      owner.displayName,
      owner.id,
      people.ownerIds[project.ownerIndex],
      raisedAt,
      p.status,
      p.raisedOn,
      p.dueOn,
      10,
      officeId,
      answered ? '已协调解决' : null,
      answeredAt,
      answered ? office.displayName : null,
      p.status === 'confirmed' || p.status === 'written_off' ? answeredAt : null,
      p.status === 'written_off' ? answeredAt : null,
      p.status === 'rejected' ? '不属于项目推进问题' : null,
      isOpenProblem(p.status) ? 1 : 2,
      raisedAt,
      answeredAt ?? raisedAt,
    ]);
    events.push([
      id,
      'raise',
      null,
      'raised',
      null,
      1,
      officeId,
      null,
      owner.id,
      owner.displayName,
      raisedAt,
    ]);
    if (p.status !== 'raised')
      events.push([
        id,
        p.status,
        'raised',
        p.status,
        1,
        1,
        officeId,
        null,
        office.id,
        office.displayName,
        answeredAt ?? raisedAt,
      ]);
    audits.push(
      audit(owner, raisedAt, 'problem.raise', 'problem', id, path, null, {
        referenceNumber,
        projectId: projectIds[p.projectIndex],
        category: p.category,
      }),
    );
  }
  await client.query('begin');
  await insertRows(
    client,
    'problems',
    [
      ['id', 'uuid'],
      ['reference_number', 'text'],
      ['project_id', 'uuid'],
      ['region_code', 'text'],
      ['region_path', 'text'],
      ['category', 'text'],
      ['description', 'text'],
      ['request', 'text'],
      ['channel', 'text'],
      ['raised_by_name', 'text'],
      ['raised_by', 'uuid'],
      ['raised_by_organisation_id', 'uuid'],
      ['raised_at', 'timestamptz'],
      ['status', 'text'],
      ['level_started_on', 'date'],
      ['due_on', 'date'],
      ['limit_working_days', 'int'],
      ['handler_organisation_id', 'uuid'],
      ['answer', 'text'],
      ['answered_at', 'timestamptz'],
      ['answered_by_name', 'text'],
      ['confirmed_at', 'timestamptz'],
      ['written_off_at', 'timestamptz'],
      ['reject_reason', 'text'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    problems,
  );
  await insertRows(
    client,
    'problem_events',
    [
      ['problem_id', 'uuid'],
      ['action', 'text'],
      ['from_status', 'text'],
      ['to_status', 'text'],
      ['from_level', 'int'],
      ['to_level', 'int'],
      ['handler_organisation_id', 'uuid'],
      ['note', 'text'],
      ['actor_id', 'uuid'],
      ['actor_name', 'text'],
      ['at', 'timestamptz'],
    ],
    events,
  );
  await insertRows(
    client,
    'problem_sequences',
    [
      ['region_code', 'text'],
      ['year', 'int'],
      ['last_number', 'int'],
    ],
    [...sequences].map(([code, last]) => [code, shape.year, last]),
  );
  await appendAudits(client, auditKey, audits);
  await client.query('commit');
  // The product's own list of open statuses must agree with the generator's.
  const open = shape.problems.filter((p) => isOpenProblem(p.status)).length;
  const stored = await client.query<{ n: number }>(
    `select count(*)::int as n from problems where status = any($1::text[])`,
    [openProblemStatuses],
  );
  if (stored.rows[0]!.n !== open)
    throw new Error(`open problems: generated ${open}, stored ${stored.rows[0]!.n}`);
}

/** An audit event as `recordAudit` would write it for `actor` at `when`. */
export function audit(
  actor: Pick<Actor, 'userId'> | { id: string; username: string },
  when: Date,
  action: string,
  entityType: string,
  entityId: string,
  regionPath: string,
  changes: unknown,
  detail: unknown = null,
): AuditRow {
  const id = 'userId' in actor ? actor.userId : actor.id;
  const name = 'userId' in actor ? (actor as Actor).username : actor.username;
  return {
    at: when,
    actorId: id,
    actorName: name,
    action,
    entityType,
    entityId,
    regionPath,
    ip: null,
    changes,
    detail,
  };
}
