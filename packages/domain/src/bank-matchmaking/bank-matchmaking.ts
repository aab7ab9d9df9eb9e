import { wanToYi as yi } from '../campaigns/campaigns';
import { AppError } from '../errors';
import { compareDecimals, quotient, sumDecimals } from '../money/decimal';

/**
 * 政银企对接 (bank matchmaking): an office invites banks to a meeting, pushes its projects' financing
 * needs to them (推送项目), records the credit signed there (授信/签约) and then follows each project ×
 * bank pair until the loan is disbursed (放款) or the match fails. Source: issue 16 item 2; DOMAIN.md
 * "Banks" (Hui'an: 5 events, 70 亿 of credit signed, 68.37 亿 rolled over).
 */
export const bankLevels = ['head', 'provincial', 'city', 'county', 'local'] as const;
export type BankLevel = (typeof bankLevels)[number];

/** zh-CN names of the branch levels, as ledgers and messages print them. */
export const bankLevelNames: Record<BankLevel, string> = {
  head: '总行',
  provincial: '省级分行',
  city: '市级分行',
  county: '县级支行',
  local: '地方法人银行',
};

/** A project × bank follow-up: 已推送 → 对接中 → 已授信 → 已放款, or 未成功 (with a reason). */
export const bankFollowUpStatuses = ['pushed', 'negotiating', 'credited', 'disbursed', 'failed'] as const;
export type BankFollowUpStatus = (typeof bankFollowUpStatuses)[number];

export const bankFollowUpStatusNames: Record<BankFollowUpStatus, string> = {
  pushed: '已推送',
  negotiating: '对接中',
  credited: '已授信',
  disbursed: '已放款',
  failed: '未成功',
};

/**
 * The allowed moves: forward along 已推送 → 对接中 → 已授信 → 已放款 (a bank may grant credit straight
 * from the push), any open pair may fail (未成功), and a failed pair may be taken up again (对接中).
 * 已放款 is final: later loans and rollovers are recorded as amounts on it.
 */
export const bankFollowUpMoves: Record<BankFollowUpStatus, readonly BankFollowUpStatus[]> = {
  pushed: ['negotiating', 'credited', 'failed'],
  negotiating: ['credited', 'failed'],
  credited: ['disbursed', 'failed'],
  disbursed: [],
  failed: ['negotiating'],
};

/** Refuses a move the table does not allow (INVALID_TRANSITION, naming both statuses in zh-CN). */
export function assertBankFollowUpMove(from: BankFollowUpStatus, to: BankFollowUpStatus): void {
  if (from === to || bankFollowUpMoves[from].includes(to)) return;
  const message = `对接状态不能从「${bankFollowUpStatusNames[from]}」改为「${bankFollowUpStatusNames[to]}」`;
  throw new AppError('INVALID_TRANSITION', message, [{ path: 'status', message }]);
}

/** What a follow-up records besides its status (amounts in 万元 as exact decimal strings; blank is null). */
export interface BankFollowUpFacts {
  status: BankFollowUpStatus;
  failureReason: string | null;
  creditGrantedWanYuan: string | null;
  disbursedWanYuan: string | null;
  disbursedOn: string | null;
  rolledOverWanYuan: string | null;
  rolledOverOn: string | null;
}

/**
 * The field problems of a follow-up in its status: 已授信 and 已放款 need the credit granted (> 0);
 * 已放款 needs the amount disbursed (> 0, not above the credit) and its date; 未成功 needs a reason; an
 * amount disbursed or rolled over needs its date and the reverse. Each problem names its field.
 */
