import type {
  BulletinFigure,
  BulletinRegionRow,
  BulletinSnapshot,
  CockpitFigures,
  CockpitRate,
  CockpitRollup,
} from '@tuijin/contracts';
import {
  amountYearOnYear,
  type BulletinPeriod,
  type BulletinPlaceholder,
  parseDecimal,
  rateYearOnYear,
} from '@tuijin/domain';
import type { Ctx } from '../../context';
import { getCockpitRollup } from '../cockpit';
import { reportingDeadlineResolver } from '../reports';
import { currentWarnings, listSnails } from '../warnings';
import {
  bulletinListLimit,
  latestRedBlack,
  overdueApprovalLines,
  overdueProblemLines,
  overdueTaskLines,
  periodActivity,
  projectLine,
  projectNames,
  warningDetail,
} from './bulletin-lists';
import { takeSiteDay } from './bulletin-site-day';

/** An amount in 万元 as a bulletin prints it: two decimals, rounded half-up ("12345.6789" → "12345.68"). */
export function bulletinAmount(value: string): string {
  const scaled = parseDecimal(value);
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const hundredths = (magnitude + 50n) / 100n;
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
  return negative && hundredths > 0n ? `-${text}` : text;
}

const percentText = (rate: CockpitRate) => (rate.percent === null ? null : `${rate.percent}%`);
const pointsText = (change: string | null) => (change === null ? null : `${change} 个百分点`);
const signed = (value: string) => (value.startsWith('-') ? value : `+${value}`);

/** The month label of the figures: 1—10月 (January alone: 1月). */
export const monthSpanLabel = (month: number) => (month === 1 ? '1月' : `1—${month}月`);

function cockpitHref(region: string, year: number, month: number) {
  return `/cockpit?year=${year}&month=${month}&region=${region}`;
}

/**
 * The headline figures with their 同比: amounts compare as a percentage change, rates as a change in
 * percentage points; no comparison when last year's same period has no plan (no data).
 */
function headlineFigures(now: CockpitFigures, last: CockpitFigures | null, href: string): BulletinFigure[] {
  const amount = (key: 'plannedInvestment' | 'completedYtd', label: string): BulletinFigure => {
    const lastValue = last ? last[key].value : null;
    const change = amountYearOnYear(now[key].value, lastValue);
    return {
      key,
      label,
      value: bulletinAmount(now[key].value),
      unit: '万元',
      lastYear: lastValue === null ? null : bulletinAmount(lastValue),
      yearOnYear: change,
      provenance: { formula: now[key].formula, href },
    };
  };
  const rate = (
    key: 'planCompletionRate' | 'timeProgress' | 'startRate' | 'statisticsEntry' | 'completionRate',
    label: string,
  ): BulletinFigure => {
    const lastPercent = last ? last[key].percent : null;
    const nowPercent = now[key].percent;
    return {
      key,
      label,
      value: nowPercent,
      unit: '%',
      lastYear: lastPercent,
      yearOnYear: pointsText(rateYearOnYear(nowPercent, lastPercent)),
      provenance: { formula: now[key].formula, href },
    };
  };
  return [
    {
      key: 'projectCount',
      label: '重点项目',
      value: now.projectCount.value,
      unit: '个',
      lastYear: last ? last.projectCount.value : null,
      yearOnYear: last
        ? signed(String(Number(now.projectCount.value) - Number(last.projectCount.value)))
        : null,
      provenance: { formula: 'projectCount', href },
    },
    amount('plannedInvestment', '年度计划投资'),
    amount('completedYtd', '累计完成投资'),
    rate('planCompletionRate', '年度投资完成率'),
    rate('timeProgress', '序时进度'),
    {
      key: 'progressGap',
      label: '较序时进度',
      value: now.progressGap.value,
      unit: '百分点',
      lastYear: last?.progressGap.value ?? null,
      yearOnYear: null,
      provenance: { formula: 'progressGap', href },
    },
    rate('startRate', '开工率'),
    rate('completionRate', '竣工率'),
    rate('statisticsEntry', '入统率'),
    {
      key: 'doubleHalf',
      label: '双过半',
      value: now.doubleHalf.isReached ? '已实现' : '未实现',
      unit: null,
      lastYear: last ? (last.doubleHalf.isReached ? '已实现' : '未实现') : null,
      yearOnYear: null,
      provenance: { formula: 'doubleHalf', href },
    },
  ];
}

