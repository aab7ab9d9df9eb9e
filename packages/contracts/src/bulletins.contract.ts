import { bulletinKinds, bulletinSectionKeys } from '@tuijin/domain';
import { z } from 'zod';
import { Id, Timestamp, text, Version } from './common';
import { endpoint } from './endpoint';

export const BulletinKind = z.enum(bulletinKinds);
export type BulletinKind = z.infer<typeof BulletinKind>;
export const BulletinSectionKey = z.enum(bulletinSectionKeys);
export type BulletinSectionKey = z.infer<typeof BulletinSectionKey>;
export const BulletinStatus = z.enum(['draft', 'reviewed', 'issued']);
export type BulletinStatus = z.infer<typeof BulletinStatus>;
export const BulletinFormat = z.enum(['docx', 'pdf', 'xlsx']);
export type BulletinFormat = z.infer<typeof BulletinFormat>;

export const BulletinSection = z.object({
  key: BulletinSectionKey,
  title: text(40).pipe(z.string().min(1, { message: '请填写本节标题' })),
  enabled: z.boolean(),
  lead: text(1000).describe('导语，可用占位符，如 {完成投资}'),
});

/** 通报模板: the office's wording of a kind of bulletin (see `@tuijin/domain` bulletin-template). */
export const BulletinTemplate = z
  .object({
    kind: BulletinKind,
    title: text(120).describe('标题，可用 {地区}{期间}'),
    numberPrefix: text(30).describe('文号前缀，如 宁重点办通报'),
    issuer: text(60).describe('发文机关'),
    addressee: text(200).describe('主送'),
    sections: z.array(BulletinSection).min(1).max(bulletinSectionKeys.length),
    closing: text(2000).describe('结尾要求'),
    signoffRole: z.enum(['office', 'leader']).describe('审核：office 本办负责人，leader 分管领导'),
  })
  .strict();
export type BulletinTemplate = z.infer<typeof BulletinTemplate>;

export const BulletinTemplateView = z.object({
  regionCode: z.string(),
  template: BulletinTemplate,
  isDefault: z.boolean().describe('本级尚未编写模板，使用内置模板'),
  version: z.number().int().nullable(),
  placeholders: z.array(z.string()).describe('导语可用的占位符'),
});
export type BulletinTemplateView = z.infer<typeof BulletinTemplateView>;

export const SaveBulletinTemplate = z
  .object({ template: BulletinTemplate, version: Version.nullable().default(null) })
  .strict();
export type SaveBulletinTemplate = z.infer<typeof SaveBulletinTemplate>;

/** Where a figure came from: its formula (i18n `cockpit.formula.<key>` or `bulletins.formula.<key>`) and the page with the records behind it. */
export const BulletinProvenance = z.object({
  formula: z.string(),
  href: z.string().describe('站内链接：打开公式及其背后的记录'),
});
export type BulletinProvenance = z.infer<typeof BulletinProvenance>;

/** One headline figure with its 同比 (same period last year) where last year's data exists. */
export const BulletinFigure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string().nullable(),
  unit: z.enum(['万元', '%', '个', '百分点', '项', '次']).nullable(),
  lastYear: z.string().nullable().describe('去年同期；无数据为 null'),
  yearOnYear: z.string().nullable().describe('同比：金额为增减百分比，比率为增减百分点；无去年数据为 null'),
  provenance: BulletinProvenance,
});
export type BulletinFigure = z.infer<typeof BulletinFigure>;

export const BulletinRegionRow = z.object({
  code: z.string(),
  name: z.string(),
  projectCount: z.number().int(),
  plannedInvestment: z.string(),
  completedYtd: z.string(),
  completionRate: z.string().nullable(),
  progressGap: z.string().nullable(),
  startRate: z.string().nullable(),
  rank: z.number().int().nullable(),
  provenance: BulletinProvenance,
});
export type BulletinRegionRow = z.infer<typeof BulletinRegionRow>;

export const BulletinProjectLine = z.object({
  id: Id,
  name: z.string(),
  regionName: z.string(),
  ownerName: z.string(),
  detail: z.string().describe('原因或进度，如 完成率 32.0%，低于序时进度 51.3 个百分点'),
  href: z.string(),
});
export type BulletinProjectLine = z.infer<typeof BulletinProjectLine>;

/** An overdue problem, task or approval item as the bulletin lists it. */
export const BulletinOverdueLine = z.object({
  id: Id,
  reference: z.string().describe('编号：问题编号、交办事项编号或手续名称'),
  title: z.string(),
  projectName: z.string().nullable(),
  responsible: z.string(),
  dueOn: z.string().nullable(),
  daysOverdue: z.number().int(),
  href: z.string(),
});
export type BulletinOverdueLine = z.infer<typeof BulletinOverdueLine>;

export const BulletinRankLine = z.object({
  rank: z.number().int(),
  name: z.string(),
  score: z.string().nullable(),
});

