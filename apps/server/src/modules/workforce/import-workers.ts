import type { WorkerImportProblem, WorkerImportResult } from '@tuijin/contracts';
import { AppError, chinaDate, maskIdNumber, seesWorkerIdNumbers } from '@tuijin/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Database } from '../../db/database';
import { projects, workers } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { checkXlsx } from '../../lib/xlsx-guard';
import { diffChanges, recordAudit } from '../audit';
import { getSecurityPolicy } from '../security';
import { encryptIdNumber, idNumberIndex } from './id-number-crypto';
import { type WorkerFields, workerFieldProblems } from './worker-fields';
import { readWorkerSheet, type WorkerSheet } from './worker-sheet';
import { applyWorkerUpdate, insertWorker, storedFields } from './workers';
import {
  assertManageWorkforce,
  liveContractors,
  loadWorkforceProject,
  type WorkforceProject,
} from './workforce.queries';

export interface ImportWorkersInput {
  bytes: Buffer;
  fileName: string | null;
  /** The contractor of rows whose 施工单位 cell is blank (or a sheet without that column). */
  contractorId: string | null;
  /** Preview: run the whole import, then roll it back. */
  dryRun: boolean;
}

/** An import refused for problems in the sheet: nothing was written; the result names each row. */
export class WorkerImportRefusedError extends AppError {
  constructor(readonly result: WorkerImportResult) {
    super(
      'VALIDATION_FAILED',
      `花名册有 ${result.problems.length} 个问题须先改正，未导入任何工人`,
      result.problems.slice(0, 50).map((p) => ({
        path: `${p.column ?? ''}${p.row}`,
        message: `第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}：${p.message}`,
      })),
    );
  }
}

class Rollback extends Error {
  constructor(readonly result: WorkerImportResult) {
    super('rollback');
  }
}

const same = (a: WorkerFields, b: WorkerFields) => Object.keys(diffChanges(a, b)).length === 0;

/**
 * 导入实名制花名册 into a project, as the funds import does: the sheet read (`readWorkerSheet`), every
 * row checked (ID number by GB 11643, dates, phone, province, the contractor one of the project's),
 * then in ONE transaction each person is found by the blind index of their ID number — a new one
 * is registered (`workforce.worker.create`), a known one updated when anything changed
 * (`workforce.worker.update`), unchanged left alone — plus one `workforce.import` event. The same
 * person twice in the sheet, or any bad row, refuses the whole sheet naming row and column; the
 * preview runs the same work and rolls it back. Result rows carry the ID number masked unless the
 * reader is the project's owner unit.
 */
