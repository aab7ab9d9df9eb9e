import type { Inspection, RecordInspection } from '@tuijin/contracts';
import { RecordInspection as RecordInspectionSchema } from '@tuijin/contracts';
import { AppError, chinaDate, findingDeadline, type InspectionCategory, invalid } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { inspectionFindings, inspections } from '../../db/schema';
import { recordAudit } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import { checklistForInspection } from './checklists';
import { getInspection, loadInspectableProject } from './inspections.queries';

/**
 * 登记督查: the inspecting unit (the actor's organisation) records its inspection of a site it may
 * see, on a day not in the future, against a checklist that applies in the project's region (its
 * items kept as they are now), a result per item (unlisted items 不适用), and its findings — each on
 * an item marked 发现问题, with a deadline by severity in working days unless given (never before
 * the inspection day). One transaction; audited `inspection.record`.
 */
export async function recordInspection(ctx: Ctx, raw: RecordInspection): Promise<Inspection> {
  const input = RecordInspectionSchema.parse(raw);
  const project = await loadInspectableProject(ctx.db, ctx.actor, input.projectId);
  const today = chinaDate(ctx.clock.now());
  if (input.inspectedOn > today)
    throw new AppError('VALIDATION_FAILED', '督查日期不能晚于今天', [
      { path: 'inspectedOn', message: '不能晚于今天' },
    ]);
  const checklist = await checklistForInspection(ctx.db, project.regionPath, input);
  const problems: { path: string; message: string }[] = [];
  const results = new Map<string, (typeof input.results)[number]>();
  input.results.forEach((r, i) => {
    if (!checklist.items.some((item) => item.key === r.key))
      problems.push({ path: `results.${i}.key`, message: `检查项“${r.key}”不在清单“${checklist.name}”中` });
    else if (results.has(r.key)) problems.push({ path: `results.${i}.key`, message: `检查项“${r.key}”重复` });
    results.set(r.key, r);
  });
  input.findings.forEach((f, i) => {
    if (results.get(f.itemKey)?.result !== 'issue')
      problems.push({ path: `findings.${i}.itemKey`, message: '问题应对应标为“发现问题”的检查项' });
    if (f.deadlineOn !== null && f.deadlineOn < input.inspectedOn)
      problems.push({ path: `findings.${i}.deadlineOn`, message: '整改期限不能早于督查日期' });
  });
  for (const [key, r] of results)
    if (r.result === 'issue' && !input.findings.some((f) => f.itemKey === key))
      problems.push({ path: 'findings', message: `检查项“${key}”发现问题，请填写问题描述` });
  if (problems.length > 0) throw invalid(problems, `督查登记有误：${problems[0]!.message}`);

  const calendar = await loadHolidayCalendar(ctx.db);
  const items = checklist.items.map((item) => ({
    ...item,
    result: results.get(item.key)?.result ?? ('na' as const),
    note: results.get(item.key)?.note ?? null,
  }));
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspections)
      .values({
        projectId: project.id,
        regionPath: project.regionPath,
        inspectedOn: input.inspectedOn,
        organisationId: ctx.actor.organisationId,
        inspectorUserId: ctx.actor.userId,
        inspectorName: ctx.actor.displayName,
        checklistId: checklist.id,
        checklistName: checklist.name,
        items,
        note: input.note,
        siteContact: input.siteContact,
        createdAt: ctx.clock.now(),
      })
      .returning();
    const inserted =
      input.findings.length === 0
        ? []
        : await tx
            .insert(inspectionFindings)
            .values(
              input.findings.map((f) => {
                const item = checklist.items.find((i) => i.key === f.itemKey)!;
                const due = findingDeadline(input.inspectedOn, f.severity, calendar);
                return {
                  inspectionId: row!.id,
                  projectId: project.id,
                  regionPath: project.regionPath,
                  foundOn: input.inspectedOn,
                  organisationId: ctx.actor.organisationId,
                  itemKey: item.key,
                  itemText: item.text,
                  category: item.category as InspectionCategory,
                  description: f.description,
                  severity: f.severity,
                  deadlineOn: f.deadlineOn ?? due.deadlineOn,
                  isDeadlineProvisional: f.deadlineOn === null && due.isDeadlineProvisional,
                  status: 'open' as const,
                  createdAt: ctx.clock.now(),
                  updatedAt: ctx.clock.now(),
                  statusChangedAt: ctx.clock.now(),
                };
              }),
            )
            .returning({ id: inspectionFindings.id, deadlineOn: inspectionFindings.deadlineOn });
    await recordAudit(tx, ctx, {
      action: 'inspection.record',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      detail: {
        inspectionId: row!.id,
        inspectedOn: input.inspectedOn,
        checklist: checklist.name,
        issues: items.filter((i) => i.result === 'issue').length,
        findings: inserted.map((f) => ({ id: f.id, deadlineOn: f.deadlineOn })),
      },
    });
    return row!.id;
  });
  return getInspection(ctx, id);
}
