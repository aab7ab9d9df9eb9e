import type {
  ApprovalImportCell,
  ApprovalImportProblem,
  ApprovalImportResult,
  ApprovalImportRow,
} from '@tuijin/contracts';
import {
  AppError,
  type ApprovalCellEntry,
  type ApprovalImportIssue,
  type ApprovalStatus,
  approvalImportMessage,
  approvalImportWarnings,
  approvalStatusNames,
  authorize,
  chinaDate,
  defaultApprovalSettings,
  matchApprovalHeading,
  mayImportApprovalStatus,
  parseApprovalCell,
  pathInSubtree,
  promiseDueOn,
} from '@tuijin/domain';
import { eq, inArray, or } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { approvalItems, approvalMaterials, projects } from '../../db/schema';
import { isOfficeOver } from '../../lib/project-scope';
import { regionByCode } from '../../lib/region-lookup';
import { checkXlsx } from '../../lib/xlsx-guard';
import { type LedgerRow, readLedgerRows } from '../../lib/xlsx-rows';
import { type AuditInput, recordAudits, updateVersioned } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import type { ItemRow, MaterialRow } from './approvals.queries';
import { effectiveCatalogue } from './catalogue';
import { itemFromProcedure } from './checklist';
import { type ApprovalSheetRow, readApprovalSheets } from './read-approval-sheet';

export interface ImportApprovalsInput {
  bytes: Buffer;
  fileName: string | null;
  /** The jurisdiction the ledger is for; the importing office's own when null. */
  regionCode: string | null;
  /** Preview: plan everything, write nothing. */
  dryRun: boolean;
}

/** An import refused for blocking problems: nothing was written; the result says where. */
export class ApprovalImportRefusedError extends AppError {
  constructor(readonly result: ApprovalImportResult) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    super(
      'VALIDATION_FAILED',
      `前期手续台账有 ${errors.length} 个问题须先改正，未导入任何手续`,
      errors.slice(0, 50).map((p) => ({
        path: `${p.sheet}!${p.column ?? ''}${p.row}`,
        message: `工作表“${p.sheet}”第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}：${p.message}`,
      })),
    );
  }
}

type Procedure = Awaited<ReturnType<typeof effectiveCatalogue>>['procedures'][number];
type ProjectRow = Pick<typeof projects.$inferSelect, 'id' | 'code' | 'name' | 'regionPath'>;

/** The date a status stamps: acceptance, approval or return. */
function dateOf(item: Pick<ItemRow, 'status' | 'acceptedOn' | 'approvedOn' | 'returnedOn'>): string | null {
  if (item.status === 'approved') return item.approvedOn;
  if (item.status === 'accepted' || item.status === 'accepted_with_gaps') return item.acceptedOn;
  if (item.status === 'returned') return item.returnedOn;
  return null;
}

const stateOf = (
  item: Pick<ItemRow, 'status' | 'acceptedOn' | 'approvedOn' | 'returnedOn' | 'approvalNumber'>,
) => ({
  status: item.status as ApprovalStatus,
  on: dateOf(item),
  approvalNumber: item.approvalNumber,
});

/** The columns an entry sets on an item in `before` (or a new one): only what the ledger says. */
function fieldsOf(entry: ApprovalCellEntry, before: ItemRow | null): Partial<ItemRow> {
  const set: Partial<ItemRow> = { status: entry.status };
  if (entry.status === 'approved') {
    set.approvedOn = entry.on;
    if (entry.approvalNumber) set.approvalNumber = entry.approvalNumber;
  }
  if (entry.status === 'accepted' || entry.status === 'accepted_with_gaps') set.acceptedOn = entry.on;
  if (entry.status === 'returned') set.returnedOn = entry.on;
  if (entry.status === 'not_needed')
    set.notNeededReason = entry.reason ?? before?.notNeededReason ?? '前期手续台账记为不需办理';
  return set;
}

