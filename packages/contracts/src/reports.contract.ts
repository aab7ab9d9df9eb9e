import { parseWanYuan, reportEventActions, reportStatuses } from '@tuijin/domain';
import { z } from 'zod';
import { Id, PageInfo, PageQuery, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { ProjectFile } from './projects.contract';
import {
  DeleteReportingCalendar,
  RegionCodeParams,
  ReportCheckId,
  ReportingCalendarView,
  SetReportingCalendar,
} from './reporting-calendar.contract';
import { CurrentReportingPeriod, CurrentReportingPeriodQuery } from './reporting-period.contract';
import { PhotoFinding } from './site-photos.contract';

export const ReportStatus = z
  .enum(reportStatuses)
  .describe('draft 草稿；submitted 待审核；returned 已退回；approved 已通过');
export const ReportEventAction = z.enum(reportEventActions);

/**
 * An exact signed amount in 万元 as a decimal string. Negative amounts pass the schema on purpose:
 * whether a region takes them is its calendar's `negativeAmount` check (blocking by default), which
 * the report use cases apply before anything is stored.
 */
export const SignedWanYuan = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const read = parseWanYuan(value, { allowNegative: true });
    if (!read.ok) {
      ctx.addIssue({
        code: 'custom',
        message: read.problem === 'blank' ? '请填写金额（万元）' : '金额应为数字（万元），最多 4 位小数',
      });
      return z.NEVER;
    }
    return read.value;
  })
  .describe('金额（万元），精确小数，以字符串表示');

const Year = z.coerce.number().int().min(2000, { message: '年份无效' }).max(2100, { message: '年份无效' });
const Month = z.coerce
  .number()
  .int()
  .min(1, { message: '月份应为 1–12' })
  .max(12, { message: '月份应为 1–12' });
const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

export const ReportMonthParams = z.object({ id: Id, year: Year, month: Month });
export const ReportYearQuery = z.object({ year: Year.describe('年份') });

