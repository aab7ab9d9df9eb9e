import { type Actor, formatDecimal, parseDecimal } from '@tuijin/domain';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Ctx } from '../context';
import { projects, users } from '../db/schema';
import { workbookToBuffer } from '../lib/excel';
import { actorSource, toActor } from '../modules/auth';
import { importStatistics } from '../modules/reconciliation';
import { approvedYearToDateByProject, resolveReportingPeriod } from '../modules/reports';

/** The bureau's figure as a share of the reported one, in hundredths, by a project's place in the list. */
function statisticsShare(index: number): bigint | null {
  if (index % 11 === 5) return null; // 应统未统: not in the bureau's sheet
  if (index % 7 === 3) return 80n; // reported 25 % above 入统
  if (index % 9 === 4) return 125n; // reported 20 % below 入统
  return index % 2 === 0 ? 100n : 97n;
}

/**
 * 入统数据 in the demo: the city office imports the statistics bureau's sheet for the reporting
 * month through the import use case (an .xlsx built here, as the bureau would send it), for the
 * coded projects that reported this year — most agree with their reports, a few part by 20–25 %
 * and a few are missing, so 三数比对 has something to chase. Answers the rows imported.
 */
export async function loadDemoStatistics(ctx: Ctx): Promise<number> {
  const [cityRow] = await actorSource(ctx.db).where(eq(users.username, 'ningde'));
  const city: Actor | null = cityRow ? toActor(cityRow) : null;
  if (!city) return 0;
  const period = await resolveReportingPeriod(ctx, city.regionPath);
  const reported = await approvedYearToDateByProject(ctx.db, {
    regionPath: city.regionPath,
    year: period.year,
    month: period.month,
  });
  if (reported.size === 0) return 0;
  const coded = await ctx.db
    .select({ id: projects.id, code: projects.code, name: projects.name })
    .from(projects)
    .where(and(inArray(projects.id, [...reported.keys()]), isNotNull(projects.code)))
    .orderBy(asc(projects.name));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('入统数据');
  sheet.addRow([`宁德市${period.year}年1-${period.month}月重点项目入统投资`]);
  sheet.addRow(['序号', '项目代码', '项目名称', '本年累计完成投资（万元）']);
  let rows = 0;
  for (const [i, project] of coded.entries()) {
    const share = statisticsShare(i);
    if (share === null) continue;
    const figure = formatDecimal((parseDecimal(reported.get(project.id)!) * share) / 100n);
    rows += 1;
    sheet.addRow([rows, project.code, project.name, figure]);
  }
  if (rows === 0) return 0;
  await importStatistics(
    { ...ctx, actor: city },
    {
      bytes: await workbookToBuffer(workbook),
      fileName: `宁德市${period.year}年1-${period.month}月入统数据.xlsx`,
      year: period.year,
      month: period.month,
      regionCode: null,
      dryRun: false,
    },
  );
  return rows;
}
