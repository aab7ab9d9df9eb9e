import { indicatorRatio } from '../indicators/rate';
import { parseDecimal, type Ratio, sumDecimals } from '../money/decimal';
import { lastDayOfMonth } from '../projects/implied-stage';

/**
 * 攻坚行动 (campaigns) and 集中开竣工 (concentrated start/completion events). Hui'an's 一季一攻坚:
 * 开门红, 服务季, 落地大比拼, 五赛五拼冬季攻坚 ("以月保季、以季保年"); its 83 projects worth 196.84 亿元
 * in the year's ceremonies come out of the events' participants.
 */
export const campaignPresets = ['开门红', '服务季', '落地大比拼', '五赛五拼冬季攻坚'] as const;

export const eventKinds = ['start', 'completion', 'startAndCompletion'] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventKindNames: Record<EventKind, string> = {
  start: '集中开工',
  completion: '集中竣工',
  startAndCompletion: '集中开竣工',
};

export const eventLevels = ['provincial', 'city', 'county'] as const;
export type EventLevel = (typeof eventLevels)[number];
export const eventLevelNames: Record<EventLevel, string> = {
  provincial: '省级视频连线',
  city: '市级视频连线',
  county: '县级视频连线',
};

export const participantRoles = ['start', 'completion'] as const;
export type ParticipantRole = (typeof participantRoles)[number];
export const participantRoleNames: Record<ParticipantRole, string> = { start: '开工', completion: '竣工' };

/** The roles a project may take at an event of a kind: 集中开工 only 开工, 集中竣工 only 竣工, both at 集中开竣工. */
export const rolesOfKind: Record<EventKind, readonly ParticipantRole[]> = {
  start: ['start'],
  completion: ['completion'],
  startAndCompletion: ['start', 'completion'],
};

export interface ParticipantDraft {
  projectId: string;
  role: ParticipantRole;
}

/**
 * Problems with an event's participants, as VALIDATION_FAILED details: a project at most once per
 * event, its role allowed by the event's kind ({@link rolesOfKind}). `names` labels projects.
 */
export function participantProblems(
  kind: EventKind,
  participants: readonly ParticipantDraft[],
  names: ReadonlyMap<string, string>,
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  participants.forEach((p, i) => {
    const name = names.get(p.projectId) ?? p.projectId;
    if (seen.has(p.projectId))
      out.push({
        path: `participants.${i}.projectId`,
        message: `${name}在本次活动中重复（一个项目只能参加一次）`,
      });
    seen.add(p.projectId);
    if (!rolesOfKind[kind].includes(p.role))
      out.push({
        path: `participants.${i}.role`,
        message: `${eventKindNames[kind]}活动中${name}不能以「${participantRoleNames[p.role]}」身份参加`,
      });
  });
  return out;
}

/** A project's own start facts: its actual start date and the start dates its monthly reports gave. */
export interface StartFacts {
  actualStartOn: string | null;
  reportStarts: readonly { year: number; month: number; actualStartOn: string | null }[];
}

/**
 * 真开工 (really started) for a project at a 开工 ceremony on `eventOn`: the day it started, if by the
 * end of the event's month either its actual start date falls, or a monthly report of that month or
 * earlier gives a start date — the earliest such date; null when neither shows a start by then.
 */
export function reallyStartedOn(facts: StartFacts, eventOn: string): string | null {
  const year = Number(eventOn.slice(0, 4));
  const month = Number(eventOn.slice(5, 7));
  const monthEnd = lastDayOfMonth(year, month);
  const candidates: string[] = [];
  if (facts.actualStartOn !== null && facts.actualStartOn <= monthEnd) candidates.push(facts.actualStartOn);
  for (const r of facts.reportStarts) {
    const inTime = r.year < year || (r.year === year && r.month <= month);
    if (inTime && r.actualStartOn !== null && r.actualStartOn <= monthEnd) candidates.push(r.actualStartOn);
  }
  return candidates.length === 0 ? null : candidates.sort()[0]!;
}