/** One finding of the submission checks, as stored at the last submission. */
export const ReportFinding = z.object({
  check: ReportCheckId,
  severity: z.enum(['block', 'warn']).describe('block 不能报送；warn 提示，随月报保存供审核参考'),
  message: z.string().describe('中文说明'),
  messageEn: z.string().describe('English message'),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type ReportFinding = z.infer<typeof ReportFinding>;

export const ReportEvent = z.object({
  id: z.number().int(),
  action: ReportEventAction,
  reason: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export type ReportEvent = z.infer<typeof ReportEvent>;

/** The typed fields of a monthly report (year-to-date and since-start are never typed). */
const reportFields = {
  completedWanYuan: SignedWanYuan.describe('本月完成投资（万元）'),
  progress: text(2000).default('').describe('形象进度'),
  actualStartOn: IsoDate.nullable().default(null).describe('实际开工日期'),
  actualCompletionOn: IsoDate.nullable().default(null).describe('实际竣工日期'),
  actualOperationOn: IsoDate.nullable().default(null).describe('实际投产日期'),
  inStatistics: z.boolean().default(false).describe('是否入统'),
  statisticsWanYuan: SignedWanYuan.nullable().default(null).describe('入统金额（万元）'),
  workersOnSite: z
    .number()
    .int({ message: '在岗人数应为整数' })
    .min(0, { message: '在岗人数不能为负' })
    .max(1_000_000, { message: '在岗人数过大' })
    .nullable()
    .default(null)
    .describe('现场施工人数'),
};

/** Owner saves (creates or edits) the draft of a month; `version` null creates it. */
export const SaveReportDraft = z
  .object({ ...reportFields, version: Version.nullable().describe('月报版本号；新建时为空') })
  .strict();
export type SaveReportDraft = z.infer<typeof SaveReportDraft>;

/**
 * Owner submits a report. With `fields`, the typed fields are checked and stored together with the
 * submission in one step, so a refused submission leaves the saved draft as it was.
 */
export const SubmitReport = z
  .object({
    version: Version,
    fields: z
      .object(reportFields)
      .strict()
      .optional()
      .describe('随提交一并保存的填报内容；省略时提交已保存的草稿'),
  })
  .strict();
export type SubmitReport = z.infer<typeof SubmitReport>;
/**
 * Owner saves and submits a month's report in one request and one transaction (新建或修改并报送):
 * the typed fields and the version read (null when the month has no report yet). A refused
 * submission stores nothing, not even a draft.
 */
export const SubmitMonthReport = SaveReportDraft;
export type SubmitMonthReport = z.infer<typeof SubmitMonthReport>;

/** What a submission answers, from the row it wrote: the report's new state and the warnings kept. */
export const ReportSubmission = z.object({
  id: Id,
  projectId: Id,
  year: z.number().int(),
  month: z.number().int(),
  status: ReportStatus,
  completedWanYuan: z.string(),
  dueOn: z.string().describe('截止日'),
  late: z.boolean().describe('首次报送晚于截止日'),
  submittedAt: z.string(),
  findings: z.array(ReportFinding).describe('报送时的提示性校验结果，随月报保存供审核参考'),
  version: z.number().int(),
});
export type ReportSubmission = z.infer<typeof ReportSubmission>;
export const ApproveReport = z.object({ version: Version }).strict();
export type ApproveReport = z.infer<typeof ApproveReport>;
export const ReturnReport = z
  .object({ reason: requiredText(500).describe('退回原因'), version: Version })
  .strict();
export type ReturnReport = z.infer<typeof ReturnReport>;
/** Office corrects an approved report: the full set of typed fields plus the reason. */
export const CorrectReport = z
  .object({ ...reportFields, reason: requiredText(500).describe('更正原因'), version: Version })
  .strict();
export type CorrectReport = z.infer<typeof CorrectReport>;

/** A report's site photo with what its metadata says against the project and the month (warnings only). */
export const ReportPhoto = ProjectFile.extend({
  evidence: z.array(PhotoFinding).describe('照片核验提示（读取时计算，不阻止报送）'),
});
export type ReportPhoto = z.infer<typeof ReportPhoto>;

/** The jurisdiction's photo distance threshold as answered. */
export const PhotoEvidenceSettingsView = z.object({
  regionCode: z.string(),
  maxDistanceKm: z.number(),
  /** The region whose saved settings apply (an ancestor's, or null for the default 5 km). */
  fromRegionCode: z.string().nullable(),
  version: z.number().int().describe('本辖区设置的版本（0 为从未保存）'),
});
export type PhotoEvidenceSettingsView = z.infer<typeof PhotoEvidenceSettingsView>;

export const SavePhotoEvidenceSettings = z
  .object({
    regionCode: z.string().max(20).optional().describe('辖区，默认本人所在'),
    maxDistanceKm: z
      .number({ message: '距离阈值应为数字（公里）' })
      .gt(0, { message: '距离阈值应大于 0' })
      .max(1000, { message: '距离阈值不能超过 1000 公里' })
      .describe('照片拍摄地距项目坐标超过多少公里时提示，如 5'),
    version: z.number().int().min(0),
  })
  .strict();
export type SavePhotoEvidenceSettings = z.infer<typeof SavePhotoEvidenceSettings>;

export const MonthlyReport = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  projectCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  completedWanYuan: z.string(),
  ytdWanYuan: z.string().describe('本年累计（万元）= 本年此前已审核月份 + 本月（本月未审核时为拟累计）'),
  sinceStartWanYuan: z.string().describe('开工以来累计（万元）= 上年底累计 + 本年累计'),
  progress: z.string(),
  actualStartOn: z.string().nullable(),
  actualCompletionOn: z.string().nullable(),
  actualOperationOn: z.string().nullable(),
  inStatistics: z.boolean(),
  statisticsWanYuan: z.string().nullable(),
  workersOnSite: z.number().int().nullable(),
  status: ReportStatus,
  dueOn: z.string().describe('截止日'),
  late: z.boolean().describe('首次报送晚于截止日'),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  returnReason: z.string().nullable(),
  findings: z.array(ReportFinding),
  version: z.number().int(),
  updatedAt: z.string(),
  photos: z.array(ReportPhoto),
  events: z.array(ReportEvent),
  abilities: z.object({
    canEdit: z.boolean().describe('业主可修改并报送（草稿或退回）'),
    canSubmit: z.boolean(),
    canReview: z.boolean().describe('可审核通过或退回'),
    canCorrect: z.boolean().describe('可更正已通过的月报'),
    canUploadPhotos: z.boolean(),
  }),
});
export type MonthlyReport = z.infer<typeof MonthlyReport>;

/** The reporting window of one month for one project. */
export const ReportWindow = z.object({
  opensOn: z.string(),
  dueOn: z.string(),
  closesOn: z.string().nullable().describe('最晚补报日（含）；空 = 不关闭'),
  lateAllowed: z.boolean(),
  isProvisional: z.boolean().describe('截止日按暂定节假日计算（该年节假日尚未公布），公布后重算'),
  state: z
    .enum(['notOpen', 'open', 'late', 'closed'])
    .describe('notOpen 未到填报期；open 填报期内；late 已过截止日可补报；closed 已关闭'),
});
export type ReportWindow = z.infer<typeof ReportWindow>;

/** Everything the report form shows beside the fields: plan, totals, last month, the window. */
export const ReportForm = z.object({
  projectId: Id,
  projectName: z.string(),
  projectStage: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  totalInvestmentWanYuan: z.string().nullable().describe('项目总投资（万元）'),
  plan: z
    .object({
      plannedInvestmentWanYuan: z.string(),
      priorCompletedWanYuan: z.string().nullable().describe('上年底累计完成（万元）'),
      status: z.enum(['draft', 'frozen']),
      plansStart: z.boolean(),
      startMonth: z.number().int().nullable(),
      plansCompletion: z.boolean(),
      completionMonth: z.number().int().nullable(),
      plansOperation: z.boolean(),
      operationMonth: z.number().int().nullable(),
      goals: z.string().nullable(),
      splitKind: z.enum(['none', 'month', 'quarter']),
      splitWanYuan: z.array(z.string()).nullable(),
    })
    .nullable()
    .describe('本年度计划；无计划时该月不需报送'),
  ytdBeforeWanYuan: z.string().describe('本年此前已审核月份累计（万元）'),
  sinceStartBeforeWanYuan: z.string().describe('开工以来至上月已审核累计（万元）'),
  lastMonthProgress: z.string().nullable().describe('上月形象进度'),
  earlierActualStartOn: z.string().nullable().describe('此前月报填写的实际开工日期'),
  window: ReportWindow.nullable().describe('填报期；节假日安排缺失无法计算时为空'),
  windowProblem: z.string().nullable(),
  report: MonthlyReport.nullable().describe('已有的本月月报'),
  roster: z
    .object({ onDate: z.string(), workersOnSite: z.number().int() })
    .nullable()
    .describe('实名制花名册：截至本月末（或今天，取较早者）的在岗人数；项目未建花名册时为空'),
  negativeAllowed: z.boolean().describe('本辖区报送校验仅提示负数（不阻止）时为真：可填负数（核减）'),
  canSubmit: z.boolean().describe('当前用户可为该项目填报'),
});
export type ReportForm = z.infer<typeof ReportForm>;

/** One month of a project's year of reports. */
export const ProjectReportMonth = z.object({
  month: z.number().int(),
  dueOn: z.string().nullable(),
  isMissing: z.boolean().describe('截止日已过仍未报送（无月报或仍为草稿）'),
  report: MonthlyReport.nullable(),
  ytdApprovedWanYuan: z.string().describe('截至本月已审核累计（万元）'),
  sinceStartApprovedWanYuan: z.string(),
});

export const ProjectReportYear = z.object({
  projectId: Id,
  projectName: z.string(),
  year: z.number().int(),
  isDue: z.boolean().describe('本年有年度计划且未淘汰，需按月报送'),
  plannedInvestmentWanYuan: z.string().nullable(),
  priorCompletedWanYuan: z.string().nullable(),
  totalInvestmentWanYuan: z.string().nullable(),
  months: z.array(ProjectReportMonth),
  canSubmit: z.boolean(),
});
export type ProjectReportYear = z.infer<typeof ProjectReportYear>;

export const ReviewQueueQuery = PageQuery.extend({
  year: Year.optional(),
  month: Month.optional(),
  regionCode: z.string().max(20).optional().describe('只看该区划及下级'),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>;

export const ReviewQueueItem = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  departmentName: z.string().nullable(),
  year: z.number().int(),
  month: z.number().int(),
  completedWanYuan: z.string(),
  submittedAt: z.string().nullable(),
  dueOn: z.string(),
  late: z.boolean(),
  warningCount: z.number().int(),
  version: z.number().int(),
});
export const ReviewQueuePage = z.object({ data: z.array(ReviewQueueItem), page: PageInfo });
export type ReviewQueuePage = z.infer<typeof ReviewQueuePage>;

export const StatusBoardQuery = PageQuery.extend({
  year: Year.optional().describe('年份；与月份都省略时为当前报送月份'),
  month: Month.optional().describe('月份；与年份都省略时为当前报送月份'),
  regionCode: z.string().max(20).optional().describe('区划（含下级）；默认本辖区'),
  status: z
    .enum(['absent', 'draft', 'submitted', 'returned', 'approved', 'late', 'missing'])
    .optional()
    .describe('只看某状态；late 逾期报送，missing 缺报'),
});
export type StatusBoardQuery = z.infer<typeof StatusBoardQuery>;

export const StatusBoardRow = z.object({
  projectId: Id,
  projectName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  reportId: Id.nullable(),
  status: z.enum(['absent', ...reportStatuses]).describe('absent 尚未创建月报'),
  dueOn: z.string().nullable(),
  isDueOnProvisional: z
    .boolean()
    .describe('截止日按暂定节假日计算（该年节假日尚未公布；已报送的以报送时截止日为准）'),
  late: z.boolean(),
  missing: z.boolean(),
  submittedAt: z.string().nullable(),
  completedWanYuan: z.string().nullable(),
});
export type StatusBoardRow = z.infer<typeof StatusBoardRow>;

export const StatusBoard = z.object({
  year: z.number().int(),
  month: z.number().int(),
  counts: z.object({
    due: z.number().int().describe('应报项目数'),
    absent: z.number().int(),
    draft: z.number().int(),
    submitted: z.number().int(),
    returned: z.number().int(),
    approved: z.number().int(),
    late: z.number().int().describe('逾期报送'),
    missing: z.number().int().describe('缺报'),
    onTime: z.number().int().describe('按时报送'),
  }),
  data: z.array(StatusBoardRow),
  page: PageInfo,
});
export type StatusBoard = z.infer<typeof StatusBoard>;

/** The reports module's endpoints (the server registers them, the client calls them). */
export const reportsEndpoints = {
  getCurrentReportingPeriod: endpoint({
    method: 'GET',
    path: '/api/reporting-period',
    summary: '当前报送月份（填报期内的月份，否则最近已到截止日的月份）：各页面的默认月份',
    tag: 'reports',
    query: CurrentReportingPeriodQuery,
    response: CurrentReportingPeriod,
  }),
  getPhotoEvidenceSettings: endpoint({
    method: 'GET',
    path: '/api/photo-evidence/settings',
    summary: '月报现场照片的距离阈值（本辖区或上级设置，缺省 5 公里）',
    tag: 'reports',
    query: z.object({ regionCode: z.string().max(20).optional() }).strict(),
    response: PhotoEvidenceSettingsView,
  }),
  savePhotoEvidenceSettings: endpoint({
    method: 'PUT',
    path: '/api/photo-evidence/settings',
    summary: '保存本辖区月报现场照片的距离阈值（重点办）',
    tag: 'reports',
    body: SavePhotoEvidenceSettings,
    response: PhotoEvidenceSettingsView,
  }),
  getReportingCalendar: endpoint({
    method: 'GET',
    path: '/api/reporting-calendars/:regionCode',
    summary: '区划的月报报送日历（本级、沿用上级或默认）及接下来 12 个月的期限',
    tag: 'reports',
    params: RegionCodeParams,
    response: ReportingCalendarView,
  }),
  setReportingCalendar: endpoint({
    method: 'PUT',
    path: '/api/reporting-calendars/:regionCode',
    summary: '设置本级月报报送日历',
    tag: 'reports',
    params: RegionCodeParams,
    body: SetReportingCalendar,
    response: ReportingCalendarView,
  }),
  deleteReportingCalendar: endpoint({
    method: 'DELETE',
    path: '/api/reporting-calendars/:regionCode',
    summary: '删除本级报送日历（恢复沿用上级或默认）',
    tag: 'reports',
    params: RegionCodeParams,
    query: DeleteReportingCalendar,
    response: ReportingCalendarView,
  }),
  listProjectReports: endpoint({
    method: 'GET',
    path: '/api/projects/:id/reports',
    summary: '项目某年各月月报（含本年累计、开工以来累计和流转记录）',
    tag: 'reports',
    params: IdParams,
    query: ReportYearQuery,
    response: ProjectReportYear,
  }),
  getReportForm: endpoint({
    method: 'GET',
    path: '/api/projects/:id/reports/:year/:month/form',
    summary: '月报填报表单：计划、累计、上月形象进度、填报期和已有月报',
    tag: 'reports',
    params: ReportMonthParams,
    response: ReportForm,
  }),
  saveReportDraft: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/reports/:year/:month',
    summary: '保存月报草稿（新建或修改）',
    tag: 'reports',
    params: ReportMonthParams,
    body: SaveReportDraft,
    response: MonthlyReport,
  }),
  getMonthlyReport: endpoint({
    method: 'GET',
    path: '/api/monthly-reports/:id',
    summary: '月报详情',
    tag: 'reports',
    params: IdParams,
    response: MonthlyReport,
  }),
  submitMonthReport: endpoint({
    method: 'POST',
    path: '/api/projects/:id/reports/:year/:month/submit',
    summary: '保存并报送月报（一次请求、一个事务；新建或修改）',
    tag: 'reports',
    params: ReportMonthParams,
    body: SubmitMonthReport,
    response: ReportSubmission,
  }),
  submitReport: endpoint({
    method: 'POST',
    path: '/api/monthly-reports/:id/submit',
    summary: '报送月报（运行报送校验）',
    tag: 'reports',
    params: IdParams,
    body: SubmitReport,
    response: MonthlyReport,
  }),
  returnReport: endpoint({
    method: 'POST',
    path: '/api/monthly-reports/:id/return',
    summary: '退回月报（须填写原因）',
    tag: 'reports',
    params: IdParams,
    body: ReturnReport,
    response: MonthlyReport,
  }),
  approveReport: endpoint({
    method: 'POST',
    path: '/api/monthly-reports/:id/approve',
    summary: '审核通过月报（锁定）',
    tag: 'reports',
    params: IdParams,
    body: ApproveReport,
    response: MonthlyReport,
  }),
  correctReport: endpoint({
    method: 'POST',
    path: '/api/monthly-reports/:id/correction',
    summary: '更正已通过的月报（重点办，须填写原因）',
    tag: 'reports',
    params: IdParams,
    body: CorrectReport,
    response: MonthlyReport,
  }),
  findReviewQueue: endpoint({
    method: 'GET',
    path: '/api/monthly-reports/review-queue',
    summary: '待审核月报（本辖区或本部门行业）',
    tag: 'reports',
    query: ReviewQueueQuery,
    response: ReviewQueuePage,
  }),
  getReportStatusBoard: endpoint({
    method: 'GET',
    path: '/api/monthly-reports/status-board',
    summary: '某月月报报送情况：应报、已报、逾期、缺报',
    tag: 'reports',
    query: StatusBoardQuery,
    response: StatusBoard,
  }),
} as const;
