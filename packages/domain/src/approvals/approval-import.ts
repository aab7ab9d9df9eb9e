import { normaliseHeader } from '../ledger/columns';
import { cleanText, type LedgerCell, toHalfWidth } from '../ledger/text';
import type { ApprovalStatus } from './approval-status';

/**
 * Reading an office's 前期手续 ledger: one row per project, one column per procedure. The grammar of
 * a procedure cell (documented on the import page and in the template):
 *
 * - blank, `/`, `—`, `-` or `无`: nothing to change;
 * - a date alone (an Excel date, `2026-03-18`, `2026/3/18`, `2026.3.18`, `2026年3月18日`): 已批复 that day;
 * - a date then text: 已批复 that day with the text as its 文号 (`2026-03-18 宁发改审批〔2026〕12号`);
 * - a status word, then what it needs:
 *   `未启动`, `准备中` (nothing more); `已受理 <date>`, `退回 <date>` (the date is required);
 *   `已批复 <date> [文号]`; `容缺受理 <date> 缺<材料>、<材料>` (each promised within the default
 *   working days of the acceptance); `不需办理 [原因]`.
 *   Synonyms: 未开展/未办理 = 未启动; 正在准备/编制中 = 准备中; 受理/办理中/审批中 = 已受理;
 *   批复/办结/已办结/已取得/已完成/已办理/已核准/已备案 = 已批复; 无需办理/不涉及/免办 = 不需办理; 已退回 = 退回.
 *
 * A date may not be in the future. Brackets around a date and separators (`，、：`) are ignored.
 */
export interface ApprovalCellEntry {
  status: ApprovalStatus;
  /** The day the status was reached (acceptance, approval or return); null for the others. */
  on: string | null;
  approvalNumber: string | null;
  reason: string | null;
  missingMaterials: string[];
}

/** Why a sheet, heading, row or cell cannot be imported (the web localises by this code). */
export const approvalImportIssues = [
  'noHeader',
  'duplicateHeading',
  'unknownHeading',
  'noProject',
  'unknownProject',
  'outOfScope',
  'duplicateProject',
  'noCatalogue',
  'procedureNotInCatalogue',
  'unknownStatus',
  'unreadableDate',
  'futureDate',
  'missingDate',
  'unexpectedText',
  'gapsNeedMaterials',
  'cannotTake',
  'beforeAccepted',
  'dependencyOpen',
] as const;
export type ApprovalImportIssue = (typeof approvalImportIssues)[number];

/** Warnings let the import go on; every other issue blocks it. */
export const approvalImportWarnings: readonly ApprovalImportIssue[] = ['dependencyOpen'];

export interface ApprovalImportProblem {
  issue: ApprovalImportIssue;
  params: Record<string, string>;
}

const statusNamesZh: Record<ApprovalStatus, string> = {
  not_started: '未启动',
  preparing: '准备中',
  accepted: '已受理',
  accepted_with_gaps: '容缺受理',
  approved: '已批复',
  not_needed: '不需办理',
  returned: '退回',
};