export async function importWorkers(
  ctx: Ctx,
  projectId: string,
  input: ImportWorkersInput,
): Promise<WorkerImportResult> {
  const project = await loadWorkforceProject(ctx.db, ctx.actor, projectId);
  assertManageWorkforce(ctx.actor, project);
  checkXlsx(input.bytes);
  const today = chinaDate(ctx.clock.now());
  const sheet = await readWorkerSheet(input.bytes, today);
  let result: WorkerImportResult;
  try {
    result = await ctx.db.transaction(async (tx) => {
      const outcome = await importInto(
        { ...ctx, db: tx as unknown as Database },
        project,
        sheet,
        input,
        today,
      );
      if (input.dryRun || outcome.problems.length > 0) throw new Rollback(outcome);
      return outcome;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    result = error.result;
  }
  if (!input.dryRun && result.problems.length > 0) throw new WorkerImportRefusedError(result);
  return result;
}

async function importInto(
  ctx: Ctx,
  project: WorkforceProject,
  sheet: WorkerSheet,
  input: ImportWorkersInput,
  today: string,
): Promise<WorkerImportResult> {
  const problems: WorkerImportProblem[] = [...sheet.problems];
  const rows: WorkerImportResult['rows'] = [];
  const whole = seesWorkerIdNumbers(ctx.actor, project);
  const contractorRows = await liveContractors(ctx.db, project.id);
  const byName = new Map(contractorRows.map((c) => [c.name, c]));
  const fallback = input.contractorId ? contractorRows.find((c) => c.id === input.contractorId) : undefined;
  if (input.contractorId && !fallback)
    problems.push({ row: 1, column: null, message: '所选施工单位不是本项目已登记的施工单位' });

  const { fieldCipher } = await getSecurityPolicy(ctx.db);
  const indexed = sheet.rows.map((r) => ({ ...r, index: idNumberIndex(ctx.auditKey, r.idNumber) }));
  const existing =
    indexed.length === 0
      ? []
      : await ctx.db
          .select()
          .from(workers)
          .where(
            and(
              eq(workers.projectId, project.id),
              isNull(workers.deletedAt),
              inArray(
                workers.idNumberIndex,
                indexed.map((r) => r.index),
              ),
            ),
          );
  const known = new Map(existing.map((w) => [w.idNumberIndex, w]));
  const seen = new Map<string, number>();
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const row of indexed) {
    const at = (column: keyof typeof sheet.columns | null, message: string) =>
      problems.push({ row: row.row, column: column ? (sheet.columns[column] ?? null) : null, message });
    const twin = seen.get(row.index);
    if (twin !== undefined) {
      at('idNumber', `与第 ${twin} 行是同一身份证号码`);
      continue;
    }
    seen.set(row.index, row.row);
    const contractor = row.contractorName ? byName.get(row.contractorName) : fallback;
    if (!contractor) {
      at(
        'contractor',
        row.contractorName
          ? `施工单位“${row.contractorName}”不是本项目已登记的施工单位，请先在用工页添加`
          : '施工单位为空：请在表中填写，或导入时选择施工单位',
      );
      continue;
    }
    const fields: WorkerFields = { ...row.fields, contractorId: contractor.id };
    const fieldProblems = workerFieldProblems(fields, today);
    if (fieldProblems.length > 0) {
      for (const p of fieldProblems) at(p.path as keyof typeof sheet.columns, p.message);
      continue;
    }
    const current = known.get(row.index);
    const detail = { fileName: input.fileName, sheet: sheet.sheet, row: row.row };
    let status: 'created' | 'updated' | 'unchanged';
    if (!current) {
      await insertWorker(
        ctx.db,
        ctx,
        project,
        fields,
        {
          idNumberCipher: encryptIdNumber(ctx.auditKey, row.idNumber, fieldCipher),
          idNumberIndex: row.index,
          idNumberMasked: maskIdNumber(row.idNumber),
        },
        detail,
      );
      status = 'created';
      created += 1;
    } else if (same(storedFields(current), fields)) {
      status = 'unchanged';
      unchanged += 1;
    } else {
      await applyWorkerUpdate(ctx.db, ctx, project, current, fields, current.version, null, detail);
      status = 'updated';
      updated += 1;
    }
    rows.push({
      row: row.row,
      status,
      name: fields.name,
      idNumber: whole ? row.idNumber : maskIdNumber(row.idNumber),
      contractorName: contractor.name,
      arrivedOn: fields.arrivedOn,
    });
  }
  problems.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
  const result: WorkerImportResult = {
    sheet: sheet.sheet,
    dryRun: input.dryRun,
    rows,
    problems,
    counts: { created, updated, unchanged },
  };
  await recordAudit(ctx.db, ctx, {
    action: 'workforce.import',
    entityType: 'project',
    entityId: project.id,
    regionPath: project.regionPath,
    detail: { fileName: input.fileName, sheet: sheet.sheet, ...result.counts },
  });
  return result;
}

/**
 * The project (by its code, in the actor's scope) and the contractor (by name, of that project) a
 * command-line import names; an unknown one is NOT_FOUND / VALIDATION_FAILED in words naming it.
 */
export async function resolveImportTarget(ctx: Ctx, projectCode: string, contractorName: string | null) {
  const [project] = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.code, projectCode), projectScope(ctx.actor)));
  if (!project) throw new AppError('NOT_FOUND', `项目代码 ${projectCode} 不在项目库中，或不在您的辖区内`);
  if (contractorName === null) return { projectId: project.id, contractorId: null };
  const contractor = (await liveContractors(ctx.db, project.id)).find((c) => c.name === contractorName);
  if (!contractor)
    throw new AppError('VALIDATION_FAILED', `施工单位“${contractorName}”不是该项目已登记的施工单位`, [
      { path: 'contractor', message: '不是本项目的施工单位' },
    ]);
  return { projectId: project.id, contractorId: contractor.id };
}