export function bankFollowUpProblems(f: BankFollowUpFacts): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const positive = (v: string | null) => v !== null && compareDecimals(v, '0') > 0;
  if ((f.status === 'credited' || f.status === 'disbursed') && !positive(f.creditGrantedWanYuan))
    problems.push({ path: 'creditGrantedWanYuan', message: '已授信须填写授信金额（万元）' });
  if (f.status === 'disbursed' && !positive(f.disbursedWanYuan))
    problems.push({ path: 'disbursedWanYuan', message: '已放款须填写放款金额（万元）' });
  if (f.status === 'failed' && !f.failureReason?.trim())
    problems.push({ path: 'failureReason', message: '未成功须填写原因' });
  if (
    f.disbursedWanYuan !== null &&
    f.creditGrantedWanYuan !== null &&
    compareDecimals(f.disbursedWanYuan, f.creditGrantedWanYuan) > 0
  )
    problems.push({
      path: 'disbursedWanYuan',
      message: `放款金额 ${f.disbursedWanYuan} 万元超过授信金额 ${f.creditGrantedWanYuan} 万元`,
    });
  if ((f.disbursedWanYuan === null) !== (f.disbursedOn === null))
    problems.push({ path: 'disbursedOn', message: '放款金额和放款日期须同时填写' });
  if ((f.rolledOverWanYuan === null) !== (f.rolledOverOn === null))
    problems.push({ path: 'rolledOverOn', message: '续贷金额和续贷日期须同时填写' });
  return problems;
}

/** One project pushed to one bank at one event, with the credit signed there (null = none). */
export interface BankPushFact {
  eventId: string;
  projectId: string;
  bankId: string;
  signedWanYuan: string | null;
}

/** A follow-up's money as the figures read it. */
export interface BankLoanFact {
  disbursedWanYuan: string | null;
  disbursedOn: string | null;
  rolledOverWanYuan: string | null;
  rolledOverOn: string | null;
}

export interface BankMatchmakingFigures {
  events: number;
  projectsPushed: number;
  pairsPushed: number;
  banksPerProject: string | null;
  creditSignedWanYuan: string;
  creditSignedYiYuan: string;
  disbursedWanYuan: string;
  disbursedYiYuan: string;
  rolledOverWanYuan: string;
  rolledOverYiYuan: string;
}

/**
 * The figures Gansu and Hui'an publish for a year, over the facts given (already limited to what
 * the reader may see and to a region): 对接会场次 = distinct events held in the year (`eventIds`);
 * 推送项目 = distinct projects pushed at them; 平均对接银行 = distinct project × bank pairs ÷ projects
 * (one decimal; null when none); 签约授信 = credit signed at them; 放款 = amounts disbursed dated in
 * the year; 续贷 = amounts rolled over dated in the year. Money in 万元 and 亿元 (two decimals).
 */
export function bankMatchmakingFigures(
  year: number,
  eventIds: readonly string[],
  pushes: readonly BankPushFact[],
  loans: readonly BankLoanFact[],
): BankMatchmakingFigures {
  const events = new Set(eventIds);
  const ofYear = pushes.filter((p) => events.has(p.eventId));
  const projects = new Set(ofYear.map((p) => p.projectId));
  const pairs = new Set(ofYear.map((p) => `${p.projectId}|${p.bankId}`));
  const inYear = (d: string | null) => d !== null && d.slice(0, 4) === String(year);
  const signed = sumDecimals(ofYear, (p) => p.signedWanYuan ?? '0');
  const disbursed = sumDecimals(
    loans.filter((l) => inYear(l.disbursedOn)),
    (l) => l.disbursedWanYuan ?? '0',
  );
  const rolledOver = sumDecimals(
    loans.filter((l) => inYear(l.rolledOverOn)),
    (l) => l.rolledOverWanYuan ?? '0',
  );
  return {
    events: events.size,
    projectsPushed: projects.size,
    pairsPushed: pairs.size,
    banksPerProject: quotient(pairs.size, projects.size),
    creditSignedWanYuan: signed,
    creditSignedYiYuan: yi(signed),
    disbursedWanYuan: disbursed,
    disbursedYiYuan: yi(disbursed),
    rolledOverWanYuan: rolledOver,
    rolledOverYiYuan: yi(rolledOver),
  };
}