/** The zh-CN text of a problem (the CLI and the API message; the web localises by issue). */
export function approvalImportMessage({ issue, params }: ApprovalImportProblem): string {
  const p = (key: string) => params[key] ?? '';
  switch (issue) {
    case 'noHeader':
      return '没有找到表头：须有“项目编码”或“项目名称”列，其后每列一项手续';
    case 'duplicateHeading':
      return `“${p('heading')}”列重复`;
    case 'unknownHeading':
      return `表头“${p('heading')}”不是手续目录中的手续名称或编码`;
    case 'noProject':
      return '该行有手续内容，但没有项目编码或项目名称';
    case 'unknownProject':
      return `找不到项目“${p('project')}”`;
    case 'outOfScope':
      return `项目“${p('project')}”不在您的辖区`;
    case 'duplicateProject':
      return `项目“${p('project')}”在第 ${p('firstRow')} 行已出现`;
    case 'noCatalogue':
      return `项目“${p('project')}”所在辖区尚无前期手续目录`;
    case 'procedureNotInCatalogue':
      return `“${p('heading')}”不在项目“${p('project')}”适用的手续目录中`;
    case 'unknownStatus':
      return `“${p('text')}”不是日期，也不是可识别的状态（未启动、准备中、已受理、容缺受理、已批复、不需办理、退回）`;
    case 'unreadableDate':
      return `“${p('text')}”不是有效日期（如 2026-03-18、2026.3.18、2026年3月18日）`;
    case 'futureDate':
      return `日期 ${p('date')} 晚于今天`;
    case 'missingDate':
      return `“${p('status')}”须写明日期（如 ${p('status')} 2026-03-18）`;
    case 'unexpectedText':
      return `“${p('status')}”后面不应有“${p('text')}”`;
    case 'gapsNeedMaterials':
      return '容缺受理须列出缺少的材料（如 容缺受理 2026-03-18 缺环评批复、用地预审意见）';
    case 'cannotTake':
      return `“${p('procedure')}”当前为“${p('from')}”，不能由导入改为“${p('to')}”${p('hint')}`;
    case 'beforeAccepted':
      return `批复日期 ${p('date')} 早于受理日期 ${p('acceptedOn')}`;
    case 'dependencyOpen':
      return `前置手续“${p('dependency')}”尚未批复`;
  }
}

/** Status words and their synonyms, longest first so `不需办理` wins over `不需`. */
const statusWords: [string, ApprovalStatus][] = (
  [
    ['未启动', 'not_started'],
    ['未开展', 'not_started'],
    ['未办理', 'not_started'],
    ['未开始', 'not_started'],
    ['准备中', 'preparing'],
    ['正在准备', 'preparing'],
    ['编制中', 'preparing'],
    ['已受理', 'accepted'],
    ['受理', 'accepted'],
    ['办理中', 'accepted'],
    ['审批中', 'accepted'],
    ['容缺受理', 'accepted_with_gaps'],
    ['已批复', 'approved'],
    ['批复', 'approved'],
    ['已办结', 'approved'],
    ['办结', 'approved'],
    ['已取得', 'approved'],
    ['已完成', 'approved'],
    ['已办理', 'approved'],
    ['已核准', 'approved'],
    ['已备案', 'approved'],
    ['不需办理', 'not_needed'],
    ['无需办理', 'not_needed'],
    ['不需要办理', 'not_needed'],
    ['不涉及', 'not_needed'],
    ['免办', 'not_needed'],
    ['已退回', 'returned'],
    ['退回', 'returned'],
  ] as [string, ApprovalStatus][]
).sort((a, b) => b[0].length - a[0].length);

const emptyMarks = new Set(['/', '-', '—', '——', '－', '无']);
const separators = /^[\s,，、:：;；]+|[\s,，、:：;；]+$/g;
const datePattern =
  /^[(（]?\s*(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)\s*[)）]?/;
const looksLikeDate = /^[(（]?\d{4}\s*[-/.年]/;
const gapsLead = /^(?:缺少|尚缺|待补|缺)\s*[:：]?\s*/;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A real calendar date from its parts (2026-02-30 is not one), else null. */
function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** An Excel date serial (days after 1899-12-30) within 1990–2100 as a date, else null. */
function serialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 32874 || serial > 73415) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** The date at the start of a text: the ISO date and what follows, `invalid`, or null when none. */
function leadingDate(text: string): { on: string; rest: string } | 'invalid' | null {
  const match = datePattern.exec(text);
  if (!match) return looksLikeDate.test(text) ? 'invalid' : null;
  const on = isoDate(Number(match[1]), Number(match[2] ?? match[4]), Number(match[3] ?? match[5]));
  if (!on) return 'invalid';
  return { on, rest: text.slice(match[0].length).replace(separators, '') };
}

