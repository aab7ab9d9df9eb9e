import { isoWeekOf, parseBulletinPeriod } from '../bulletins/bulletin-period';
import type { HolidayCalendar } from '../calendar/working-days';
import { workingDeadline } from '../calendar/working-days';
import { AppError, invalid } from '../errors';

/**
 * 一日一督查 (issue 17 item 3): the office, a department or a service group inspects every site
 * under construction daily against a checklist of its jurisdiction (安全生产, 疫情防控, 工资公示牌,
 * 扬尘治理, 实名制…); each item is 合格 / 发现问题 / 不适用; a problem found is a finding with a
 * rectification deadline that the owner answers with photos and the inspecting unit closes (销号)
 * or returns; an unfixed finding past its deadline becomes a problem in the closed loop.
 * Source: the seeds' 「一日一督查」「一日一通报」 (返岗复工 controls on key-project sites).
 */

/** The categories of checklist items (each maps to a problem category when a finding is raised). */
export const inspectionCategories = [
  'safety',
  'epidemic',
  'wages',
  'dust',
  'realName',
  'quality',
  'other',
] as const;
export type InspectionCategory = (typeof inspectionCategories)[number];

export const inspectionCategoryNames: Record<InspectionCategory, string> = {
  safety: '安全生产',
  epidemic: '疫情防控',
  wages: '农民工工资',
  dust: '扬尘治理',
  realName: '实名制管理',
  quality: '工程质量',
  other: '其他',
};

/** The `problemCategory` dictionary's default name a finding of a category is raised under. */
export const inspectionProblemCategory: Record<InspectionCategory, string> = {
  safety: '其他',
  epidemic: '其他',
  wages: '用工',
  dust: '环保',
  realName: '用工',
  quality: '其他',
  other: '其他',
};

export interface ChecklistItem {
  key: string;
  text: string;
  category: InspectionCategory;
}

export interface ChecklistPreset {
  key: string;
  name: string;
  items: readonly ChecklistItem[];
}

const item = (key: string, category: InspectionCategory, text: string): ChecklistItem => ({
  key,
  category,
  text,
});

/**
 * 督查清单预置: the checklists a jurisdiction starts from until it (or one above it) keeps its own.
 * Items follow the usual site-inspection points of housing-and-construction, human-resources and
 * ecology bureaus (安全生产标准化, 根治欠薪「两金一卡一牌」, 扬尘「六个百分之百」, 实名制考勤).
 */
export const inspectionChecklistPresets: readonly ChecklistPreset[] = [
  {
    key: 'safety',
    name: '安全生产',
    items: [
      item('safety-1', 'safety', '安全生产责任制、安全管理人员到岗履职'),
      item('safety-2', 'safety', '特种作业人员持证上岗'),
      item('safety-3', 'safety', '深基坑、高支模、脚手架等危大工程按方案施工'),
      item('safety-4', 'safety', '临边洞口防护、安全网设置到位'),
      item('safety-5', 'safety', '施工用电“三级配电、两级保护”'),
      item('safety-6', 'safety', '起重机械检测合格并登记'),
      item('safety-7', 'safety', '消防器材配备、动火作业审批'),
    ],
  },
  {
    key: 'epidemic',
    name: '疫情防控',
    items: [
      item('epidemic-1', 'epidemic', '返岗人员健康管理“一人一档”'),
      item('epidemic-2', 'epidemic', '出入口测温、登记'),
      item('epidemic-3', 'epidemic', '宿舍、食堂消毒通风记录'),
      item('epidemic-4', 'epidemic', '防疫物资储备充足'),
      item('epidemic-5', 'epidemic', '班组分区管理，避免人员聚集'),
    ],
  },
  {
    key: 'wages',
    name: '农民工工资',
    items: [
      item('wages-1', 'wages', '维权信息告示牌（工资公示牌）在醒目位置设立'),
      item('wages-2', 'wages', '农民工工资专用账户开设并按月拨付'),
      item('wages-3', 'wages', '工资保证金按规定存储'),
      item('wages-4', 'wages', '施工总承包单位代发工资，工资按月足额发放'),
      item('wages-5', 'wages', '劳动合同签订率 100%'),
    ],
  },
  {
    key: 'dust',
    name: '扬尘治理',
    items: [
      item('dust-1', 'dust', '施工现场周边 100% 围挡'),
      item('dust-2', 'dust', '物料堆放 100% 覆盖'),
      item('dust-3', 'dust', '出入车辆 100% 冲洗'),
      item('dust-4', 'dust', '施工现场地面 100% 硬化'),
      item('dust-5', 'dust', '拆迁工地 100% 湿法作业'),
      item('dust-6', 'dust', '渣土车辆 100% 密闭运输'),
    ],
  },
  {
    key: 'realName',
    name: '实名制管理',
    items: [
      item('realName-1', 'realName', '实名制考勤设备安装并正常使用'),
      item('realName-2', 'realName', '进场人员信息录入平台'),
      item('realName-3', 'realName', '劳资专管员配备到位'),
      item('realName-4', 'realName', '考勤记录与工资发放一致'),
    ],
  },
];

/** Refuses a checklist without a name, without items, with a duplicate key or an empty text. */
export function checkChecklist(input: { name: string; items: readonly ChecklistItem[] }): void {
  const problems: { path: string; message: string }[] = [];
  if (input.name.trim() === '') problems.push({ path: 'name', message: '清单名称必填' });
  if (input.items.length === 0) problems.push({ path: 'items', message: '清单至少需要一项检查内容' });
  const seen = new Set<string>();
  input.items.forEach((it, i) => {
    if (seen.has(it.key))
      problems.push({ path: `items.${i}.key`, message: `第 ${i + 1} 项的编号“${it.key}”重复` });
    seen.add(it.key);
    if (it.text.trim() === '')
      problems.push({ path: `items.${i}.text`, message: `第 ${i + 1} 项的检查内容必填` });
  });
  if (problems.length > 0) throw invalid(problems, `督查清单有误：${problems[0]!.message}`);
}

