import {
  type FundImportProblem,
  type FundImportResult,
  type FundImportRow,
  normaliseDecimal,
} from '@tuijin/contracts';
import { AppError, authorize, chinaDate, compareDecimals, fundKindNames } from '@tuijin/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Database } from '../../db/database';
import { fundAllocations, projects } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { checkXlsx } from '../../lib/xlsx-guard';
import { recordAudit } from '../audit';
import { createFundAllocation, createFundPayment } from './fund-allocations';
import { type FundSheet, type FundSheetRow, readFundSheet } from './fund-sheet';
import { livePayments, mayManageFunds } from './funds.queries';

export interface ImportFundsInput {
  bytes: Buffer;
  fileName: string | null;
  /** Preview: run the whole import, then roll it back; the answer says exactly what it would do. */
  dryRun: boolean;
}

/** An import refused for problems in the sheet: nothing was written; the result names each row. */
export class FundImportRefusedError extends AppError {
  constructor(readonly result: FundImportResult) {
    super(
      'VALIDATION_FAILED',
      `资金台账有 ${result.problems.length} 个问题须先改正，未导入任何资金记录`,
      result.problems.slice(0, 50).map((p) => ({
        path: `${p.column ?? ''}${p.row}`,
        message: `第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}：${p.message}`,
      })),
    );
  }
}

class Rollback extends Error {
  constructor(readonly result: FundImportResult) {
    super('rollback');
  }
}

/**
 * 导入资金台账: the 资金下达 and 支付 rows of a sheet (`readFundSheet`), recorded in ONE transaction
 * through the module's own use cases `createFundAllocation` and `createFundPayment` — so each record
 * is checked (paid never past the allocation, not before it was issued, not after today), scoped
 * (an office over the project: a county only its own projects) and audited exactly as on the web —
 * plus one `fund.import` event for the sheet. Any problem refuses the whole sheet and names its row;
 * the preview runs the same work and rolls it back.
 *
 * Idempotent by natural key, so a sheet imported twice records nothing the second time: an
 * allocation is the project + fund kind + year + batch (one already recorded with the same amount
 * and date is `existing`; with another amount or date it is a problem — the import never edits); a
 * payment is its allocation + date + amount + 凭证/说明.
 */
