import type {
  AcceptStoppage,
  FileStoppage,
  ProjectResumption,
  RecordStoppage,
  ResumeStoppage,
} from '@tuijin/contracts';
import {
  AppError,
  authorize,
  checkStoppageDates,
  chinaDate,
  invalid,
  stoppageStatusNames,
  transitionStoppage,
} from '@tuijin/domain';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projectStoppages, projects, whitelistEntries } from '../../db/schema';
import { recordAudit, updateVersioned } from '../audit';
import {
  acceptanceRuleFor,
  loadResumptionProject,
  loadStoppage,
  mayAcceptStoppage,
  mayRecordStoppage,
  presentStoppage,
  presentWhitelistEntry,
  regionNameMap,
  type StoppageRow,
  stoppagesOf,
  whitelistColumns,
} from './resumption.queries';

const conflict = '停工记录已被他人修改，请刷新后重试';

/** 停复工 tab: a project's stoppages, whether another may be recorded, its rule and its whitelist entries. */
export async function projectResumption(ctx: Ctx, projectId: string): Promise<ProjectResumption> {
  authorize(ctx.actor, 'resumption.read');
  const project = await loadResumptionProject(ctx.db, ctx.actor, projectId);
  const rows = await stoppagesOf(ctx.db, projectId);
  const rule = await acceptanceRuleFor(ctx.db, project.regionPath);
  const listed = await ctx.db
    .select(whitelistColumns)
    .from(whitelistEntries)
    .innerJoin(projects, eq(projects.id, whitelistEntries.projectId))
    .where(eq(whitelistEntries.projectId, projectId))
    .orderBy(whitelistEntries.includedOn);
  const names = await regionNameMap(ctx.db);
  return {
    data: rows.map((row) => presentStoppage(ctx.actor, project, row)),
    canRecord:
      mayRecordStoppage(ctx.actor) && !!project.actualStartOn && rows.every((r) => r.status === 'resumed'),
    acceptanceRequired: rule.required,
    defaultInspectionGroup: rule.inspectionGroup,
    whitelist: listed.map((row) => presentWhitelistEntry(ctx.actor, row, names)),
  };
}

/**
 * 登记停工: a project under construction stops on a date for a reason. Refused while another
 * stoppage of it is open, before it started, after completion, or in the future. Whether resuming
 * will need an inspection group's acceptance is fixed now from the jurisdiction's rule.
 * One transaction: the row and `stoppage.record`.
 */
export async function recordStoppage(ctx: Ctx, projectId: string, input: RecordStoppage) {
  authorize(ctx.actor, 'resumption.manage');
  const project = await loadResumptionProject(ctx.db, ctx.actor, projectId);
  if (!mayRecordStoppage(ctx.actor)) throw new AppError('FORBIDDEN', '没有登记停工的权限');
  const today = chinaDate(ctx.clock.now());
  const problems = checkStoppageDates(
    'record',
    { on: input.stoppedOn, actualStartOn: project.actualStartOn },
    today,
  );
  if (project.actualCompletionOn && input.stoppedOn >= project.actualCompletionOn)
    problems.push({ path: 'stoppedOn', message: `项目已于 ${project.actualCompletionOn} 竣工` });
  if (input.expectedResumeOn && input.expectedResumeOn < input.stoppedOn)
    problems.push({ path: 'expectedResumeOn', message: '预计复工日期不能早于停工日期' });
  if (problems.length > 0) throw invalid(problems, problems[0]!.message);
  const rule = await acceptanceRuleFor(ctx.db, project.regionPath);
  return ctx.db.transaction(async (tx) => {
    await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, project.id)).for('update');
    const [open] = await tx
      .select({ id: projectStoppages.id, stoppedOn: projectStoppages.stoppedOn })
      .from(projectStoppages)
      .where(and(eq(projectStoppages.projectId, project.id), ne(projectStoppages.status, 'resumed')));
    if (open)
      throw new AppError('INVALID_TRANSITION', `项目自 ${open.stoppedOn} 停工尚未复工，不能再登记停工`);
    const [last] = await tx
      .select({ resumedOn: projectStoppages.resumedOn })
      .from(projectStoppages)
      .where(eq(projectStoppages.projectId, project.id))
      .orderBy(desc(projectStoppages.stoppedOn))
      .limit(1);
    if (last?.resumedOn && input.stoppedOn < last.resumedOn)
      throw invalid(
        [{ path: 'stoppedOn', message: `不能早于上次复工日期 ${last.resumedOn}` }],
        `不能早于上次复工日期 ${last.resumedOn}`,
      );
    const [row] = await tx
      .insert(projectStoppages)
      .values({
        projectId: project.id,
        stoppedOn: input.stoppedOn,
        reasonCategory: input.reasonCategory,
        reason: input.reason,
        expectedResumeOn: input.expectedResumeOn,
        inspectionRequired: rule.required,
        status: 'stopped',
        recordedByName: ctx.actor.displayName,
        recordedAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'stoppage.record',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      detail: {
        stoppageId: row!.id,
        stoppedOn: input.stoppedOn,
        reasonCategory: input.reasonCategory,
        inspectionRequired: rule.required,
      },
    });
    return presentStoppage(ctx.actor, project, row!);
  });
}