/** The result of one checklist item at an inspection. */
export const itemResults = ['pass', 'issue', 'na'] as const;
export type ItemResult = (typeof itemResults)[number];
export const itemResultNames: Record<ItemResult, string> = { pass: '合格', issue: '发现问题', na: '不适用' };

export const findingSeverities = ['minor', 'major', 'severe'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];
export const findingSeverityNames: Record<FindingSeverity, string> = {
  minor: '一般',
  major: '较重',
  severe: '严重',
};

/**
 * Working days to rectify by severity: 一般 5, 较重 3, 严重 1 (a serious hazard is fixed the next
 * working day or the work there stops). The inspector may set an earlier or later date.
 */
export const findingDeadlineWorkingDays: Record<FindingSeverity, number> = { minor: 5, major: 3, severe: 1 };

/**
 * A finding's default deadline: its severity's working days after the inspection day on the holiday
 * calendar (as dispatch counts a task's due date); provisional when the count reads a year whose
 * arrangement is not entered.
 */
export function findingDeadline(inspectedOn: string, severity: FindingSeverity, calendar: HolidayCalendar) {
  const due = workingDeadline(inspectedOn, findingDeadlineWorkingDays[severity], calendar);
  return { deadlineOn: due.on, isDeadlineProvisional: due.isProvisional };
}

/** 待整改 → 已整改待复核 → 已销号, or 复核不通过 (back to be rectified). */
export const findingStatuses = ['open', 'replied', 'returned', 'closed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];
export const findingStatusNames: Record<FindingStatus, string> = {
  open: '待整改',
  replied: '已整改待复核',
  returned: '复核不通过',
  closed: '已销号',
};

export const findingMoves = ['reply', 'close', 'return'] as const;
export type FindingMove = (typeof findingMoves)[number];
export const findingMoveNames: Record<FindingMove, string> = {
  reply: '整改回复',
  close: '销号',
  return: '退回',
};

/**
 * The transition table: the owner replies to an open or returned finding (→ 已整改待复核); the
 * inspecting unit closes a replied one (→ 已销号) or returns it with a reason (→ 复核不通过). A
 * closed finding moves no more.
 */
export const findingTransitions: Record<FindingStatus, Partial<Record<FindingMove, FindingStatus>>> = {
  open: { reply: 'replied' },
  returned: { reply: 'replied' },
  replied: { close: 'closed', return: 'returned' },
  closed: {},
};

/** The status after a move, or INVALID_TRANSITION naming both in zh-CN. */
export function transitionFinding(from: FindingStatus, move: FindingMove): FindingStatus {
  const to = findingTransitions[from][move];
  if (!to)
    throw new AppError(
      'INVALID_TRANSITION',
      `督查问题“${findingStatusNames[from]}”时不能${findingMoveNames[move]}`,
    );
  return to;
}

/** Whether the finding waits for the owner's rectification (待整改 or 复核不通过). */
export const awaitsRectification = (status: FindingStatus) => status === 'open' || status === 'returned';

/**
 * 逾期: a finding is overdue on `today` when it still waits for rectification and its deadline is
 * before `today` (due today is not yet overdue). Such a finding becomes a problem (once).
 */
export const isFindingOverdue = (finding: { status: FindingStatus; deadlineOn: string }, today: string) =>
  awaitsRectification(finding.status) && finding.deadlineOn < today;

/** Whether an overdue finding may be raised as a problem: overdue, or awaiting and not yet raised. */
export function mayRaiseFindingProblem(finding: {
  status: FindingStatus;
  problemId: string | null;
}): boolean {
  return finding.problemId === null && awaitsRectification(finding.status);
}

/** The stages of a site that count as under construction for coverage: 新开工 and 在建. */
export const inspectedSiteStages = ['started', 'underway'] as const;

/** A coverage period: a day (`2026-12-07`) or an ISO week (`2026-W50`, Monday to Sunday). */
export interface InspectionPeriod {
  kind: 'day' | 'week';
  period: string;
  start: string;
  end: string;
}

/** The period of `kind` holding `on` (a date): the day itself, or its ISO week. */
export function inspectionPeriodOf(kind: 'day' | 'week', on: string): InspectionPeriod {
  const period = kind === 'day' ? on : isoWeekOf(on);
  const parsed = parseBulletinPeriod(kind === 'day' ? 'daily' : 'weekly', period);
  if (!parsed) throw invalid([{ path: 'on', message: '日期格式应为 YYYY-MM-DD' }], '督查日期无效');
  return { kind, period, start: parsed.start, end: parsed.end };
}

/**
 * 督查覆盖率: distinct sites inspected over sites under construction, as a percentage with one
 * decimal; null when the region has no site.
 */
export function coverageRate(inspected: number, sites: number): number | null {
  if (sites === 0) return null;
  return Math.round((inspected / sites) * 1000) / 10;
}

/**
 * The window of a finding's photos: from 1 day before the inspection (a photo taken the evening
 * before on the walk-round) to 1 day after it (uploaded back at the office), capped at today.
 */
export const findingPhotoDays = { daysBefore: 1, daysAfter: 1 } as const;

/** Whole days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The window of a reply photo: from the finding's inspection day to today (the rectification happens
 * after the finding and before the reply), as `eventPhotoWindow` spans (0 days before, the days
 * since).
 */
export const replyPhotoDays = (inspectedOn: string, today: string) => ({
  daysBefore: 0,
  daysAfter: Math.max(0, daysBetween(inspectedOn, today)),
});