/** 现场用工与督查 of one region on a day: the roster's, the health watch's and the inspections' figures. */
export const BulletinSiteDayRow = z.object({
  code: z.string(),
  name: z.string(),
  workersOnSite: z.number().int().describe('在岗人数：当日已到岗且未离岗'),
  workersArrived: z.number().int().describe('当日到岗'),
  workersDeparted: z.number().int().describe('当日离岗'),
  inObservation: z.number().int().describe('健康观察中（未开启健康观察为 0）'),
  healthAbnormal: z.number().int().describe('健康异常'),
  inspections: z.number().int().describe('当日督查次数'),
  sitesInspected: z.number().int().describe('当日督查覆盖项目数'),
  findingsRaised: z.number().int().describe('当日发现问题'),
  findingsClosed: z.number().int().describe('当日整改销号'),
  findingsOpen: z.number().int().describe('当日末待整改'),
  findingsOverdue: z.number().int().describe('其中超过整改期限'),
  projectsStopped: z.number().int().describe('当日停工项目'),
  workforceHref: z.string().describe('用工记录：该地区当日花名册与健康观察'),
  inspectionsHref: z.string().describe('督查记录：该地区当日督查与问题'),
  stoppagesHref: z.string().describe('停工记录：复工复产'),
});
export type BulletinSiteDayRow = z.infer<typeof BulletinSiteDayRow>;

export const BulletinSiteDay = z.object({
  onDate: z.string().describe('数据日期：日通报为当日，周、月通报为期末'),
  rows: z.array(BulletinSiteDayRow).describe('下一级各地区（含本级直属）'),
  total: BulletinSiteDayRow,
});
export type BulletinSiteDay = z.infer<typeof BulletinSiteDay>;

/** Every figure and table of a bulletin, as taken at one moment; an issued bulletin's never changes. */
export const BulletinSnapshot = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  kind: BulletinKind,
  period: z.string(),
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  figureMonth: z.string().describe('投资数据所属月份 YYYY-MM'),
  figureMonthLabel: z.string().describe('如 1—10月'),
  takenAt: Timestamp,
  headline: z.array(BulletinFigure),
  regions: z.array(BulletinRegionRow),
  redBlack: z
    .object({
      quarter: z.string(),
      red: z.array(BulletinRankLine),
      black: z.array(BulletinRankLine),
      href: z.string(),
    })
    .nullable(),
  warnings: z.object({ red: z.array(BulletinProjectLine), yellow: z.array(BulletinProjectLine) }),
  snails: z.array(BulletinProjectLine),
  overdueProblems: z.array(BulletinOverdueLine),
  overdueTasks: z.array(BulletinOverdueLine),
  overdueApprovals: z.array(BulletinOverdueLine),
  activity: z.object({
    problemsRaised: z.number().int(),
    problemsSolved: z.number().int(),
    tasksDone: z.number().int(),
    visits: z.number().int(),
    projectsStarted: z.number().int(),
  }),
  /** 现场用工与督查 (absent from snapshots taken before it existed). */
  siteDay: BulletinSiteDay.optional(),
  /** 停工项目 on the period's last day (absent from snapshots taken before it existed). */
  stoppedProjects: z.array(BulletinProjectLine).optional(),
  /** The placeholder values the lead sentences are filled from. */
  values: z.record(z.string(), z.string()),
});
export type BulletinSnapshot = z.infer<typeof BulletinSnapshot>;

/** A section as it reads: its number, title, filled lead sentence. */
export const BulletinRenderedSection = z.object({
  key: BulletinSectionKey,
  heading: z.string().describe('如 一、总体情况'),
  lead: z.string(),
});

export const BulletinSummary = z.object({
  id: Id,
  regionCode: z.string(),
  regionName: z.string(),
  kind: BulletinKind,
  period: z.string(),
  title: z.string(),
  status: BulletinStatus,
  serial: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuedByName: z.string().nullable(),
  generatedAt: Timestamp,
  isReceived: z.boolean().describe('上级发来的通报（收文）'),
  readAt: Timestamp.nullable().describe('本单位首次阅读时间（收文）'),
  publicSections: z.array(BulletinSectionKey).nullable(),
});
export type BulletinSummary = z.infer<typeof BulletinSummary>;

export const Bulletin = BulletinSummary.extend({
  template: BulletinTemplate,
  snapshot: BulletinSnapshot,
  sections: z.array(BulletinRenderedSection).describe('启用的各节，按模板顺序'),
  closing: z.string(),
  reviewedByName: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  issuedAt: Timestamp.nullable(),
  files: z.array(z.object({ format: BulletinFormat, sizeBytes: z.number().int(), sha256: z.string() })),
  receipts: z.array(z.object({ organisationName: z.string(), readByName: z.string(), readAt: Timestamp })),
  version: z.number().int(),
  canEdit: z.boolean().describe('可刷新数据、审核、签发'),
  canReview: z.boolean(),
  canIssue: z.boolean(),
});
export type Bulletin = z.infer<typeof Bulletin>;

export const BulletinListQuery = z.object({
  kind: BulletinKind.optional(),
  status: BulletinStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().max(60).optional().describe('搜索标题、文号'),
});
export type BulletinListQuery = z.infer<typeof BulletinListQuery>;