export interface ParticipantFact {
  projectId: string;
  role: ParticipantRole;
  investmentWanYuan: string;
  /** {@link reallyStartedOn} for a 开工 participant; ignored for 竣工. */
  reallyStartedOn: string | null;
}

export interface EventFigures {
  projects: number;
  startProjects: number;
  completionProjects: number;
  investmentWanYuan: string;
  startInvestmentWanYuan: string;
  completionInvestmentWanYuan: string;
  reallyStarted: number;
  /** 真开工率 = really started ÷ 开工 participants. */
  reallyStartedRate: Ratio;
}

/**
 * 活动汇总 of one event: projects by role, the investment they bring (exact 万元) and how many of the
 * 开工 projects really started ({@link reallyStartedOn}).
 */
export function eventFigures(participants: readonly ParticipantFact[]): EventFigures {
  const starts = participants.filter((p) => p.role === 'start');
  const completions = participants.filter((p) => p.role === 'completion');
  const reallyStarted = starts.filter((p) => p.reallyStartedOn !== null).length;
  return {
    projects: participants.length,
    startProjects: starts.length,
    completionProjects: completions.length,
    investmentWanYuan: sumDecimals(participants, (p) => p.investmentWanYuan),
    startInvestmentWanYuan: sumDecimals(starts, (p) => p.investmentWanYuan),
    completionInvestmentWanYuan: sumDecimals(completions, (p) => p.investmentWanYuan),
    reallyStarted,
    reallyStartedRate: indicatorRatio(reallyStarted, starts.length, ['reallyStarted', 'startProjects']),
  };
}

export interface CampaignTargets {
  targetStartProjects: number | null;
  targetCompletionProjects: number | null;
  targetStartInvestmentWanYuan: string | null;
}

export interface CampaignFigures extends EventFigures {
  events: number;
  /** Projects counted once however many events they took part in. */
  distinctProjects: number;
  /** Progress against the targets (null where the campaign set none). */
  startProgress: Ratio | null;
  completionProgress: Ratio | null;
  startInvestmentProgress: Ratio | null;
}

/**
 * 攻坚行动汇总: its events' participations summed (a project at two events counts at each, as the
 * ceremonies report them), its distinct projects, and progress against its targets: 开工 projects ÷
 * target, 竣工 projects ÷ target, 开工 investment ÷ target.
 */
export function campaignFigures(
  events: readonly { participants: readonly ParticipantFact[] }[],
  targets: CampaignTargets,
): CampaignFigures {
  const all = events.flatMap((e) => e.participants);
  const figures = eventFigures(all);
  return {
    ...figures,
    events: events.length,
    distinctProjects: new Set(all.map((p) => p.projectId)).size,
    startProgress:
      targets.targetStartProjects === null
        ? null
        : indicatorRatio(figures.startProjects, targets.targetStartProjects, ['startProjects', 'target']),
    completionProgress:
      targets.targetCompletionProjects === null
        ? null
        : indicatorRatio(figures.completionProjects, targets.targetCompletionProjects, [
            'completionProjects',
            'target',
          ]),
    startInvestmentProgress:
      targets.targetStartInvestmentWanYuan === null
        ? null
        : indicatorRatio(figures.startInvestmentWanYuan, targets.targetStartInvestmentWanYuan, [
            'startInvestmentWanYuan',
            'target',
          ]),
  };
}

/**
 * 万元 → 亿元 with two decimals, rounded half-up, exact on integers ("1968400" → "196.84").
 */
export function wanToYi(wanYuan: string): string {
  const scaled = parseDecimal(wanYuan); // 万元 × 10^4
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  // 亿元 × 100 = 万元 / 100 = scaled / 10^6
  const hundredths = (2n * magnitude + 1_000_000n) / 2_000_000n;
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
  return negative && hundredths !== 0n ? `-${text}` : text;
}