/** A planned write for one cell. */
interface PlannedChange {
  projectId: string;
  regionPath: string;
  item: ItemRow | null;
  procedure: Procedure;
  set: Partial<ItemRow>;
  materials: string[];
  entry: ApprovalCellEntry;
  where: { sheet: string; row: number; column: string };
}

/**
 * 导入前期手续台账: one row per project (项目编码, else 项目名称, matched in the importing office's
 * jurisdiction), one column per catalogue procedure, each cell by the grammar of
 * `parseApprovalCell`. The preview plans every cell and writes nothing; the import writes the same
 * plan in ONE transaction (none of it when any error is found, or when an item changed since it was
 * read — CONFLICT), one `approval.import` audit event per item created or changed naming the file,
 * sheet, row and column. Items missing from a project's checklist are created from the catalogue
 * that applies to it. An import sets statuses and dates directly (history is not replayed move by
 * move) but only forwards (`mayImportApprovalStatus`); dependencies are left as the catalogue has
 * them, and an item recorded as accepted or approved while a prerequisite is still open is a warning.
 * A re-import of the same ledger changes nothing and records nothing.
 */
export async function importApprovals(ctx: Ctx, input: ImportApprovalsInput): Promise<ApprovalImportResult> {
  authorize(ctx.actor, 'approval.manage');
  const region = await regionByCode(ctx.db, input.regionCode ?? ctx.actor.regionCode, 'region');
  if (!isOfficeOver(ctx.actor, region.path))
    throw new AppError('FORBIDDEN', `只能导入本辖区的前期手续台账（${region.name}不在您的辖区）`, [
      { path: 'region', message: '不在您的辖区' },
    ]);
  checkXlsx(input.bytes);
  const rows: LedgerRow[] = [];
  for await (const row of readLedgerRows(input.bytes)) rows.push(row);
  const today = chinaDate(ctx.clock.now());

  const problems: ApprovalImportProblem[] = [];
  const report = (
    where: { sheet: string; row: number; column: string | null },
    issue: ApprovalImportIssue,
    params: Record<string, string> = {},
  ) =>
    problems.push({
      ...where,
      severity: approvalImportWarnings.includes(issue) ? 'warning' : 'error',
      issue,
      params,
      message: approvalImportMessage({ issue, params }),
    });

  const read = readApprovalSheets(rows);
  for (const p of read.problems) report(p, p.issue, p.params);
  const regionCatalogue = await effectiveCatalogue(ctx.db, region.path);
  for (const sheet of read.sheets)
    for (const column of sheet.columns)
      if (!matchApprovalHeading(column.heading, regionCatalogue.procedures))
        report({ sheet: sheet.sheet, row: sheet.headerRow, column: column.letter }, 'unknownHeading', {
          heading: column.heading,
        });

  const dataRows = read.sheets.flatMap((s) => s.rows.map((row) => ({ row, columns: s.columns })));
  const found = await findProjects(
    ctx,
    dataRows.map((d) => d.row),
  );
  const inScope = (p: ProjectRow) =>
    pathInSubtree(p.regionPath, region.path) && isOfficeOver(ctx.actor, p.regionPath);
  const catalogues = new Map<string, Procedure[]>();
  const catalogueOf = async (regionPath: string) => {
    if (!catalogues.has(regionPath))
      catalogues.set(regionPath, (await effectiveCatalogue(ctx.db, regionPath)).procedures);
    return catalogues.get(regionPath)!;
  };
  const listed = await itemsOf(ctx, [...new Set([...found.values()].flat().map((p) => p.id))]);
  const firstRowOf = new Map<string, number>();
  const planned: PlannedChange[] = [];
  const presented: ApprovalImportRow[] = [];

  for (const { row, columns } of dataRows) {
    const where = { sheet: row.sheet, row: row.row, column: null };
    const projectText = row.code ?? row.name ?? '';
    const shown: ApprovalImportRow = {
      sheet: row.sheet,
      row: row.row,
      projectText,
      projectId: null,
      projectName: null,
      cells: [],
    };
    presented.push(shown);
    if (!row.code && !row.name) {
      report(where, 'noProject');
      continue;
    }
    const candidates = [
      ...(row.code ? (found.get(`code:${row.code}`) ?? []) : []),
      ...(row.name ? (found.get(`name:${row.name}`) ?? []) : []),
    ];
    const project = candidates.find(inScope);
    if (!project) {
      report(where, candidates.length > 0 ? 'outOfScope' : 'unknownProject', { project: projectText });
      continue;
    }
    shown.projectId = project.id;
    shown.projectName = project.name;
    if (firstRowOf.has(project.id)) {
      report(where, 'duplicateProject', {
        project: project.name,
        firstRow: String(firstRowOf.get(project.id)),
      });
      continue;
    }
    firstRowOf.set(project.id, row.row);
    const catalogue = await catalogueOf(project.regionPath);
    if (catalogue.length === 0) {
      report(where, 'noCatalogue', { project: project.name });
      continue;
    }
    const items = listed.items.get(project.id) ?? [];
    for (const column of columns) {
      if (!row.cells.has(column.index)) continue;
      const cellWhere = { sheet: row.sheet, row: row.row, column: column.letter };
      const procedure = matchApprovalHeading(column.heading, catalogue);
      const item = procedure
        ? (items.find((i) => i.procedureId === procedure.id || i.code === procedure.code) ?? null)
        : null;
      const cell: ApprovalImportCell = {
        column: column.letter,
        heading: column.heading,
        procedureName: procedure?.name ?? null,
        action: 'invalid',
        before: item ? stateOf(item) : null,
        after: null,
        missingMaterials: [],
      };
      shown.cells.push(cell);
      if (!procedure) {
        // A heading the jurisdiction's catalogue lacks is already reported once on the header.
        if (matchApprovalHeading(column.heading, regionCatalogue.procedures))
          report(cellWhere, 'procedureNotInCatalogue', { heading: column.heading, project: project.name });
        continue;
      }
      const parsed = parseApprovalCell(row.cells.get(column.index), today);
      if (!parsed) continue;
      if ('problem' in parsed) {
        report(cellWhere, parsed.problem.issue, parsed.problem.params);
        continue;
      }
      const { entry } = parsed;
      const from = (item?.status ?? 'not_started') as ApprovalStatus;
      if (!mayImportApprovalStatus(from, entry.status)) {
        const hintKey =
          from === 'accepted_with_gaps' && entry.status === 'approved'
            ? 'hintGaps'
            : from === 'approved' || from === 'not_needed'
              ? 'hintFinal'
              : '';
        report(cellWhere, 'cannotTake', {
          procedure: procedure.name,
          from: approvalStatusNames[from],
          to: approvalStatusNames[entry.status],
          fromStatus: from,
          toStatus: entry.status,
          hintKey,
          hint: { hintGaps: '；容缺材料补齐后才能批复', hintFinal: '；如需改动请在项目清单中办理', '': '' }[
            hintKey
          ],
        });
        continue;
      }
      if (entry.status === 'approved' && item?.acceptedOn && entry.on! < item.acceptedOn) {
        report(cellWhere, 'beforeAccepted', { date: entry.on!, acceptedOn: item.acceptedOn });
        continue;
      }
      const set = fieldsOf(entry, item);
      const known = new Set((item ? (listed.materials.get(item.id) ?? []) : []).map((m) => m.name));
      const materials = entry.missingMaterials.filter((name) => !known.has(name));
      const after = {
        ...(item ?? { acceptedOn: null, approvedOn: null, returnedOn: null, approvalNumber: null }),
        ...set,
      };
      cell.after = stateOf(after as ItemRow);
      cell.missingMaterials = materials;
      const changed =
        !item ||
        materials.length > 0 ||
        (Object.keys(set) as (keyof ItemRow)[]).some((field) => item[field] !== set[field]);
      cell.action = !item ? 'create' : changed ? 'update' : 'unchanged';
      if (changed)
        planned.push({
          projectId: project.id,
          regionPath: project.regionPath,
          item,
          procedure,
          set,
          materials,
          entry,
          where: cellWhere,
        });
    }
    warnOpenPrerequisites(project, items, planned, report);
  }

  const errors = problems.filter((p) => p.severity === 'error').length;
  const cells = presented.flatMap((r) => r.cells);
  const result: ApprovalImportResult = {
    fileName: input.fileName,
    regionCode: region.code,
    isDryRun: input.dryRun,
    isBlocked: errors > 0,
    counts: {
      rows: presented.length,
      projects: firstRowOf.size,
      itemsCreated: cells.filter((c) => c.action === 'create').length,
      itemsUpdated: cells.filter((c) => c.action === 'update').length,
      itemsUnchanged: cells.filter((c) => c.action === 'unchanged').length,
      errors,
      warnings: problems.length - errors,
    },
    rows: presented,
    problems,
  };
  if (input.dryRun) return result;
  if (result.isBlocked) throw new ApprovalImportRefusedError(result);
  if (planned.length > 0) await applyPlan(ctx, planned, listed.items, input.fileName);
  return result;
}

