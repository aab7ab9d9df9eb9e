import type { BulletinProjectLine, BulletinSiteDay, BulletinSiteDayRow } from '@tuijin/contracts';
import { stoppageReasonNames } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { inspectionDayFigures } from '../inspections';
import { stoppedProjectsOn } from '../resumption';
import { workforceDayFigures } from '../workforce';
import { projectLine, projectNames } from './bulletin-lists';

const inSubtree = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/**
 * 现场用工与督查 and 停工项目 of a jurisdiction on a day (the daily bulletin's own day; a weekly or
 * monthly bulletin's last day): per child region and in total, the roster's figures (on site, arrived,
 * left, in observation, abnormal — workforce's `workforceDayFigures`), the day's inspections and the
 * findings' state at its end (inspections' `inspectionDayFigures`) and the projects stopped that day
 * (resumption's `stoppedProjectsOn`, listed with their reason). Every figure links to its records.
 */
export async function takeSiteDay(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  region: { code: string; name: string; path: string },
  onDate: string,
): Promise<{ siteDay: BulletinSiteDay; stopped: BulletinProjectLine[] }> {
  const [workforce, inspected, stopped] = await Promise.all([
    workforceDayFigures(ctx.db, region.path, onDate),
    inspectionDayFigures(ctx.db, region.path, onDate),
    stoppedProjectsOn(ctx, { regionPath: region.path, onDate }),
  ]);
  const links = (code: string) => ({
    workforceHref: `/workforce?region=${code}&date=${onDate}`,
    inspectionsHref: `/inspections?region=${code}&date=${onDate}`,
    stoppagesHref: `/resumption?region=${code}`,
  });
  const row = (
    code: string,
    name: string,
    people: (typeof workforce)['total'] | undefined,
    checks: (typeof inspected)['total'] | undefined,
    projectsStopped: number,
  ): BulletinSiteDayRow => ({
    code,
    name,
    workersOnSite: people?.onSite ?? 0,
    workersArrived: people?.arrived ?? 0,
    workersDeparted: people?.departed ?? 0,
    inObservation: people?.inObservation ?? 0,
    healthAbnormal: people?.abnormal ?? 0,
    inspections: checks?.inspections ?? 0,
    sitesInspected: checks?.sitesInspected ?? 0,
    findingsRaised: checks?.findingsRaised ?? 0,
    findingsClosed: checks?.findingsClosed ?? 0,
    findingsOpen: checks?.findingsOpen ?? 0,
    findingsOverdue: checks?.findingsOverdue ?? 0,
    projectsStopped,
    ...links(code),
  });
  const rows = workforce.rows
    .filter((r) => r.regionPath !== region.path)
    .map((r) =>
      row(
        r.regionCode,
        r.regionName,
        r.figures,
        inspected.rows.find((i) => i.regionCode === r.regionCode),
        stopped.filter((s) => inSubtree(s.regionPath, r.regionPath)).length,
      ),
    );
  const names = await projectNames(
    ctx.db,
    stopped.map((s) => s.projectId),
  );
  return {
    siteDay: {
      onDate,
      rows,
      total: { ...row(region.code, '合计', workforce.total, inspected.total, stopped.length) },
    },
    stopped: stopped.map((s) =>
      projectLine(
        s.projectId,
        s.name,
        names,
        `${s.stoppedOn} 起停工（${stoppageReasonNames[s.reasonCategory]}${s.reason ? `：${s.reason}` : ''}）` +
          (s.expectedResumeOn ? `，预计 ${s.expectedResumeOn} 复工` : ''),
      ),
    ),
  };
}
