import {
  rebuildKeptFigures,
  rebuildKeptRegionSums,
  verifyKeptFigures,
  verifyKeptRegionSums,
} from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

type Check = Awaited<ReturnType<typeof verifyKeptFigures>>;

/** Prints a check's outcome; exits 1 when any kept figure differs from the rule. */
function report(check: Check, out: (s: string) => void) {
  for (const m of check.mismatches)
    out(
      `不一致：项目 ${m.projectId} ${m.year} 年 ${m.field}：汇总表 ${m.kept ?? '无'}，按规则应为 ${m.expected ?? '无'}\n`,
    );
  if (check.mismatches.length > 0)
    throw new CliError(`核对 ${check.checked} 个项目年度，发现不一致（见上，最多列 50 条）`, 1);
  out(`核对 ${check.checked} 个项目年度，与月报和年度计划重算结果一致\n`);
}

type RegionCheck = Awaited<ReturnType<typeof verifyKeptRegionSums>>;

/** The same for the kept region sums (cockpit by region, problem statistics by region). */
function reportRegions(check: RegionCheck, out: (s: string) => void) {
  for (const m of check.mismatches)
    out(
      `不一致：${m.table} ${m.key} ${m.field}：汇总表 ${m.kept ?? '无'}，按规则应为 ${m.expected ?? '无'}\n`,
    );
  if (check.mismatches.length > 0)
    throw new CliError(`核对 ${check.checked} 行区划汇总，发现不一致（见上，最多列 50 条）`, 1);
  out(`核对 ${check.checked} 行区划汇总，与项目、计划、月报和问题重算结果一致\n`);
}

/**
 * `tuijin rollups rebuild|verify`: the kept project-year rollup (`project_year_figures`, kept by
 * triggers on every report and plan write) and the region sums kept from it (`region_month_sums`,
 * `region_stage_days`, `region_problem_sums`; migration 0035). `rebuild` recomputes it from scratch in one audited
 * transaction and then verifies it; `verify` only compares it with the domain rule.
 */
export function registerRollupsCommand(program: Command, io: { out: (s: string) => void }) {
  const rollups = program
    .command('rollups')
    .description('项目年度汇总（驾驶舱、地图、列表按累计完成率排序所读）');
  rollups
    .command('rebuild')
    .description('从月报和年度计划重算全部项目年度汇总，并逐项核对')
    .action(async () => {
      await withDatabase(async (handle, auditKey) => {
        const outcome = await rebuildKeptFigures({
          db: handle.db,
          clock: { now: () => new Date() },
          auditKey,
        });
        io.out(`已重算 ${outcome.rebuilt} 个项目年度\n`);
        report(outcome, io.out);
        // The region sums read the project-year figures: rebuilt after them.
        const regions = await rebuildKeptRegionSums({
          db: handle.db,
          clock: { now: () => new Date() },
          auditKey,
        });
        io.out(`已重算 ${regions.rebuilt} 个项目年度的区划汇总\n`);
        reportRegions(regions, io.out);
      });
    });
  rollups
    .command('verify')
    .description('核对项目年度汇总与月报、年度计划重算的结果是否一致（不修改数据）')
    .action(async () => {
      await withDatabase(async (handle) => {
        report(await verifyKeptFigures(handle.db), io.out);
        reportRegions(await verifyKeptRegionSums(handle.db), io.out);
      });
    });
}