/** Projects by `code:<code>` and `name:<name>`, anywhere (scope is decided per row, to say why). */
async function findProjects(ctx: Ctx, rows: readonly ApprovalSheetRow[]) {
  const codes = [...new Set(rows.map((r) => r.code).filter((c): c is string => c !== null))];
  const names = [...new Set(rows.map((r) => r.name).filter((n): n is string => n !== null))];
  const conditions = [
    ...(codes.length > 0 ? [inArray(projects.code, codes)] : []),
    ...(names.length > 0 ? [inArray(projects.name, names)] : []),
  ];
  const found = new Map<string, ProjectRow[]>();
  if (conditions.length === 0) return found;
  const matches = await ctx.db
    .select({ id: projects.id, code: projects.code, name: projects.name, regionPath: projects.regionPath })
    .from(projects)
    .where(or(...conditions));
  for (const p of matches) {
    if (p.code && codes.includes(p.code))
      found.set(`code:${p.code}`, [...(found.get(`code:${p.code}`) ?? []), p]);
    if (names.includes(p.name)) found.set(`name:${p.name}`, [...(found.get(`name:${p.name}`) ?? []), p]);
  }
  return found;
}

/** The checklist items of the projects, and the 容缺 materials of those items. */
async function itemsOf(ctx: Ctx, projectIds: readonly string[]) {
  const items = new Map<string, ItemRow[]>();
  const materials = new Map<string, MaterialRow[]>();
  if (projectIds.length === 0) return { items, materials };
  const rows = await ctx.db
    .select()
    .from(approvalItems)
    .where(inArray(approvalItems.projectId, [...projectIds]));
  for (const item of rows) items.set(item.projectId, [...(items.get(item.projectId) ?? []), item]);
  const supplied = rows.length
    ? await ctx.db
        .select()
        .from(approvalMaterials)
        .where(
          inArray(
            approvalMaterials.itemId,
            rows.map((i) => i.id),
          ),
        )
    : [];
  for (const m of supplied) materials.set(m.itemId, [...(materials.get(m.itemId) ?? []), m]);
  return { items, materials };
}