/** The child regions ranked by their plan completion rate (ties share a rank; no plan, no rank). */
function regionRows(rollup: CockpitRollup): BulletinRegionRow[] {
  const rows = rollup.rows.filter((r) => r.kind === 'region' || r.kind === 'regionSelf');
  const rated = rows
    .filter((r) => r.figures.planCompletionRate.percent !== null)
    .map((r) => Number(r.figures.planCompletionRate.percent))
    .sort((a, b) => b - a);
  return rows
    .map((r) => {
      const percent = r.figures.planCompletionRate.percent;
      return {
        code: r.key,
        name: r.label,
        projectCount: Number(r.figures.projectCount.value),
        plannedInvestment: bulletinAmount(r.figures.plannedInvestment.value),
        completedYtd: bulletinAmount(r.figures.completedYtd.value),
        completionRate: percent,
        progressGap: r.figures.progressGap.value,
        startRate: r.figures.startRate.percent,
        rank: percent === null ? null : rated.indexOf(Number(percent)) + 1,
        provenance: {
          formula: 'planCompletionRate',
          href: cockpitHref(r.kind === 'region' ? r.key : rollup.region.code, rollup.year, rollup.month),
        },
      };
    })
    .sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999) || a.code.localeCompare(b.code));
}

/**
 * Takes a bulletin's snapshot for a jurisdiction and period: the month's cockpit figures (the same
 * function the cockpit answers from, so the bulletin and the cockpit agree) with last year's same
 * month for 同比, the child regions ranked, the red and yellow projects and 蜗牛榜 of the month, the
 * problems, tasks and approval items overdue at the period's end, the latest published 红黑榜, and
 * the period's activity. The caller has checked the actor may issue bulletins for the region.
 */
