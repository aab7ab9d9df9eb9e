import {
  AppError,
  addDecimals,
  authorize,
  compareDecimals,
  completedYearToDate,
  parseLedgerPeriod,
  pathInSubtree,
  subtractDecimal,
} from '@tuijin/domain';
import { and, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { monthlyReports } from '../../db/schema';
import { recordAudit } from '../audit';
import { enterApprovedReport, reportingDeadlineResolver } from '../reports';
import { LedgerReferences, ProjectIndex } from './ledger-references';
import type { LedgerProblem, ParsedLedger, ParsedRecord } from './parse-ledger';

/** How a sheet of a progress workbook was read: its period, or why its figures were not taken. */
export interface LedgerSheetPeriod {
  sheet: string;
  title: string | null;
  /** `ok`: read; `needsYear`: the title names no year and none was given; the rest are unreadable. */
  status: 'ok' | 'needsYear' | 'noPeriod' | 'noFigures' | 'unreadable';
  year: number | null;
  fromMonth: number | null;
  /** The month whose reports the sheet's figures become. */
  month: number | null;
  /** Why the sheet was not read (plain Chinese), null when read. */
  reason: string | null;
}

/** What the import does (or would do) with one row's figures. */
export interface LedgerReportAction {
  sheet: string;
  row: number;
  name: string | null;
  projectId: string | null;
  year: number | null;
  month: number | null;
  /** The month's completed investment the row gives (本月完成, else 1–N月 less the approved months before). */
  completedWanYuan: string | null;
  /** create: a new approved office entry; unchanged: the same figure is already reported; kept: another report stays. */
  action: 'create' | 'unchanged' | 'kept' | 'skipped';
  /** The report already there, for `unchanged` and `kept`. */
  existing: { status: string; completedWanYuan: string } | null;
}

export interface LedgerReportsOutcome {
  sheets: LedgerSheetPeriod[];
  actions: LedgerReportAction[];
  problems: (LedgerProblem & { sheet: string })[];
  counts: { created: number; unchanged: number; kept: number; skipped: number };
}

export interface ImportLedgerReportsInput {
  parsed: ParsedLedger;
  /** The year for sheets whose title names none (asked of the user; never the clock's). */
  year?: number | null;
  /** Per sheet, the year the user gave for it (overrides `year`). */
  sheetYears?: Record<string, number>;
  dryRun?: boolean;
  fileName?: string | null;
}

class Rollback extends Error {
  constructor(readonly outcome: LedgerReportsOutcome) {
    super('rollback');
  }
}

/**
 * Imports the figures of a progress workbook (月度进展台账: 本月完成, 1–N月完成, 形象进度) as the
 * reports of each sheet's period — the month that ends the period its title names (`2022年1-12月` →
 * December 2022, `前三季度` → September). Each sheet is read on its own: one without a period, without
 * a year (unless the user gives it: never the current year), without figure columns or with an
 * unreadable header is reported with its reason and the others go on. A row matched to a project
 * in the office's jurisdiction (by code, else name + owner unit) with no report for that month
 * becomes an APPROVED office entry (report.correct: offices correct reports), its `approved` event
 * naming the file, sheet and row as evidence, audited as `report.import`: a city office merging
 * county sheets is stating figures, not drafting for an owner. A month already reported is never
 * overwritten: the same figure is `unchanged`, another one `kept` with a warning showing both.
 * The month's figure is 本月完成, else 1–N月完成 less the approved months before it; a 1–N月
 * that disagrees with them is a warning. One transaction; with `dryRun` rolled back.
 */
export async function importLedgerReports(
  ctx: Ctx,
  input: ImportLedgerReportsInput,
): Promise<LedgerReportsOutcome> {
  authorize(ctx.actor, 'report.correct');
  const given = input.year ?? null;
  if (given !== null && !(Number.isInteger(given) && given >= 2000 && given <= 2100))
    throw new AppError('VALIDATION_FAILED', `年份 ${given} 无效：应为 2000–2100 之间的年份`, [
      { path: 'year', message: '年份应为 2000–2100 之间的年份' },
    ]);
  try {
    return await ctx.db.transaction(async (tx) => {
      const outcome = await importInto(tx, ctx, input);
      if (input.dryRun) throw new Rollback(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.outcome;
    throw error;
  }
}

/** Each sheet's period from its title and the years the user gave, or why it cannot be read. */
export function ledgerSheetPeriods(
  parsed: ParsedLedger,
  year: number | null,
  sheetYears: Record<string, number> = {},
): LedgerSheetPeriod[] {
  const names = [...new Set([...Object.keys(parsed.sheetColumns), ...parsed.records.map((r) => r.sheet)])];
  return names.map((sheet) => {
    const title = parsed.sheetTitles[sheet] ?? null;
    const base = { sheet, title, year: null, fromMonth: null, month: null };
    const error = parsed.problems.find(
      (p) => p.sheet === sheet && p.severity === 'error' && p.column === null,
    );
    if (error) return { ...base, status: 'unreadable', reason: error.message };
    const columns = parsed.sheetColumns[sheet] ?? {};
    if (!columns.monthCompleted && !columns.completedToDate)
      return { ...base, status: 'noFigures', reason: '表头中没有“本月完成”或“1-N月完成”列' };
    const period = parseLedgerPeriod(title);
    if (!period)
      return {
        ...base,
        status: 'noPeriod',
        reason: `标题“${title ?? ''}”中没有报告期（如 1-7月、上半年、前三季度）`,
      };
    const chosen = sheetYears[sheet] ?? period.year ?? year;
    const found = { ...base, fromMonth: period.fromMonth, month: period.toMonth };
    if (chosen === null)
      return { ...found, status: 'needsYear', reason: `标题“${title}”没有写年份，请指定该表的年份` };
    return { ...found, year: chosen, status: 'ok', reason: null };
  });
}

async function importInto(
  tx: Queryable,
  ctx: Ctx,
  input: ImportLedgerReportsInput,
): Promise<LedgerReportsOutcome> {
  const sheets = ledgerSheetPeriods(input.parsed, input.year ?? null, input.sheetYears);
  const bySheet = new Map(sheets.map((s) => [s.sheet, s]));
  const refs = await LedgerReferences.load(tx, ctx);
  const index = await ProjectIndex.load(tx);
  await refs.loadOwners(input.parsed.records.flatMap((r) => (r.owner ? [r.owner] : [])));
  const own = refs.region(ctx.actor.regionCode);
  if (!own) throw new AppError('FORBIDDEN', '本单位没有所属区划，不能导入台账');
  const problems: LedgerReportsOutcome['problems'] = input.parsed.problems.filter(
    (p) => bySheet.get(p.sheet)?.status === 'ok',
  );
  const badRows = new Set(
    problems.filter((p) => p.severity === 'error').map((p) => `${p.sheet}\u0000${p.row}`),
  );
  const actions: LedgerReportAction[] = [];
  const rows: { record: ParsedRecord; action: LedgerReportAction; regionPath: string }[] = [];

  for (const record of input.parsed.records) {
    const sheet = bySheet.get(record.sheet);
    if (sheet?.status !== 'ok' || badRows.has(`${record.sheet}\u0000${record.row}`)) continue;
    const action: LedgerReportAction = {
      sheet: record.sheet,
      row: record.row,
      name: record.name,
      projectId: null,
      year: sheet.year,
      month: sheet.month,
      completedWanYuan: null,
      action: 'skipped',
      existing: null,
    };
    actions.push(action);
    const warn = (message: string) =>
      problems.push({ sheet: record.sheet, row: record.row, column: null, severity: 'warning', message });
    if (!record.name) continue;
    if (record.monthCompletedWanYuan === null && record.completedToDateWanYuan === null) {
      warn('本行没有完成投资，未写入月报');
      continue;
    }
    const region = refs.sheetRegion(record.sheet) ?? own;
    const owner = record.owner ? await refs.existingOwner(record.owner, region, ctx.actor) : null;
    const match =
      index.match(record.code, record.name, owner) ?? index.matchName(record.name, ctx.actor.regionPath);
    if (!match || !pathInSubtree(match.regionPath, ctx.actor.regionPath)) {
      warn(`项目库中找不到本辖区的项目“${record.name}”，未写入月报`);
      continue;
    }
    action.projectId = match.id;
    rows.push({ record, action, regionPath: match.regionPath });
  }

  // The approved months of each matched project's year, to turn 1–N月 into the month's figure.
  const ids = [...new Set(rows.map((r) => r.action.projectId!))];
  const years = [...new Set(rows.map((r) => r.action.year!))];
  const reports =
    ids.length === 0
      ? []
      : await tx
          .select()
          .from(monthlyReports)
          .where(and(inArray(monthlyReports.projectId, ids), inArray(monthlyReports.year, years)));
  const deadlines = await reportingDeadlineResolver(tx);
  const evidence = (r: LedgerReportAction) =>
    `台账导入：${input.fileName ?? '台账'}“${r.sheet}”第 ${r.row} 行`;

  for (const { record, action, regionPath } of rows) {
    const warn = (message: string) =>
      problems.push({ sheet: record.sheet, row: record.row, column: null, severity: 'warning', message });
    const year = action.year!;
    const month = action.month!;
    const ofProject = reports.filter((r) => r.projectId === action.projectId && r.year === year);
    const approvedBefore = completedYearToDate(ofProject, { year, month: month - 1 });
    const fromToDate =
      record.completedToDateWanYuan === null
        ? null
        : subtractDecimal(record.completedToDateWanYuan, approvedBefore);
    const figure = record.monthCompletedWanYuan ?? fromToDate;
    if (figure === null || compareDecimals(figure, '0') < 0) {
      warn(
        `1-${month}月完成 ${record.completedToDateWanYuan} 万元少于此前已审核的 ${approvedBefore} 万元，未写入月报`,
      );
      continue;
    }
    if (
      record.monthCompletedWanYuan !== null &&
      fromToDate !== null &&
      compareDecimals(fromToDate, figure) !== 0
    )
      warn(
        `1-${month}月完成 ${record.completedToDateWanYuan} 万元 ≠ 此前已审核 ${approvedBefore} 万元 + 本月 ${figure} 万元；按本月完成写入`,
      );
    action.completedWanYuan = addDecimals([figure]);
    const existing = ofProject.find((r) => r.month === month);
    if (existing) {
      action.existing = {
        status: existing.status,
        completedWanYuan: addDecimals([existing.completedWanYuan]),
      };
      if (compareDecimals(existing.completedWanYuan, figure) === 0) {
        action.action = 'unchanged';
        continue;
      }
      action.action = 'kept';
      warn(
        `${year}年${month}月已有月报（${reportStatusNames[existing.status] ?? existing.status}，${action.existing.completedWanYuan} 万元），台账为 ${action.completedWanYuan} 万元：未覆盖，请核实后在月报中更正`,
      );
      continue;
    }
    const dueOn = deadlines.calendarDeadline(regionPath, year, month) ?? monthEnd(year, month);
    const reportId = await enterApprovedReport(tx, ctx, {
      projectId: action.projectId!,
      year,
      month,
      completedWanYuan: figure,
      progress: record.progress ?? '',
      dueOn,
      evidence: evidence(action),
    });
    await recordAudit(tx, ctx, {
      action: 'report.import',
      entityType: 'project',
      entityId: action.projectId!,
      regionPath,
      changes: { completedWanYuan: { before: null, after: action.completedWanYuan } },
      detail: { reportId, year, month, source: 'ledger.import', evidence: evidence(action) },
    });
    action.action = 'create';
  }

  const count = (kind: LedgerReportAction['action']) => actions.filter((a) => a.action === kind).length;
  return {
    sheets,
    actions,
    problems,
    counts: {
      created: count('create'),
      unchanged: count('unchanged'),
      kept: count('kept'),
      skipped: count('skipped'),
    },
  };
}

const reportStatusNames: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交待审核',
  returned: '已退回',
  approved: '已审核',
};

const monthEnd = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