/**
 * Warns where a cell records an item accepted or approved while one of its prerequisites (as the
 * project's list will stand after the import) is neither approved nor 不需办理.
 */
function warnOpenPrerequisites(
  project: ProjectRow,
  items: readonly ItemRow[],
  planned: readonly PlannedChange[],
  report: (where: PlannedChange['where'], issue: ApprovalImportIssue, params: Record<string, string>) => void,
) {
  const mine = planned.filter((p) => p.projectId === project.id);
  const statusAfter = new Map<string, { name: string; status: string }>();
  for (const item of items) statusAfter.set(item.code, { name: item.name, status: item.status });
  for (const p of mine) statusAfter.set(p.procedure.code, { name: p.procedure.name, status: p.entry.status });
  for (const p of mine) {
    if (!['accepted', 'accepted_with_gaps', 'approved'].includes(p.entry.status)) continue;
    const dependsOn = p.item?.dependsOn ?? p.procedure.dependsOn;
    for (const code of dependsOn) {
      const dependency = statusAfter.get(code);
      if (dependency && dependency.status !== 'approved' && dependency.status !== 'not_needed')
        report(p.where, 'dependencyOpen', { dependency: dependency.name });
    }
  }
}

/** Writes the plan in one transaction: creates, versioned updates, 容缺 materials, one audit each. */
async function applyPlan(
  ctx: Ctx,
  planned: readonly PlannedChange[],
  existing: Map<string, ItemRow[]>,
  fileName: string | null,
) {
  const calendar = planned.some((p) => p.materials.length > 0) ? await loadHolidayCalendar(ctx.db) : null;
  await ctx.db.transaction(async (tx) => {
    const codesOf = new Map<string, Set<string>>();
    const nextSort = new Map<string, number>();
    for (const p of planned) {
      if (!codesOf.has(p.projectId)) {
        const items = existing.get(p.projectId) ?? [];
        const codes = new Set(items.map((i) => i.code));
        for (const other of planned) if (other.projectId === p.projectId) codes.add(other.procedure.code);
        codesOf.set(p.projectId, codes);
        nextSort.set(
          p.projectId,
          items.reduce((max, i) => Math.max(max, i.sortOrder), 0),
        );
      }
    }
    const audits: AuditInput[] = [];
    for (const p of planned) {
      const detail = {
        projectId: p.projectId,
        name: p.procedure.name,
        file: fileName,
        sheet: p.where.sheet,
        row: p.where.row,
        column: p.where.column,
        ...(p.materials.length > 0 ? { missingMaterials: p.materials } : {}),
      };
      let itemId: string;
      if (!p.item) {
        const sortOrder = nextSort.get(p.projectId)! + 10;
        nextSort.set(p.projectId, sortOrder);
        const [row] = await tx
          .insert(approvalItems)
          .values({
            ...itemFromProcedure(p.procedure, p.projectId, codesOf.get(p.projectId)!, sortOrder),
            ...p.set,
            createdAt: ctx.clock.now(),
            updatedAt: ctx.clock.now(),
          })
          .returning();
        itemId = row!.id;
        audits.push({
          action: 'approval.import',
          entityType: 'approvalItem',
          entityId: itemId,
          regionPath: p.regionPath,
          changes: Object.fromEntries(
            Object.entries(p.set).map(([field, after]) => [field, { before: null, after }]),
          ),
          detail: { ...detail, created: true },
        });
      } else {
        const before = p.item;
        itemId = before.id;
        await updateVersioned(tx, ctx, {
          table: approvalItems,
          where: eq(approvalItems.id, before.id),
          version: before.version,
          set: { ...p.set, updatedAt: ctx.clock.now() },
          audit: () => ({
            action: 'approval.import',
            entityType: 'approvalItem',
            entityId: before.id,
            regionPath: p.regionPath,
            changes: Object.fromEntries(
              (Object.keys(p.set) as (keyof ItemRow)[])
                .filter((field) => before[field] !== p.set[field])
                .map((field) => [field, { before: before[field], after: p.set[field] }]),
            ),
            detail,
          }),
          conflict: `“${p.procedure.name}”已被他人修改，请重新预检后再导入`,
        });
      }
      for (const name of p.materials)
        await tx.insert(approvalMaterials).values({
          itemId,
          name,
          promisedDays: defaultApprovalSettings.promiseDays,
          promisedOn: promiseDueOn(p.entry.on!, defaultApprovalSettings.promiseDays, calendar!),
          createdAt: ctx.clock.now(),
        });
    }
    if (audits.length > 0) await recordAudits(tx, ctx, audits);
  });
}