function leadingStatus(text: string): { status: ApprovalStatus; rest: string } | null {
  for (const [word, status] of statusWords)
    if (text.startsWith(word)) return { status, rest: text.slice(word.length).replace(separators, '') };
  return null;
}

const problem = (issue: ApprovalImportIssue, params: Record<string, string> = {}) => ({
  problem: { issue, params },
});

/**
 * One procedure cell read by the grammar above: null when it says nothing, else the entry or the
 * problem. `today` (YYYY-MM-DD, China) bounds the dates.
 */
export function parseApprovalCell(
  cell: LedgerCell | undefined,
  today: string,
): { entry: ApprovalCellEntry } | { problem: ApprovalImportProblem } | null {
  if (cell instanceof Date) {
    const text = cleanText(cell);
    if (!text) return problem('unreadableDate', { text: String(cell) });
    return dated({ status: 'approved', on: text, rest: '' }, today);
  }
  if (typeof cell === 'number') {
    const on = serialDate(cell);
    return on
      ? dated({ status: 'approved', on, rest: '' }, today)
      : problem('unknownStatus', { text: String(cell) });
  }
  // Dates and words are found in the half-width text; what is kept (文号, reason, materials) is
  // taken from the cell as written, at the same offsets (half-width folding is one for one).
  const written = (cleanText(cell) ?? '').replace(separators, '');
  const text = toHalfWidth(written);
  if (text === '' || emptyMarks.has(text)) return null;
  const restFrom = (offset: number) => written.slice(offset).replace(separators, '');
  const worded = leadingStatus(text);
  let offset = worded ? text.length - worded.rest.length : 0;
  const date = leadingDate(text.slice(offset));
  if (date === 'invalid') return problem('unreadableDate', { text: text.slice(offset, offset + 40) });
  if (!worded && !date) return problem('unknownStatus', { text: text.slice(0, 40) });
  if (date) offset = text.length - date.rest.length;
  let status = worded?.status ?? null;
  if (!status) {
    // `2026-03-18 受理`: a status word may follow the date.
    const after = leadingStatus(text.slice(offset));
    status = after?.status ?? 'approved';
    if (after) offset = text.length - after.rest.length;
  }
  return dated({ status, on: date ? date.on : null, rest: restFrom(offset) }, today);
}

function dated(
  { status, on, rest }: { status: ApprovalStatus; on: string | null; rest: string },
  today: string,
): { entry: ApprovalCellEntry } | { problem: ApprovalImportProblem } {
  const name = statusNamesZh[status];
  const named = { status: name, statusCode: status };
  if (on && on > today) return problem('futureDate', { date: on });
  const entry: ApprovalCellEntry = { status, on, approvalNumber: null, reason: null, missingMaterials: [] };
  switch (status) {
    case 'not_needed':
      return {
        entry: { ...entry, on: null, reason: [on, rest].filter(Boolean).join(' ').slice(0, 200) || null },
      };
    case 'not_started':
    case 'preparing':
      if (on || rest)
        return problem('unexpectedText', { ...named, text: [on, rest].filter(Boolean).join(' ') });
      return { entry };
    case 'accepted':
    case 'returned':
      if (!on) return problem('missingDate', named);
      if (rest) return problem('unexpectedText', { ...named, text: rest.slice(0, 40) });
      return { entry };
    case 'approved':
      if (!on) return problem('missingDate', named);
      return { entry: { ...entry, approvalNumber: rest ? rest.slice(0, 100) : null } };
    case 'accepted_with_gaps': {
      if (!on) return problem('missingDate', named);
      const lead = gapsLead.exec(rest);
      const materials = lead
        ? rest
            .slice(lead[0].length)
            .split(/[、,，;；]/)
            .map((m) => m.trim().slice(0, 100))
            .filter((m) => m !== '')
        : [];
      if (materials.length === 0) return problem('gapsNeedMaterials');
      return { entry: { ...entry, missingMaterials: [...new Set(materials)] } };
    }
  }
}

