import {
  projectLevels,
  stoppageReasons,
  stoppageStatuses,
  whitelistCriteria,
  whitelistGuarantees,
  whitelistLevels,
} from '@tuijin/domain';
import { z } from 'zod';
import { Id, Ok, QueryBoolean, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

export const StoppageStatus = z.enum(stoppageStatuses);
export const StoppageReason = z.enum(stoppageReasons);
export const WhitelistLevel = z.enum(whitelistLevels);
export type WhitelistLevel = z.infer<typeof WhitelistLevel>;
export const WhitelistCriterion = z.enum(whitelistCriteria, { message: '不是可选的入选条件' });
export const WhitelistGuarantee = z.enum(whitelistGuarantees, { message: '不是可选的保障内容' });

/* ---------- zones ---------- */

const zoneFields = {
  name: requiredText(50).describe('分区名称，如 加速推进区'),
  goal: requiredText(50).default('全面复工').describe('目标，如 全面复工'),
  targetOn: IsoDate.describe('目标日期'),
  regionCodes: z.array(text(20)).max(50).describe('成员区划（本级的下级区划）'),
  sortOrder: z.number().int().min(0).max(999).default(0),
};
export const CreateZone = z.object(zoneFields).strict();
export type CreateZone = z.infer<typeof CreateZone>;
export const UpdateZone = z.object({ ...zoneFields, version: Version }).strict();
export type UpdateZone = z.infer<typeof UpdateZone>;
export const DeleteZoneQuery = z.object({ version: z.coerce.number().int().min(0) }).strict();

export const Zone = z.object({
  id: Id,
  regionCode: z.string(),
  name: z.string(),
  goal: z.string(),
  targetOn: z.string(),
  sortOrder: z.number().int(),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
  version: z.number().int(),
});
export type Zone = z.infer<typeof Zone>;

export const ZoneList = z.object({
  data: z.array(Zone),
  canManage: z.boolean(),
  /** The regions a zone of this jurisdiction may hold (its direct children). */
  childRegions: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type ZoneList = z.infer<typeof ZoneList>;

/* ---------- 复工率 ---------- */

export const ResumptionCount = z.object({
  due: z.number().int().describe('应复工：在建且期内停工的项目数'),
  resumed: z.number().int().describe('已复工：最近一次停工已复工（需验收的已验收）的项目数'),
  ratePercent: z.string().nullable().describe('复工率 %（一位小数）；应复工为 0 时为空'),
});
export type ResumptionCount = z.infer<typeof ResumptionCount>;

export const ZoneProgress = z.object({
  id: Id,
  name: z.string(),
  goal: z.string(),
  targetOn: z.string(),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
  onTarget: ResumptionCount.describe('目标日期当天的复工情况'),
  onDate: ResumptionCount.describe('统计日期的复工情况'),
  progress: z.enum(['met', 'notMet', 'open']).describe('met 按期完成，notMet 未按期完成，open 未到期'),
});
export type ZoneProgress = z.infer<typeof ZoneProgress>;

export const StoppedProject = z.object({
  projectId: Id,
  projectName: z.string(),
  regionName: z.string(),
  stoppageId: Id,
  stoppedOn: z.string(),
  reasonCategory: StoppageReason,
  reason: z.string().nullable(),
  expectedResumeOn: z.string().nullable(),
  status: StoppageStatus,
  resumedOn: z.string().nullable(),
  whitelisted: z.boolean(),
});
export type StoppedProject = z.infer<typeof StoppedProject>;

export const ResumptionQuery = z
  .object({
    date: IsoDate.optional().describe('统计日期，默认今天'),
    from: IsoDate.optional().describe('停工统计起始日期，默认统计日期所在年 1 月 1 日'),
  })
  .strict();
export type ResumptionQuery = z.infer<typeof ResumptionQuery>;

export const ResumptionOverview = z.object({
  date: z.string(),
  from: z.string(),
  regionCode: z.string(),
  total: ResumptionCount,
  zones: z.array(ZoneProgress),
  byRegion: z.array(z.object({ code: z.string(), name: z.string(), count: ResumptionCount })),
  byLevel: z.array(z.object({ level: z.enum(projectLevels), count: ResumptionCount })),
  /** Projects not resumed on the date (stopped or awaiting acceptance), oldest stoppage first. */
  stopped: z.array(StoppedProject),
  settings: z.object({
    acceptanceRequired: z.boolean(),
    inspectionGroup: z.string().nullable(),
    version: z.number().int(),
    canManage: z.boolean(),
  }),
  canManageZones: z.boolean(),
});
export type ResumptionOverview = z.infer<typeof ResumptionOverview>;

export const SaveResumptionSettings = z
  .object({
    acceptanceRequired: z.boolean().describe('复工前须经检查组验收'),
    inspectionGroup: text(200).nullable().default(null).describe('默认检查组'),
    version: Version,
  })
  .strict();
export type SaveResumptionSettings = z.infer<typeof SaveResumptionSettings>;

/* ---------- stoppages ---------- */

export const RecordStoppage = z
  .object({
    stoppedOn: IsoDate.describe('停工日期'),
    reasonCategory: StoppageReason.describe('停工原因类别'),
    reason: text(500).nullable().default(null).describe('停工原因说明'),
    expectedResumeOn: IsoDate.nullable().default(null).describe('预计复工日期'),
  })
  .strict();
export type RecordStoppage = z.infer<typeof RecordStoppage>;

export const ResumeStoppage = z
  .object({ version: Version, resumedOn: IsoDate.describe('复工日期') })
  .strict();
export type ResumeStoppage = z.infer<typeof ResumeStoppage>;
export const AcceptStoppage = z
  .object({
    version: Version,
    acceptedOn: IsoDate.describe('验收合格日期'),
    inspectionGroup: requiredText(200).describe('验收检查组'),
  })
  .strict();
export type AcceptStoppage = z.infer<typeof AcceptStoppage>;
export const FileStoppage = z.object({ version: Version, filedOn: IsoDate.describe('备案日期') }).strict();
export type FileStoppage = z.infer<typeof FileStoppage>;

export const Stoppage = z.object({
  id: Id,
  projectId: Id,
  stoppedOn: z.string(),
  reasonCategory: StoppageReason,
  reason: z.string().nullable(),
  expectedResumeOn: z.string().nullable(),
  resumedOn: z.string().nullable(),
  inspectionRequired: z.boolean(),
  inspectionGroup: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  filedOn: z.string().nullable(),
  status: StoppageStatus,
  recordedByName: z.string(),
  version: z.number().int(),
  canResume: z.boolean(),
  canAccept: z.boolean(),
  canFile: z.boolean(),
});
export type Stoppage = z.infer<typeof Stoppage>;

/* ---------- whitelist ---------- */

export const WhitelistEntry = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  projectRegionName: z.string(),
  level: WhitelistLevel,
  regionCode: z.string(),
  regionName: z.string(),
  includedOn: z.string(),
  criteria: z.array(WhitelistCriterion),
  reason: z.string(),
  guarantees: z.array(WhitelistGuarantee),
  removedOn: z.string().nullable(),
  removalReason: z.string().nullable(),
  createdByName: z.string(),
  version: z.number().int(),
  canRemove: z.boolean(),
});
export type WhitelistEntry = z.infer<typeof WhitelistEntry>;

export const ProjectResumption = z.object({
  data: z.array(Stoppage),
  canRecord: z.boolean(),
  acceptanceRequired: z.boolean(),
  defaultInspectionGroup: z.string().nullable(),
  whitelist: z.array(WhitelistEntry).describe('项目所在白名单（含已移出）'),
});
export type ProjectResumption = z.infer<typeof ProjectResumption>;

export const IncludeInWhitelist = z
  .object({
    projectId: Id,
    level: WhitelistLevel.describe('provincial 省级，city 市级，county 县级'),
    includedOn: IsoDate.describe('纳入日期'),
    criteria: z.array(WhitelistCriterion).max(10).describe('入选条件'),
    reason: requiredText(500).describe('纳入理由'),
    guarantees: z.array(WhitelistGuarantee).max(10).default([]).describe('保障内容'),
  })
  .strict();
export type IncludeInWhitelist = z.infer<typeof IncludeInWhitelist>;

export const RemoveFromWhitelist = z
  .object({ version: Version, removedOn: IsoDate.describe('移出日期'), reason: requiredText(500) })
  .strict();
export type RemoveFromWhitelist = z.infer<typeof RemoveFromWhitelist>;

export const WhitelistQuery = z
  .object({
    level: WhitelistLevel.optional(),
    removed: QueryBoolean.optional().describe('true 只看已移出，false 只看在列；不填为全部'),
    q: text(50).optional().describe('项目名称（包含）'),
  })
  .strict();
export type WhitelistQuery = z.infer<typeof WhitelistQuery>;

export const WhitelistList = z.object({
  data: z.array(WhitelistEntry),
  counts: z.object({
    provincial: z.number().int(),
    city: z.number().int(),
    county: z.number().int(),
    removed: z.number().int(),
    projects: z.number().int().describe('在列项目数（去重）'),
  }),
  canManage: z.boolean(),
});
export type WhitelistList = z.infer<typeof WhitelistList>;

export const resumptionEndpoints = {
  listZones: endpoint({
    method: 'GET',
    path: '/api/zones',
    summary: '本级的推进分区（分区、目标、目标日期、成员区划）',
    tag: 'resumption',
    response: ZoneList,
  }),
  createZone: endpoint({
    method: 'POST',
    path: '/api/zones',
    summary: '新建推进分区（成员为本级的下级区划，同一目标下一个区划只属一个分区）',
    tag: 'resumption',
    body: CreateZone,
    response: Zone,
  }),
  updateZone: endpoint({
    method: 'PUT',
    path: '/api/zones/:id',
    summary: '修改推进分区',
    tag: 'resumption',
    params: IdParams,
    body: UpdateZone,
    response: Zone,
  }),
  deleteZone: endpoint({
    method: 'DELETE',
    path: '/api/zones/:id',
    summary: '删除推进分区',
    tag: 'resumption',
    params: IdParams,
    query: DeleteZoneQuery,
    response: Ok,
  }),
  resumptionOverview: endpoint({
    method: 'GET',
    path: '/api/resumption',
    summary: '复工复产：分区进度、分区划与分级别复工率、未复工项目',
    tag: 'resumption',
    query: ResumptionQuery,
    response: ResumptionOverview,
  }),
  saveResumptionSettings: endpoint({
    method: 'PUT',
    path: '/api/resumption/settings',
    summary: '设置本级复工是否须经检查组验收',
    tag: 'resumption',
    body: SaveResumptionSettings,
    response: Ok,
  }),
  projectResumption: endpoint({
    method: 'GET',
    path: '/api/projects/:id/stoppages',
    summary: '项目的停工、复工记录与白名单情况',
    tag: 'resumption',
    params: IdParams,
    response: ProjectResumption,
  }),
  recordStoppage: endpoint({
    method: 'POST',
    path: '/api/projects/:id/stoppages',
    summary: '登记项目停工',
    tag: 'resumption',
    params: IdParams,
    body: RecordStoppage,
    response: Stoppage,
  }),
  resumeStoppage: endpoint({
    method: 'POST',
    path: '/api/stoppages/:id/resume',
    summary: '登记复工（须验收的转为待验收）',
    tag: 'resumption',
    params: IdParams,
    body: ResumeStoppage,
    response: Stoppage,
  }),
  acceptStoppage: endpoint({
    method: 'POST',
    path: '/api/stoppages/:id/accept',
    summary: '登记检查组验收合格（重点办）',
    tag: 'resumption',
    params: IdParams,
    body: AcceptStoppage,
    response: Stoppage,
  }),
  fileStoppage: endpoint({
    method: 'POST',
    path: '/api/stoppages/:id/file',
    summary: '登记停工备案（重点办）',
    tag: 'resumption',
    params: IdParams,
    body: FileStoppage,
    response: Stoppage,
  }),
  listWhitelist: endpoint({
    method: 'GET',
    path: '/api/whitelist',
    summary: '本级可见的白名单项目（分级别，含移出）与数量',
    tag: 'resumption',
    query: WhitelistQuery,
    response: WhitelistList,
  }),
  includeInWhitelist: endpoint({
    method: 'POST',
    path: '/api/whitelist',
    summary: '将项目纳入本级白名单',
    tag: 'resumption',
    body: IncludeInWhitelist,
    response: WhitelistEntry,
  }),
  removeFromWhitelist: endpoint({
    method: 'POST',
    path: '/api/whitelist/:id/remove',
    summary: '将项目移出白名单（须填原因）',
    tag: 'resumption',
    params: IdParams,
    body: RemoveFromWhitelist,
    response: WhitelistEntry,
  }),
} as const;
