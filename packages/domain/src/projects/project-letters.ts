import { AppError } from '../errors';
import { isBehindTimeProgress } from '../indicators/time-progress';
import type { ProblemLetterKind, ProblemLetterStatus } from '../problems/letters';
import type { WarningColour } from '../warnings/warning-rules';

/**
 * Why a project letter is written (滞后原因): the latest warning colour (red, yellow), completion below
 * 序时进度 in the latest reporting month, a milestone node overdue, the planned start passed without a
 * start, or another reason the office states in the demanded action. Source: issue 15 item 7
 * ("提醒函 on a lagging project, not only on a problem").
 */
export const projectLetterReasons = [
  'red',
  'yellow',
  'behindSchedule',
  'milestoneOverdue',
  'notStarted',
  'other',
] as const;
export type ProjectLetterReason = (typeof projectLetterReasons)[number];

/** zh-CN names of the reasons, as the letter and the messages state them. */
export const projectLetterReasonNames: Record<ProjectLetterReason, string> = {
  red: '红色预警',
  yellow: '黄色预警',
  behindSchedule: '投资完成低于序时进度',
  milestoneOverdue: '节点逾期',
  notStarted: '计划开工未开工',
  other: '其他',
};

const colourNames: Record<WarningColour, string> = { green: '绿色', yellow: '黄色', red: '红色' };

/**
 * The figures a project letter quotes, as they stood when it was issued: the latest reporting month
 * (YYYY-MM), its warning colour (null: never computed), the year's completion and 序时进度 (percent
 * strings, null without a plan), the nodes overdue today and the planned start month / actual start.
 */
export interface ProjectLetterFacts {
  month: string;
  colour: WarningColour | null;
  plannedWanYuan: string | null;
  completedWanYuan: string | null;
  completionPercent: string | null;
  timePercent: string | null;
  overdueMilestones: number;
  plannedStartMonth: string | null;
  actualStartOn: string | null;
}

const refuse = (message: string): never => {
  throw new AppError('VALIDATION_FAILED', message, [{ path: 'reason', message }]);
};

/**
 * Checks the project is lagging for the reason given, else VALIDATION_FAILED on `reason` with a
 * Chinese message naming why not: red / yellow need that colour in the latest computed month;
 * behindSchedule a completion below 序时进度 (one decimal, as published); milestoneOverdue a node
 * past its planned date; notStarted a planned start month reached (≤ the facts' month) and no
 * actual start; other always passes (the demanded action states it).
 */
export function assertProjectLagging(reason: ProjectLetterReason, facts: ProjectLetterFacts): void {
  switch (reason) {
    case 'red':
    case 'yellow':
      if (facts.colour === null)
        refuse(`项目 ${facts.month} 尚无预警结果，不能以${projectLetterReasonNames[reason]}发函`);
      if (facts.colour !== reason)
        refuse(
          `项目 ${facts.month} 预警为${colourNames[facts.colour!]}，不是${projectLetterReasonNames[reason]}，不能以此发函`,
        );
      return;
    case 'behindSchedule':
      if (facts.completionPercent === null || facts.timePercent === null)
        refuse(`项目无 ${facts.month.slice(0, 4)} 年度投资计划，无法与序时进度比较，不能以此发函`);
      if (!isBehindTimeProgress(facts.completionPercent, facts.timePercent!))
        refuse(
          `项目 ${facts.month} 投资完成率 ${facts.completionPercent}% 不低于序时进度 ${facts.timePercent}%，不能以投资滞后发函`,
        );
      return;
    case 'milestoneOverdue':
      if (facts.overdueMilestones === 0) refuse('项目没有逾期节点，不能以节点逾期发函');
      return;
    case 'notStarted':
      if (facts.actualStartOn !== null) refuse(`项目已于 ${facts.actualStartOn} 开工，不能以未开工发函`);
      if (facts.plannedStartMonth === null || facts.plannedStartMonth > facts.month)
        refuse(`项目计划开工时间（${facts.plannedStartMonth ?? '未填'}）未到，不能以未开工发函`);
      return;
    case 'other':
      return;
  }
}

/** One letter (on a problem or a project) as the letters view counts it. */
export interface CountedLetter {
  kind: ProblemLetterKind;
  issuedOn: string;
  recipientOrganisationName: string;
  status: ProblemLetterStatus;
  replyDueOn: string;
}

/** The letters of a year counted by kind, month, quarter and recipient, replied and overdue. */
export interface LetterSummary {
  total: number;
  byKind: Record<ProblemLetterKind, number>;
  /** Twelve counts, January first. */
  byMonth: number[];
  /** Four counts, Q1 first. */
  byQuarter: number[];
  /** Recipients by count (most first, then by name). */
  byRecipient: { recipientOrganisationName: string; count: number }[];
  replied: number;
  /** Not replied and past the reply date on `today`. */
  overdueReply: number;
}

/**
 * 函件台账 counts: letters issued in `year` (Beijing date) counted by kind, month, quarter and
 * recipient; replied; overdue (not replied, reply date before `today`). Letters of other years are
 * left out. Hui'an's "14 提醒函 in a year" is `byKind.reminder`.
 */
export function summariseLetters(
  letters: readonly CountedLetter[],
  year: number,
  today: string,
): LetterSummary {
  const out: LetterSummary = {
    total: 0,
    byKind: { reminder: 0, supervision: 0 },
    byMonth: Array(12).fill(0),
    byQuarter: Array(4).fill(0),
    byRecipient: [],
    replied: 0,
    overdueReply: 0,
  };
  const recipients = new Map<string, number>();
  for (const letter of letters) {
    if (Number(letter.issuedOn.slice(0, 4)) !== year) continue;
    const month = Number(letter.issuedOn.slice(5, 7));
    out.total += 1;
    out.byKind[letter.kind] += 1;
    out.byMonth[month - 1]! += 1;
    out.byQuarter[Math.floor((month - 1) / 3)]! += 1;
    recipients.set(
      letter.recipientOrganisationName,
      (recipients.get(letter.recipientOrganisationName) ?? 0) + 1,
    );
    if (letter.status === 'replied') out.replied += 1;
    else if (letter.replyDueOn < today) out.overdueReply += 1;
  }
  out.byRecipient = [...recipients]
    .map(([recipientOrganisationName, count]) => ({ recipientOrganisationName, count }))
    .sort(
      (a, b) =>
        b.count - a.count || a.recipientOrganisationName.localeCompare(b.recipientOrganisationName, 'zh-CN'),
    );
  return out;
}