export async function importFunds(ctx: Ctx, input: ImportFundsInput): Promise<FundImportResult> {
  authorize(ctx.actor, 'fund.manage');
  checkXlsx(input.bytes);
  const sheet = await readFundSheet(input.bytes, chinaDate(ctx.clock.now()));
  let result: FundImportResult;
  try {
    result = await ctx.db.transaction(async (tx) => {
      const outcome = await importInto({ ...ctx, db: tx as unknown as Database }, sheet, input);
      if (input.dryRun || outcome.problems.length > 0) throw new Rollback(outcome);
      return outcome;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    result = error.result;
  }
  if (!input.dryRun && result.problems.length > 0) throw new FundImportRefusedError(result);
  return result;
}

type Project = { id: string; code: string; name: string };

const allocationKey = (projectId: string, r: Pick<FundSheetRow, 'kind' | 'year' | 'batch'>) =>
  `${projectId}\u0000${r.kind}\u0000${r.year}\u0000${r.batch ?? ''}`;

/** How a row names its allocation in a message: 专项债券 2026 年第三批. */
const allocationName = (r: Pick<FundSheetRow, 'kind' | 'year' | 'batch'>) =>
  `${fundKindNames[r.kind]} ${r.year} 年${r.batch ?? ''}`;

async function importInto(ctx: Ctx, sheet: FundSheet, input: ImportFundsInput): Promise<FundImportResult> {
  const problems: FundImportProblem[] = [...sheet.problems];
  const rows: FundImportRow[] = [];
  const at = (row: FundSheetRow, path: string | null, message: string) => {
    const columnOf: Record<string, string | undefined> = {
      code: sheet.columns.code,
      amountWanYuan: row.record === 'allocation' ? sheet.columns.allocatedAmount : sheet.columns.paidAmount,
      issuedOn: sheet.columns.issuedOn,
      paidOn: sheet.columns.paidOn,
    };
    problems.push({ row: row.row, column: (path && columnOf[path]) ?? null, message });
  };

  const codes = [...new Set(sheet.rows.map((r) => r.projectCode))];
  const found =
    codes.length === 0
      ? []
      : await ctx.db
          .select({
            id: projects.id,
            code: projects.code,
            name: projects.name,
            regionPath: projects.regionPath,
            ownerOrganisationId: projects.ownerOrganisationId,
          })
          .from(projects)
          .where(and(inArray(projects.code, codes), projectScope(ctx.actor)));
  // Another jurisdiction's project reads as unknown: existence never leaks across scopes.
  const byCode = new Map<string, Project>(
    found.filter((p) => mayManageFunds(ctx.actor, p)).map((p) => [p.code!, { ...p, code: p.code! }]),
  );
  const projectOf = (row: FundSheetRow) => {
    const project = byCode.get(row.projectCode);
    if (!project) at(row, 'code', `项目代码 ${row.projectCode} 不在项目库中，或不在您的辖区内`);
    return project;
  };
  const present = (row: FundSheetRow, project: Project, status: FundImportRow['status']): FundImportRow => ({
    row: row.row,
    record: row.record,
    status,
    projectId: project.id,
    projectCode: project.code,
    projectName: project.name,
    kind: row.kind,
    year: row.year,
    batch: row.batch,
    amountWanYuan: row.amountWanYuan,
    on: row.on,
    text: row.text,
  });
  /** Runs a use case; a refusal (AppError) becomes the row's problem, on the column its detail names. */
  const attempt = async (row: FundSheetRow, act: () => Promise<unknown>): Promise<boolean> => {
    try {
      await act();
      return true;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      at(row, error.details?.[0]?.path ?? null, error.message);
      return false;
    }
  };
  const allocationsOf = (projectId: string, row: FundSheetRow) =>
    ctx.db
      .select()
      .from(fundAllocations)
      .where(
        and(
          eq(fundAllocations.projectId, projectId),
          eq(fundAllocations.kind, row.kind),
          eq(fundAllocations.year, row.year),
          row.batch === null ? isNull(fundAllocations.batch) : eq(fundAllocations.batch, row.batch),
          isNull(fundAllocations.deletedAt),
        ),
      );

  // Allocations first, so a payment may sit above the allocation it is paid from.
  const allocationRows = new Map<string, { row: number; ok: boolean }>();
  for (const row of sheet.rows.filter((r) => r.record === 'allocation')) {
    const project = projectOf(row);
    if (!project) continue;
    const key = allocationKey(project.id, row);
    const twin = allocationRows.get(key);
    if (twin) {
      at(row, null, `与第 ${twin.row} 行是同一笔下达（同一项目、资金类型、年度和批次）`);
      continue;
    }
    const entry = { row: row.row, ok: false };
    allocationRows.set(key, entry);
    const existing = await allocationsOf(project.id, row);
    if (existing.length > 1) {
      at(
        row,
        null,
        `项目已有 ${existing.length} 笔${allocationName(row)}的下达，无法对应，请在项目资金页核对`,
      );
      continue;
    }
    const [recorded] = existing;
    if (recorded) {
      const amount = normaliseDecimal(recorded.amountWanYuan);
      if (compareDecimals(amount, row.amountWanYuan) !== 0 || recorded.issuedOn !== row.on) {
        at(
          row,
          null,
          `${allocationName(row)}的下达已登记为 ${amount} 万元（${recorded.issuedOn}），与本行不同；导入不修改已有记录，请在项目资金页修改`,
        );
        continue;
      }
      entry.ok = true;
      rows.push(present(row, project, 'existing'));
      continue;
    }
    entry.ok = await attempt(row, () =>
      createFundAllocation(ctx, project.id, {
        kind: row.kind,
        year: row.year,
        batch: row.batch,
        amountWanYuan: row.amountWanYuan,
        issuedOn: row.on,
        documentNumber: row.text,
      }),
    );
    if (entry.ok) rows.push(present(row, project, 'created'));
  }

  const paymentRows = new Map<string, number>();
  for (const row of sheet.rows.filter((r) => r.record === 'payment')) {
    const project = projectOf(row);
    if (!project) continue;
    const source = allocationRows.get(allocationKey(project.id, row));
    if (source && !source.ok) {
      at(row, null, `所付的${allocationName(row)}下达（第 ${source.row} 行）有错误，须先改正`);
      continue;
    }
    const allocations = await allocationsOf(project.id, row);
    if (allocations.length !== 1) {
      at(
        row,
        null,
        allocations.length === 0
          ? `项目 ${project.code} 没有${allocationName(row)}的资金下达：请先登记下达，或在本表中加一行下达`
          : `项目已有 ${allocations.length} 笔${allocationName(row)}的下达，无法确定支付记在哪一笔，请在项目资金页登记`,
      );
      continue;
    }
    const allocation = allocations[0]!;
    const key = `${allocation.id}\u0000${row.on}\u0000${row.amountWanYuan}\u0000${row.text ?? ''}`;
    const twin = paymentRows.get(key);
    if (twin !== undefined) {
      at(row, null, `与第 ${twin} 行是同一笔支付（同一下达、日期、金额和凭证/说明）`);
      continue;
    }
    paymentRows.set(key, row.row);
    const recorded = (await livePayments(ctx.db, [allocation.id])).some(
      (p) =>
        p.paidOn === row.on &&
        compareDecimals(normaliseDecimal(p.amountWanYuan), row.amountWanYuan) === 0 &&
        (p.note ?? '') === (row.text ?? ''),
    );
    if (recorded) {
      rows.push(present(row, project, 'existing'));
      continue;
    }
    const ok = await attempt(row, () =>
      createFundPayment(ctx, allocation.id, {
        paidOn: row.on,
        amountWanYuan: row.amountWanYuan,
        note: row.text,
        evidenceFileId: null,
      }),
    );
    if (ok) rows.push(present(row, project, 'created'));
  }

  problems.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
  rows.sort((a, b) => a.row - b.row);
  const count = (record: FundImportRow['record'], status: FundImportRow['status']) =>
    rows.filter((r) => r.record === record && r.status === status).length;
  const result: FundImportResult = {
    sheet: sheet.sheet,
    dryRun: input.dryRun,
    rows,
    problems,
    counts: {
      allocationsCreated: count('allocation', 'created'),
      allocationsExisting: count('allocation', 'existing'),
      paymentsCreated: count('payment', 'created'),
      paymentsExisting: count('payment', 'existing'),
    },
  };
  await recordAudit(ctx.db, ctx, {
    action: 'fund.import',
    entityType: 'region',
    entityId: ctx.actor.regionCode,
    regionPath: ctx.actor.regionPath,
    detail: { fileName: input.fileName, sheet: sheet.sheet, ...result.counts },
  });
  return result;
}
