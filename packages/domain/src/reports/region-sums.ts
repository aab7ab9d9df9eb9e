import { formatDecimal, parseDecimal } from '../money/decimal';
import { cumulativePlanToMonth, type PlanCurve } from '../plans/annual-plan';
import { lastDayOfMonth } from '../projects/implied-stage';
import type { ProjectStage } from '../projects/stages';

/** The plan a figure is measured against: the frozen baseline, or the plan as adjusted (any plan). */
export type RegionSumsBasis = 'baseline' | 'adjusted';

/** What a project-year brings to the region sums: the project, its plan of the year, its kept year-to-date and its reports. */
export interface RegionFactsInput {
  project: {
    regionCode: string;
    recordedStage: ProjectStage;
    actualStartOn: string | null;
    actualCompletionOn: string | null;
    actualOperationOn: string | null;
  };
  year: number;
  plan: {
    status: 'draft' | 'frozen';
    adjusted: PlanCurve & { plansStart: boolean; plansCompletion: boolean; plansOperation: boolean };
    /** The frozen figures (null fields read as no plan amount and no flag). */
    baseline: {
      plannedInvestmentWanYuan: string | null;
      splitKind: PlanCurve['splitKind'] | null;
      splitWanYuan: readonly string[] | null;
      plansStart: boolean | null;
      plansCompletion: boolean | null;
      plansOperation: boolean | null;
    };
  };
  /** 本年累计完成 to each month (the kept `yearFiguresOfProject(...).ytd`); null: none approved. */
  ytd: readonly string[] | null;
  /** The year's reports (several for one month are read together, as the cockpit reads them). */
  reports: readonly {
    month: number;
    status: 'draft' | 'submitted' | 'returned' | 'approved';
    isSubmitted: boolean;
    late: boolean;
    inStatistics: boolean;
  }[];
}

/** A project-year in one basis as the region sums count it (`project_region_facts`). */
export interface ProjectRegionFacts {
  regionCode: string;
  year: number;
  basis: RegionSumsBasis;
  planned: string;
  /** Cumulative plan to months 1..12. */
  cumPlan: string[];
  /** Year-to-date approved to months 1..12. */
  ytd: string[];
  plansStart: boolean;
  plansCompletion: boolean;
  plansOperation: boolean;
  /** Not dropped: its month's report is due. */
  isDue: boolean;
  /** The day from which it counts as started for 开工率 (planned to start, not dropped), else null. */
  startedOn: string | null;
  completedOn: string | null;
  operatingOn: string | null;
  /** Per month 1..12, for a project still due: submitted on time, late, submitted at all, 入统. */
  onTime: boolean[];
  late: boolean[];
  submitted: boolean[];
  inStat: boolean[];
}

const earliest = (...dates: (string | null)[]) =>
  dates.filter((d): d is string => d !== null).sort()[0] ?? null;

/**
 * A project-year's facts in each basis it has a plan for (adjusted: any plan; baseline: a frozen
 * one), as the cockpit's base reads them: plan and cumulative plan by the basis's curve
 * (`cumulativePlanToMonth`), the kept year-to-date, and the dates from which its implied stage
 * (`impliedStage`: dropped overrides; operation, completion or start on or before the day) counts
 * it as started, completed and operating — the earliest of the dates that imply it — when its plan
 * says so. The month's report state counts only while the project is not dropped.
 */
export function regionFactsOfProject(input: RegionFactsInput): ProjectRegionFacts[] {
  const { project, plan, year } = input;
  const isDue = project.recordedStage !== 'dropped';
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const ofMonth = (m: number) => input.reports.filter((r) => r.month === m);
  const submitted = months.map((m) => isDue && ofMonth(m).some((r) => r.isSubmitted));
  const anyLate = months.map((m) => ofMonth(m).some((r) => r.late));
  const state = {
    onTime: months.map((m) => submitted[m - 1]! && !anyLate[m - 1]),
    late: months.map((m) => submitted[m - 1]! && anyLate[m - 1]!),
    submitted,
    inStat: months.map((m) => isDue && ofMonth(m).some((r) => r.status === 'approved' && r.inStatistics)),
  };
  const ytd = input.ytd ? input.ytd.map((v) => formatDecimal(parseDecimal(v))) : months.map(() => '0');
  const { actualStartOn: start, actualCompletionOn: completion, actualOperationOn: operation } = project;
  const facts = (
    basis: RegionSumsBasis,
    curve: PlanCurve,
    flags: { plansStart: boolean; plansCompletion: boolean; plansOperation: boolean },
  ): ProjectRegionFacts => ({
    regionCode: project.regionCode,
    year,
    basis,
    planned: formatDecimal(parseDecimal(curve.plannedInvestmentWanYuan)),
    cumPlan: months.map((m) => cumulativePlanToMonth(curve, m)),
    ytd,
    plansStart: flags.plansStart,
    plansCompletion: flags.plansCompletion,
    plansOperation: flags.plansOperation,
    isDue,
    startedOn: flags.plansStart && isDue ? earliest(start, completion, operation) : null,
    completedOn: flags.plansCompletion && isDue ? earliest(completion, operation) : null,
    operatingOn: flags.plansOperation && isDue ? operation : null,
    ...state,
  });
  const out = [facts('adjusted', plan.adjusted, plan.adjusted)];
  if (plan.status === 'frozen') {
    const b = plan.baseline;
    out.push(
      facts(
        'baseline',
        {
          plannedInvestmentWanYuan: b.plannedInvestmentWanYuan ?? '0',
          splitKind: b.splitKind ?? 'none',
          splitWanYuan: b.splitWanYuan,
        },
        {
          plansStart: b.plansStart ?? false,
          plansCompletion: b.plansCompletion ?? false,
          plansOperation: b.plansOperation ?? false,
        },
      ),
    );
  }
  return out;
}