export async function takeBulletinSnapshot(
  ctx: Ctx,
  region: { code: string; name: string; path: string },
  period: BulletinPeriod,
): Promise<BulletinSnapshot> {
  const figureMonth =
    period.kind === 'monthly'
      ? period.period
      : (await reportingDeadlineResolver(ctx.db)).currentMonth(region.path, period.end).key;
  const year = Number(figureMonth.slice(0, 4));
  const month = Number(figureMonth.slice(5, 7));
  const query = { year, month, basis: 'adjusted', dimension: 'region', region: region.code } as const;
  const rollup = await getCockpitRollup(ctx, query);
  const lastRollup = await getCockpitRollup(ctx, { ...query, year: year - 1 });
  const hasLastYear = parseDecimal(lastRollup.total.plannedInvestment.value) > 0n;
  const href = cockpitHref(region.code, year, month);
  const headline = headlineFigures(rollup.total, hasLastYear ? lastRollup.total : null, href);

  const warnings = (await currentWarnings(ctx.db, ctx.actor, figureMonth)).filter(
    (w) => w.colour !== 'green',
  );
  const snails = (await listSnails(ctx, { month: figureMonth })).data;
  const names = await projectNames(ctx.db, [
    ...warnings.map((w) => w.projectId),
    ...snails.map((s) => s.projectId),
  ]);
  const warningLines = (colour: 'red' | 'yellow') =>
    warnings
      .filter((w) => w.colour === colour)
      .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.projectName.localeCompare(b.projectName))
      .map((w) => projectLine(w.projectId, w.projectName, names, warningDetail(w.reasons)));
  const asOf = period.end;
  const [problems, tasks, approvals, activity, redBlack] = await Promise.all([
    overdueProblemLines(ctx.db, region.path, asOf),
    overdueTaskLines(ctx.db, region.path, asOf),
    overdueApprovalLines(ctx.db, region.path, asOf),
    periodActivity(
      ctx.db,
      region.path,
      period.kind === 'monthly' ? `${figureMonth}-01` : period.start,
      period.end,
    ),
    latestRedBlack(ctx.db, region.code, figureMonth),
  ]);
  const { siteDay, stopped } = await takeSiteDay(ctx, region, period.end);
  const site = siteDay.total;
  const red = warningLines('red');
  const yellow = warningLines('yellow');
  const gap = rollup.total.progressGap.value;
  const completed = headline.find((f) => f.key === 'completedYtd')!;
  const values: Record<BulletinPlaceholder, string> = {
    地区: region.name,
    期间: period.kind === 'monthly' ? monthSpanLabel(month) : period.label,
    项目个数: rollup.total.projectCount.value,
    年度计划: bulletinAmount(rollup.total.plannedInvestment.value),
    完成投资: bulletinAmount(rollup.total.completedYtd.value),
    完成率: percentText(rollup.total.planCompletionRate) ?? '—',
    序时进度: percentText(rollup.total.timeProgress) ?? '—',
    进度差: gap === null ? '—' : gap.replace('-', ''),
    快慢: gap?.startsWith('-') ? '落后' : '超',
    开工率: percentText(rollup.total.startRate) ?? '—',
    入统率: percentText(rollup.total.statisticsEntry) ?? '—',
    双过半: rollup.total.doubleHalf.isReached ? '已实现“双过半”' : '未实现“双过半”',
    同比:
      completed.yearOnYear === null
        ? '去年同期无可比数据'
        : `完成投资同比${completed.yearOnYear.startsWith('-') ? '下降' : '增长'}${completed.yearOnYear.replace(/^[+-]/, '')}`,
    红灯数: String(red.length),
    黄灯数: String(yellow.length),
    逾期问题数: String(problems.length),
    逾期事项数: String(tasks.length),
    超期手续数: String(approvals.length),
    新增问题数: String(activity.problemsRaised),
    解决问题数: String(activity.problemsSolved),
    办结事项数: String(activity.tasksDone),
    走访次数: String(activity.visits),
    新开工数: String(activity.projectsStarted),
    在岗人数: String(site.workersOnSite),
    到岗人数: String(site.workersArrived),
    离岗人数: String(site.workersDeparted),
    观察人数: String(site.inObservation),
    异常人数: String(site.healthAbnormal),
    督查次数: String(site.inspections),
    督查项目数: String(site.sitesInspected),
    发现问题数: String(site.findingsRaised),
    整改销号数: String(site.findingsClosed),
    待整改数: String(site.findingsOpen),
    逾期整改数: String(site.findingsOverdue),
    停工项目数: String(stopped.length),
  };
  return {
    regionCode: region.code,
    regionName: region.name,
    kind: period.kind,
    period: period.period,
    periodLabel: period.kind === 'monthly' ? monthSpanLabel(month) : period.label,
    periodStart: period.start,
    periodEnd: period.end,
    figureMonth,
    figureMonthLabel: monthSpanLabel(month),
    takenAt: ctx.clock.now().toISOString(),
    headline,
    regions: regionRows(rollup),
    redBlack,
    warnings: { red: red.slice(0, bulletinListLimit), yellow: yellow.slice(0, bulletinListLimit) },
    snails: snails
      .slice(0, bulletinListLimit)
      .map((s) => projectLine(s.projectId, s.projectName, names, `连续 ${s.consecutiveRedMonths} 个月红灯`)),
    overdueProblems: problems.slice(0, bulletinListLimit),
    overdueTasks: tasks.slice(0, bulletinListLimit),
    overdueApprovals: approvals.slice(0, bulletinListLimit),
    activity,
    siteDay,
    stoppedProjects: stopped.slice(0, bulletinListLimit),
    values,
  };
}