/**
 * The statuses an import may put an item in, from its present one. A ledger records history, so it
 * may jump ahead without walking each move (未启动 → 已批复 that day), but never back: 已受理 becomes
 * only 已批复 or 退回; 容缺受理 only 退回 (the materials are supplied first); 已批复 and 不需办理 stay
 * as they are (the office reopens them in the checklist, with a reason). The same status is always
 * allowed (its dates and 文号 are corrected).
 */
export const importableApprovalStatuses: Record<ApprovalStatus, readonly ApprovalStatus[]> = {
  not_started: ['preparing', 'accepted', 'accepted_with_gaps', 'approved', 'returned', 'not_needed'],
  preparing: ['accepted', 'accepted_with_gaps', 'approved', 'returned', 'not_needed'],
  returned: ['preparing', 'accepted', 'accepted_with_gaps', 'approved', 'not_needed'],
  accepted: ['approved', 'returned'],
  accepted_with_gaps: ['returned'],
  approved: [],
  not_needed: [],
};

export const mayImportApprovalStatus = (from: ApprovalStatus, to: ApprovalStatus) =>
  from === to || importableApprovalStatuses[from].includes(to);

/** Which project column a heading names (`项目编码`/`项目代码`, `项目名称`/`项目`), else null. */
export function projectHeadingKind(heading: LedgerCell | undefined): 'code' | 'name' | null {
  const words = normaliseHeader(heading);
  if (['项目编码', '项目代码', '编码', '项目编号'].includes(words)) return 'code';
  if (['项目名称', '项目', '名称'].includes(words)) return 'name';
  return null;
}

/** Columns an office's ledger often has beside the procedures; they are read past, not refused. */
const ignoredHeadings = new Set([
  '序号',
  '备注',
  '说明',
  '项目单位',
  '业主单位',
  '建设单位',
  '所在地',
  '建设地点',
  '县',
  '县市区',
  '区划',
  '所属区域',
  '总投资',
  '责任单位',
  '责任领导',
]);

export const isIgnoredApprovalHeading = (heading: LedgerCell | undefined) =>
  ignoredHeadings.has(normaliseHeader(heading)) || ignoredHeadings.has(toHalfWidth(cleanText(heading) ?? ''));

/** A heading as compared with the catalogue: no blanks, half-width, no bracketed remark. */
export const approvalHeadingKey = (heading: LedgerCell | undefined) => normaliseHeader(heading);

/** The catalogue procedure a heading names: by exact name, else by code; null when none. */
export function matchApprovalHeading<P extends { code: string; name: string }>(
  heading: LedgerCell | undefined,
  procedures: readonly P[],
): P | null {
  const key = approvalHeadingKey(heading);
  if (key === '') return null;
  return (
    procedures.find((p) => approvalHeadingKey(p.name) === key) ??
    procedures.find((p) => p.code.toLowerCase() === key.toLowerCase()) ??
    null
  );
}

/**
 * The cell an item's state is written as in a ledger (the template pre-fills it), read back by
 * {@link parseApprovalCell} as the same state: 未启动 is left blank; 已批复 is its date and 文号.
 */
export function approvalCellText(item: {
  status: ApprovalStatus;
  acceptedOn: string | null;
  approvedOn: string | null;
  returnedOn: string | null;
  approvalNumber: string | null;
  notNeededReason: string | null;
  missingMaterials: readonly string[];
}): string {
  const join = (...parts: (string | null)[]) => parts.filter((p) => p).join(' ');
  switch (item.status) {
    case 'not_started':
      return '';
    case 'preparing':
      return '准备中';
    case 'accepted':
      return join('已受理', item.acceptedOn);
    case 'accepted_with_gaps':
      return join('容缺受理', item.acceptedOn, `缺${item.missingMaterials.join('、')}`);
    case 'approved':
      return item.approvedOn ? join(item.approvedOn, item.approvalNumber) : '';
    case 'returned':
      return join('退回', item.returnedOn);
    case 'not_needed':
      return join('不需办理', item.notNeededReason);
  }
}