export const CreateBulletin = z
  .object({
    kind: BulletinKind,
    period: z.string().max(10).describe('月 2026-10、周 2026-W45、日 2026-12-04'),
  })
  .strict();
export type CreateBulletin = z.infer<typeof CreateBulletin>;

export const BulletinMove = z.object({ version: Version }).strict();
export const PublishBulletin = z
  .object({ version: Version, publicSections: z.array(BulletinSectionKey).nullable() })
  .strict();
export type PublishBulletin = z.infer<typeof PublishBulletin>;

/** 一日一通报 on a timer (see `@tuijin/domain` daily-bulletin). */
export const DailyBulletinSettingsView = z.object({
  regionCode: z.string(),
  enabled: z.boolean(),
  at: z.string().describe('每个工作日生成的时间 HH:MM（北京时间）'),
  autoIssue: z.boolean().describe('生成后自动签发（否则留作草稿待审核签发）'),
  version: z.number().int().describe('设置的版本（未保存过为 0）'),
  canManage: z.boolean(),
});
export type DailyBulletinSettingsView = z.infer<typeof DailyBulletinSettingsView>;

export const SaveDailyBulletinSettings = z
  .object({
    enabled: z.boolean(),
    at: z.string().max(5),
    autoIssue: z.boolean(),
    version: z.number().int().min(0),
  })
  .strict();
export type SaveDailyBulletinSettings = z.infer<typeof SaveDailyBulletinSettings>;

const KindParams = z.object({ kind: BulletinKind });
const IdParams = z.object({ id: Id });

export const bulletinEndpoints = {
  getBulletinTemplate: endpoint({
    method: 'GET',
    path: '/api/bulletin-templates/:kind',
    summary: '本级通报模板（未编写时为内置模板）',
    tag: 'bulletins',
    params: KindParams,
    response: BulletinTemplateView,
  }),
  saveBulletinTemplate: endpoint({
    method: 'PUT',
    path: '/api/bulletin-templates/:kind',
    summary: '保存本级通报模板（重点办）',
    tag: 'bulletins',
    params: KindParams,
    body: SaveBulletinTemplate,
    response: BulletinTemplateView,
  }),
  getDailyBulletinSettings: endpoint({
    method: 'GET',
    path: '/api/bulletins/daily-settings',
    summary: '本级一日一通报的定时设置',
    tag: 'bulletins',
    response: DailyBulletinSettingsView,
  }),
  saveDailyBulletinSettings: endpoint({
    method: 'PUT',
    path: '/api/bulletins/daily-settings',
    summary: '保存本级一日一通报的定时设置（重点办）',
    tag: 'bulletins',
    body: SaveDailyBulletinSettings,
    response: DailyBulletinSettingsView,
  }),
  listBulletins: endpoint({
    method: 'GET',
    path: '/api/bulletins',
    summary: '通报：本级编写的与上级发来的（已签发）',
    tag: 'bulletins',
    query: BulletinListQuery,
    response: z.object({ data: z.array(BulletinSummary) }),
  }),
  createBulletin: endpoint({
    method: 'POST',
    path: '/api/bulletins',
    summary: '按模板和数据生成通报草稿',
    tag: 'bulletins',
    body: CreateBulletin,
    response: Bulletin,
  }),
  getBulletin: endpoint({
    method: 'GET',
    path: '/api/bulletins/:id',
    summary: '通报全文与数据（收文单位打开即记为已阅）',
    tag: 'bulletins',
    params: IdParams,
    response: Bulletin,
  }),
  refreshBulletin: endpoint({
    method: 'POST',
    path: '/api/bulletins/:id/refresh',
    summary: '按最新数据和模板重新生成（草稿或已审核；已审核退回草稿）',
    tag: 'bulletins',
    params: IdParams,
    body: BulletinMove,
    response: Bulletin,
  }),
  reviewBulletin: endpoint({
    method: 'POST',
    path: '/api/bulletins/:id/review',
    summary: '审核通报（模板指定的审核角色）',
    tag: 'bulletins',
    params: IdParams,
    body: BulletinMove,
    response: Bulletin,
  }),
  issueBulletin: endpoint({
    method: 'POST',
    path: '/api/bulletins/:id/issue',
    summary: '签发：编号、冻结数据、生成并保存文件，下级收文',
    tag: 'bulletins',
    params: IdParams,
    body: BulletinMove,
    response: Bulletin,
  }),
  publishBulletin: endpoint({
    method: 'POST',
    path: '/api/bulletins/:id/publication',
    summary: '在公开大屏晾晒已签发通报的哪些部分（null 为撤下）',
    tag: 'bulletins',
    params: IdParams,
    body: PublishBulletin,
    response: Bulletin,
  }),
  deleteBulletin: endpoint({
    method: 'DELETE',
    path: '/api/bulletins/:id',
    summary: '删除未签发的通报草稿',
    tag: 'bulletins',
    params: IdParams,
    response: z.object({ ok: z.literal(true) }),
  }),
};