type Loaded = Awaited<ReturnType<typeof loadStoppage>>;

/** One step on a stoppage in one transaction: version check, the row and its audit event. */
async function moveStoppage(
  ctx: Ctx,
  { project, stoppage }: Loaded,
  version: number,
  action: 'resume' | 'accept' | 'file',
  set: Partial<typeof projectStoppages.$inferInsert>,
  detail: Record<string, unknown>,
) {
  if (stoppage.version !== version) throw new AppError('CONFLICT', conflict);
  const row: StoppageRow = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: projectStoppages,
      where: eq(projectStoppages.id, stoppage.id),
      version: stoppage.version,
      set,
      audit: (after) => ({
        action: `stoppage.${action}`,
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes:
          after.status === stoppage.status
            ? null
            : { status: { before: stoppage.status, after: after.status } },
        detail: { stoppageId: stoppage.id, ...detail },
      }),
      conflict,
    }),
  );
  return presentStoppage(ctx.actor, project, row);
}

/** 登记复工: stopped → resumed, or → 待验收 when the stoppage needs an inspection group's acceptance. */
export async function resumeStoppage(ctx: Ctx, stoppageId: string, input: ResumeStoppage) {
  authorize(ctx.actor, 'resumption.manage');
  const loaded = await loadStoppage(ctx.db, ctx.actor, stoppageId);
  const { stoppage } = loaded;
  const status = transitionStoppage(stoppage.status, 'resume', stoppage.inspectionRequired);
  const problems = checkStoppageDates(
    'resume',
    { on: input.resumedOn, stoppedOn: stoppage.stoppedOn },
    chinaDate(ctx.clock.now()),
  );
  if (problems.length > 0) throw invalid(problems, problems[0]!.message);
  return moveStoppage(
    ctx,
    loaded,
    input.version,
    'resume',
    { resumedOn: input.resumedOn, status },
    {
      resumedOn: input.resumedOn,
    },
  );
}

/** 验收: the office records the inspection group's acceptance (待验收 → 已复工). */
export async function acceptStoppage(ctx: Ctx, stoppageId: string, input: AcceptStoppage) {
  authorize(ctx.actor, 'resumption.manage');
  const loaded = await loadStoppage(ctx.db, ctx.actor, stoppageId);
  if (!mayAcceptStoppage(ctx.actor, loaded.project))
    throw new AppError('FORBIDDEN', '只有项目所在地的重点办可以登记复工验收');
  const { stoppage } = loaded;
  const status = transitionStoppage(stoppage.status, 'accept', stoppage.inspectionRequired);
  const problems = checkStoppageDates(
    'accept',
    { on: input.acceptedOn, resumedOn: stoppage.resumedOn },
    chinaDate(ctx.clock.now()),
  );
  if (problems.length > 0) throw invalid(problems, problems[0]!.message);
  return moveStoppage(
    ctx,
    loaded,
    input.version,
    'accept',
    { acceptedOn: input.acceptedOn, inspectionGroup: input.inspectionGroup, status },
    { acceptedOn: input.acceptedOn, inspectionGroup: input.inspectionGroup },
  );
}

/** 备案: the office records the date the stoppage was filed with it, once. */
export async function fileStoppage(ctx: Ctx, stoppageId: string, input: FileStoppage) {
  authorize(ctx.actor, 'resumption.manage');
  const loaded = await loadStoppage(ctx.db, ctx.actor, stoppageId);
  if (!mayAcceptStoppage(ctx.actor, loaded.project))
    throw new AppError('FORBIDDEN', '只有项目所在地的重点办可以登记停工备案');
  const { stoppage } = loaded;
  if (stoppage.filedOn)
    throw new AppError(
      'INVALID_TRANSITION',
      `该停工记录已于 ${stoppage.filedOn} 备案（${stoppageStatusNames[stoppage.status]}）`,
    );
  const problems = checkStoppageDates(
    'file',
    { on: input.filedOn, stoppedOn: stoppage.stoppedOn },
    chinaDate(ctx.clock.now()),
  );
  if (problems.length > 0) throw invalid(problems, problems[0]!.message);
  return moveStoppage(
    ctx,
    loaded,
    input.version,
    'file',
    { filedOn: input.filedOn },
    { filedOn: input.filedOn },
  );
}