/** One region's own projects × year × basis × month (`region_month_sums`). */
export interface RegionMonthSum {
  regionCode: string;
  year: number;
  basis: RegionSumsBasis;
  month: number;
  projects: number;
  due: number;
  planned: string;
  cumPlan: string;
  ytd: string;
  plansStart: number;
  plansCompletion: number;
  plansOperation: number;
  /** Counted by the month's last day. */
  started: number;
  completed: number;
  operating: number;
  onTime: number;
  late: number;
  submitted: number;
  inStat: number;
}

/** Starts, completions and operations on one day of the year (`region_stage_days`; earlier dates on January 1st). */
export interface RegionStageDay {
  regionCode: string;
  year: number;
  basis: RegionSumsBasis;
  onDate: string;
  started: number;
  completed: number;
  operating: number;
}

/**
 * The kept region sums (issue 18 item 1) from the facts of every project-year: per region's own
 * projects, year, basis and month, the counts and amounts summed (a group with no project has no
 * row); and per day of the year the starts, completions and operations that fall on it (dates
 * before the year count on January 1st, later ones not at all; a day with none has no row), so a
 * figure as of a day inside a month is the month's count less the days after it. Its SQL twin is
 * migration 0035, kept by triggers; `region-sums-equivalence.test.ts` compares them.
 */
export function regionSumsOf(facts: readonly ProjectRegionFacts[]): {
  months: RegionMonthSum[];
  days: RegionStageDay[];
} {
  const months = new Map<string, RegionMonthSum & { sums: bigint[] }>();
  const days = new Map<string, RegionStageDay>();
  for (const f of facts) {
    for (let m = 1; m <= 12; m++) {
      const key = `${f.regionCode}|${f.year}|${f.basis}|${m}`;
      let row = months.get(key);
      if (!row) {
        row = {
          regionCode: f.regionCode,
          year: f.year,
          basis: f.basis,
          month: m,
          projects: 0,
          due: 0,
          planned: '0',
          cumPlan: '0',
          ytd: '0',
          plansStart: 0,
          plansCompletion: 0,
          plansOperation: 0,
          started: 0,
          completed: 0,
          operating: 0,
          onTime: 0,
          late: 0,
          submitted: 0,
          inStat: 0,
          sums: [0n, 0n, 0n],
        };
        months.set(key, row);
      }
      const end = lastDayOfMonth(f.year, m);
      const by = (date: string | null) => (date !== null && date <= end ? 1 : 0);
      row.projects += 1;
      row.due += f.isDue ? 1 : 0;
      row.sums[0]! += parseDecimal(f.planned);
      row.sums[1]! += parseDecimal(f.cumPlan[m - 1] ?? '0');
      row.sums[2]! += parseDecimal(f.ytd[m - 1] ?? '0');
      row.plansStart += f.plansStart ? 1 : 0;
      row.plansCompletion += f.plansCompletion ? 1 : 0;
      row.plansOperation += f.plansOperation ? 1 : 0;
      row.started += by(f.startedOn);
      row.completed += by(f.completedOn);
      row.operating += by(f.operatingOn);
      row.onTime += f.onTime[m - 1] ? 1 : 0;
      row.late += f.late[m - 1] ? 1 : 0;
      row.submitted += f.submitted[m - 1] ? 1 : 0;
      row.inStat += f.inStat[m - 1] ? 1 : 0;
    }
    const first = `${f.year}-01-01`;
    const last = `${f.year}-12-31`;
    for (const [field, date] of [
      ['started', f.startedOn],
      ['completed', f.completedOn],
      ['operating', f.operatingOn],
    ] as const) {
      if (date === null || date > last) continue;
      const onDate = date < first ? first : date;
      const key = `${f.regionCode}|${f.year}|${f.basis}|${onDate}`;
      let row = days.get(key);
      if (!row) {
        row = {
          regionCode: f.regionCode,
          year: f.year,
          basis: f.basis,
          onDate,
          started: 0,
          completed: 0,
          operating: 0,
        };
        days.set(key, row);
      }
      row[field] += 1;
    }
  }
  return {
    months: [...months.values()].map(({ sums, ...row }) => ({
      ...row,
      planned: formatDecimal(sums[0]!),
      cumPlan: formatDecimal(sums[1]!),
      ytd: formatDecimal(sums[2]!),
    })),
    days: [...days.values()],
  };
}
