import type { StatisticsImportProblem, StatisticsImportResult, StatisticsImportRow } from '@tuijin/contracts';
import { AppError, authorize, chinaDate, compareDecimals, pathInSubtree } from '@tuijin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projects, statisticsFigures, statisticsImports } from '../../db/schema';
import { isOfficeOver } from '../../lib/project-scope';
import { regionByCode } from '../../lib/region-lookup';
import { checkXlsx } from '../../lib/xlsx-guard';
import { type AuditInput, recordAudits } from '../audit';
import { readStatisticsSheet } from './statistics-sheet';

export interface ImportStatisticsInput {
  bytes: Buffer;
  fileName: string | null;
  year: number;
  month: number;
  /** The jurisdiction the sheet is for; the importing office's own when null. */
  regionCode: string | null;
  /** Preview: check every row and say what would change, write nothing. */
  dryRun: boolean;
}

/** An import refused for problems in the sheet: nothing was written; the result names each row. */
export class StatisticsImportRefusedError extends AppError {
  constructor(readonly result: StatisticsImportResult) {
    super(
      'VALIDATION_FAILED',
      `入统数据表有 ${result.problems.length} 个问题须先改正，未导入任何数据`,
      result.problems.slice(0, 50).map((p) => ({
        path: `${p.column ?? ''}${p.row}`,
        message: `第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}：${p.message}`,
      })),
    );
  }
}

/**
 * 导入入统数据: the statistics bureau's year-to-date 入统 figures of a month for the office's
 * jurisdiction. Every row must name a library project of the jurisdiction by its code, once; any
 * problem refuses the whole sheet (nothing written) and names its row. Otherwise, in one
 * transaction, the import is recorded and each project's figure of the month is set (a figure
 * imported before for the month is replaced), audited once for the import and once per changed
 * project.
 */
export async function importStatistics(
  ctx: Ctx,
  input: ImportStatisticsInput,
): Promise<StatisticsImportResult> {
  authorize(ctx.actor, 'reconciliation.manage');
  const region = await regionByCode(ctx.db, input.regionCode ?? ctx.actor.regionCode, 'region');
  if (!isOfficeOver(ctx.actor, region.path))
    throw new AppError('FORBIDDEN', `只能导入本辖区的入统数据（${region.name}不在您的辖区）`, [
      { path: 'region', message: '不在您的辖区' },
    ]);
  const today = chinaDate(ctx.clock.now());
  const period = `${input.year}-${String(input.month).padStart(2, '0')}`;
  if (period > today.slice(0, 7))
    throw new AppError(
      'VALIDATION_FAILED',
      `${input.year} 年 ${input.month} 月还没到，不能导入该月的入统数据`,
      [{ path: 'month', message: '月份在今天之后' }],
    );
  checkXlsx(input.bytes);
  const sheet = await readStatisticsSheet(input.bytes);
  const problems: StatisticsImportProblem[] = [...sheet.problems];

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
          })
          .from(projects)
          .where(inArray(projects.code, codes));
  const byCode = new Map(found.map((p) => [p.code!, p]));
  const previous =
    found.length === 0
      ? []
      : await ctx.db
          .select({ projectId: statisticsFigures.projectId, value: statisticsFigures.yearToDateWanYuan })
          .from(statisticsFigures)
          .where(
            and(
              inArray(
                statisticsFigures.projectId,
                found.map((p) => p.id),
              ),
              eq(statisticsFigures.year, input.year),
              eq(statisticsFigures.month, input.month),
            ),
          );
  const previousOf = new Map(previous.map((p) => [p.projectId, p.value]));

  const firstRowOf = new Map<string, number>();
  const planned: StatisticsImportRow[] = [];
  for (const row of sheet.rows) {
    const project = byCode.get(row.projectCode);
    const where = { row: row.row, column: null };
    if (!project) {
      problems.push({
        ...where,
        message: `项目代码 ${row.projectCode}${row.projectName ? `（${row.projectName}）` : ''} 不在项目库中`,
      });
      continue;
    }
    if (!pathInSubtree(project.regionPath, region.path)) {
      problems.push({
        ...where,
        message: `项目 ${row.projectCode}（${project.name}）不在${region.name}辖区内`,
      });
      continue;
    }
    const first = firstRowOf.get(row.projectCode);
    if (first !== undefined) {
      problems.push({ ...where, message: `项目代码 ${row.projectCode} 与第 ${first} 行重复` });
      continue;
    }
    firstRowOf.set(row.projectCode, row.row);
    planned.push({
      row: row.row,
      projectCode: row.projectCode,
      projectName: project.name,
      projectId: project.id,
      yearToDateWanYuan: row.yearToDateWanYuan,
      previousWanYuan: previousOf.get(project.id) ?? null,
    });
  }
  if (sheet.rows.length === 0 && problems.length === 0)
    problems.push({ row: 1, column: null, message: '表中没有项目数据行' });
  problems.sort((a, b) => a.row - b.row);

  const changed = planned.filter(
    (p) => p.previousWanYuan === null || compareDecimals(p.previousWanYuan, p.yearToDateWanYuan) !== 0,
  );
  const result: StatisticsImportResult = {
    year: input.year,
    month: input.month,
    regionCode: region.code,
    sheet: sheet.sheet,
    dryRun: input.dryRun,
    rows: planned,
    problems,
    counts: {
      created: planned.filter((p) => p.previousWanYuan === null).length,
      updated: changed.filter((p) => p.previousWanYuan !== null).length,
      unchanged: planned.length - changed.length,
    },
  };
  if (problems.length > 0 && !input.dryRun) throw new StatisticsImportRefusedError(result);
  if (input.dryRun) return result;

  await ctx.db.transaction(async (tx) => {
    const [record] = await tx
      .insert(statisticsImports)
      .values({
        regionCode: region.code,
        year: input.year,
        month: input.month,
        fileName: input.fileName,
        rowCount: planned.length,
        importedBy: ctx.actor.userId,
        importedByName: ctx.actor.displayName ?? ctx.actor.username,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: statisticsImports.id });
    for (const p of changed)
      await tx
        .insert(statisticsFigures)
        .values({
          projectId: p.projectId,
          year: input.year,
          month: input.month,
          yearToDateWanYuan: p.yearToDateWanYuan,
          importId: record!.id,
        })
        .onConflictDoUpdate({
          target: [statisticsFigures.projectId, statisticsFigures.year, statisticsFigures.month],
          set: {
            yearToDateWanYuan: p.yearToDateWanYuan,
            importId: record!.id,
            version: sql`${statisticsFigures.version} + 1`,
            updatedAt: ctx.clock.now(),
          },
        });
    const audits: AuditInput[] = [
      {
        action: 'statistics.import',
        entityType: 'region',
        entityId: region.code,
        regionPath: region.path,
        detail: {
          importId: record!.id,
          year: input.year,
          month: input.month,
          fileName: input.fileName,
          ...result.counts,
        },
      },
      ...changed.map(
        (p): AuditInput => ({
          action: 'statistics.import',
          entityType: 'project',
          entityId: p.projectId,
          regionPath: found.find((f) => f.id === p.projectId)!.regionPath,
          changes: { [`入统${period}`]: { before: p.previousWanYuan, after: p.yearToDateWanYuan } },
          detail: { importId: record!.id },
        }),
      ),
    ];
    await recordAudits(tx, ctx, audits);
  });
  return result;
}
