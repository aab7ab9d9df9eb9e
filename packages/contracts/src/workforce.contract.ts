import {
  accommodationKinds,
  contractorRoles,
  originKinds,
  provinceCodes,
  workerHealthStatuses,
} from '@tuijin/domain';
import { z } from 'zod';
import { Id, PageQuery, paged, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { VersionQuery } from './funds.contract';

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

export const ContractorRole = z.enum(contractorRoles, { message: '角色应为总承包、专业分包或劳务分包' });
export const AccommodationKind = z.enum(accommodationKinds, {
  message: '住宿安置应为企业就地安置、乡村接纳或政府协调',
});
export const ProvinceCode = z.enum(provinceCodes, { message: '请选择省级行政区' });
export const WorkerHealthStatus = z.enum(workerHealthStatuses);
export type WorkerHealthStatus = z.infer<typeof WorkerHealthStatus>;
export const OriginKind = z.enum(originKinds);

/** 施工单位: name, optional 统一社会信用代码 (its check character is checked), role. */
export const SaveContractor = z
  .object({
    name: requiredText(100).describe('施工单位名称'),
    creditCode: text(18).nullable().default(null).describe('统一社会信用代码（18 位，可空）'),
    role: ContractorRole.describe('总承包、专业分包或劳务分包'),
  })
  .strict();
export type SaveContractor = z.infer<typeof SaveContractor>;
export const UpdateContractor = SaveContractor.extend({ version: Version }).strict();
export type UpdateContractor = z.infer<typeof UpdateContractor>;

const workerFields = {
  contractorId: Id.describe('施工单位'),
  name: requiredText(50).describe('姓名'),
  phone: text(20).nullable().default(null).describe('手机号码'),
  trade: text(30).nullable().default(null).describe('工种'),
  team: text(50).nullable().default(null).describe('班组'),
  originProvince: ProvinceCode.describe('来源省份'),
  originCity: text(30).nullable().default(null).describe('来源城市'),
  originCounty: text(30).nullable().default(null).describe('来源区县'),
  arrivedOn: IsoDate.describe('到岗日期'),
  departedOn: IsoDate.nullable().default(null).describe('离场日期'),
  accommodation: AccommodationKind.nullable().default(null).describe('住宿安置'),
  passNumber: text(40).nullable().default(null).describe('通行证号'),
};

/** 登记工人: the 身份证号码 is checked (GB 11643) and stored encrypted. */
export const CreateWorker = z
  .object({ ...workerFields, idNumber: requiredText(30).describe('居民身份证号码（18 位）') })
  .strict();
export type CreateWorker = z.infer<typeof CreateWorker>;

/** 修改工人: `idNumber` null keeps the stored number (a reader who sees it masked never retypes it). */
export const UpdateWorker = z
  .object({
    ...workerFields,
    idNumber: text(30).nullable().default(null).describe('新的身份证号码；空则不变'),
    version: Version,
  })
  .strict();
export type UpdateWorker = z.infer<typeof UpdateWorker>;

export const DepartWorker = z.object({ version: Version, departedOn: IsoDate.describe('离场日期') }).strict();
export type DepartWorker = z.infer<typeof DepartWorker>;

export const HealthCheck = z.object({
  checkedOn: z.string(),
  temperature: z.string(),
  hasSymptoms: z.boolean(),
  isAbnormal: z.boolean(),
  note: z.string().nullable(),
});
export type HealthCheck = z.infer<typeof HealthCheck>;

/** A worker's health under the watch on for the project (null when none is). */
export const WorkerHealth = z.object({
  status: WorkerHealthStatus,
  isClearedToWork: z.boolean(),
  /** Last day of observation when the origin is observed, else null. */
  observationEndOn: z.string().nullable(),
  latestCheck: HealthCheck.nullable(),
  checkedToday: z.boolean(),
});
export type WorkerHealth = z.infer<typeof WorkerHealth>;

/**
 * A worker as every endpoint answers it (one presenter): `idNumber` is whole only for the project's
 * owner unit (`idNumberIsMasked` false), masked (`350***********1234`) for every other reader; the
 * phone likewise.
 */
export const Worker = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  contractorId: Id,
  contractorName: z.string(),
  name: z.string(),
  idNumber: z.string(),
  idNumberIsMasked: z.boolean(),
  phone: z.string().nullable(),
  trade: z.string().nullable(),
  team: z.string().nullable(),
  originProvince: ProvinceCode,
  originCity: z.string().nullable(),
  originCounty: z.string().nullable(),
  arrivedOn: z.string(),
  departedOn: z.string().nullable(),
  isOnSite: z.boolean(),
  accommodation: AccommodationKind.nullable(),
  passNumber: z.string().nullable(),
  health: WorkerHealth.nullable(),
  canEdit: z.boolean(),
  version: z.number().int(),
});
export type Worker = z.infer<typeof Worker>;

export const Contractor = z.object({
  id: Id,
  name: z.string(),
  creditCode: z.string().nullable(),
  role: ContractorRole,
  workersOnSite: z.number().int(),
  version: z.number().int(),
});
export type Contractor = z.infer<typeof Contractor>;

/** 应急健康监测 of a jurisdiction. */
export const HealthWatch = z.object({
  id: Id,
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  originKind: OriginKind,
  originProvinces: z.array(z.string()),
  observationDays: z.number().int(),
  retentionDays: z.number().int(),
  isActive: z.boolean(),
  /** The day its health records are purged (null while it has no end). */
  purgeOn: z.string().nullable(),
  isPurged: z.boolean(),
  version: z.number().int(),
});
export type HealthWatch = z.infer<typeof HealthWatch>;

export const ProjectWorkforce = z.object({
  projectId: Id,
  asOf: z.string(),
  contractors: z.array(Contractor),
  workers: z.array(Worker),
  /** The watch on for the project's region today (nearest region up), or null: no health fields. */
  watch: HealthWatch.nullable(),
  canManage: z.boolean(),
  seesIdNumbers: z.boolean(),
});
export type ProjectWorkforce = z.infer<typeof ProjectWorkforce>;

export const SaveHealthCheck = z
  .object({
    checkedOn: IsoDate.describe('检查日期（不晚于今天）'),
    temperature: requiredText(5).describe('体温 ℃（35.0–42.0，一位小数）'),
    hasSymptoms: z.boolean().describe('有无咳嗽、乏力等症状'),
    note: text(200).nullable().default(null).describe('备注'),
  })
  .strict();
export type SaveHealthCheck = z.infer<typeof SaveHealthCheck>;

export const WorkerHealthChecks = z.object({ worker: Worker, checks: z.array(HealthCheck) });
export type WorkerHealthChecks = z.infer<typeof WorkerHealthChecks>;

const watchFields = {
  name: requiredText(50).describe('名称，如 新冠疫情防控'),
  fromOn: IsoDate.describe('开始日期'),
  toOn: IsoDate.nullable().default(null).describe('结束日期；空则直到关闭'),
  originKind: OriginKind.describe('outsideProvince 省外来（返）人员；listed 所列省份'),
  originProvinces: z.array(ProvinceCode).max(40).default([]).describe('须观察的来源省份（listed 时）'),
  observationDays: z.number().int().min(1).max(60).describe('观察天数（如 14）'),
  retentionDays: z.number().int().min(0).max(365).describe('结束后健康记录保留天数（如 30）'),
};

export const CreateHealthWatch = z
  .object({ regionCode: z.string().max(20).optional().describe('辖区，默认本人所在'), ...watchFields })
  .strict();
export type CreateHealthWatch = z.infer<typeof CreateHealthWatch>;
export const UpdateHealthWatch = z.object({ ...watchFields, version: Version }).strict();
export type UpdateHealthWatch = z.infer<typeof UpdateHealthWatch>;
export const EndHealthWatch = z
  .object({ version: Version, toOn: IsoDate.describe('最后一天（不早于开始日期）') })
  .strict();
export type EndHealthWatch = z.infer<typeof EndHealthWatch>;

/** The figures of a day: on site, arrived, departed, and (under a watch) health counts. */
export const WorkforceDayFigures = z.object({
  onSite: z.number().int(),
  arrived: z.number().int(),
  departed: z.number().int(),
  inObservation: z.number().int(),
  abnormal: z.number().int(),
  cleared: z.number().int(),
});
export type WorkforceDayFigures = z.infer<typeof WorkforceDayFigures>;

export const WorkforceOverviewQuery = z
  .object({
    regionCode: z.string().max(20).optional().describe('辖区（含下级），默认本人所在'),
    on: IsoDate.optional().describe('日期，默认今天'),
  })
  .strict();
export type WorkforceOverviewQuery = z.infer<typeof WorkforceOverviewQuery>;

export const WorkforceOverview = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  on: z.string(),
  rows: z.array(z.object({ regionCode: z.string(), regionName: z.string(), figures: WorkforceDayFigures })),
  total: WorkforceDayFigures,
  /** The watch on for the region on the date (its own or the nearest above), or null. */
  watch: HealthWatch.nullable(),
  /** The region's own watches and those above it, newest first. */
  watches: z.array(HealthWatch),
  /** Workers under observation or abnormal on the date (at most 200, masked as the reader must see them). */
  healthList: z.array(Worker),
  canManageWatch: z.boolean(),
});
export type WorkforceOverview = z.infer<typeof WorkforceOverview>;

export const WorkerSearchQuery = PageQuery.extend({
  regionCode: z.string().max(20).optional().describe('辖区（含下级）'),
  q: text(40).optional().describe('姓名、手机号、通行证号、班组或完整身份证号码'),
  presence: z.enum(['onSite', 'departed', 'all']).default('onSite').describe('在场、已离场或全部'),
}).strict();
export type WorkerSearchQuery = z.infer<typeof WorkerSearchQuery>;
export const WorkerSearchResult = paged(Worker);
export type WorkerSearchResult = z.infer<typeof WorkerSearchResult>;

export const WorkerImportProblem = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type WorkerImportProblem = z.infer<typeof WorkerImportProblem>;

export const WorkerImportResult = z.object({
  sheet: z.string(),
  dryRun: z.boolean(),
  /** Rows as the reader may see them: the ID number masked unless the reader is the owner unit. */
  rows: z.array(
    z.object({
      row: z.number().int(),
      status: z.enum(['created', 'updated', 'unchanged']),
      name: z.string(),
      idNumber: z.string(),
      contractorName: z.string(),
      arrivedOn: z.string(),
    }),
  ),
  problems: z.array(WorkerImportProblem),
  counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
});
export type WorkerImportResult = z.infer<typeof WorkerImportResult>;

export const WorkerImportRefused = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  problems: z.array(WorkerImportProblem),
});

export const WorkerExportQuery = z
  .object({ contractorId: Id.optional().describe('只导出该施工单位的工人') })
  .strict();
export type WorkerExportQuery = z.infer<typeof WorkerExportQuery>;

export const workforceEndpoints = {
  getProjectWorkforce: endpoint({
    method: 'GET',
    path: '/api/projects/:id/workforce',
    summary: '实名制用工：项目的施工单位、工人花名册与健康监测',
    tag: 'workforce',
    params: IdParams,
    response: ProjectWorkforce,
  }),
  createContractor: endpoint({
    method: 'POST',
    path: '/api/projects/:id/contractors',
    summary: '新增施工单位（项目业主单位或重点办）',
    tag: 'workforce',
    params: IdParams,
    body: SaveContractor,
    response: ProjectWorkforce,
  }),
  updateContractor: endpoint({
    method: 'PATCH',
    path: '/api/contractors/:id',
    summary: '修改施工单位',
    tag: 'workforce',
    params: IdParams,
    body: UpdateContractor,
    response: ProjectWorkforce,
  }),
  removeContractor: endpoint({
    method: 'DELETE',
    path: '/api/contractors/:id',
    summary: '删除施工单位（须无在册工人）',
    tag: 'workforce',
    params: IdParams,
    query: VersionQuery,
    response: ProjectWorkforce,
  }),
  createWorker: endpoint({
    method: 'POST',
    path: '/api/projects/:id/workers',
    summary: '登记工人（一人一档）',
    tag: 'workforce',
    params: IdParams,
    body: CreateWorker,
    response: Worker,
  }),
  getWorker: endpoint({
    method: 'GET',
    path: '/api/workers/:id',
    summary: '工人档案与每日健康检查',
    tag: 'workforce',
    params: IdParams,
    response: WorkerHealthChecks,
  }),
  updateWorker: endpoint({
    method: 'PATCH',
    path: '/api/workers/:id',
    summary: '修改工人信息',
    tag: 'workforce',
    params: IdParams,
    body: UpdateWorker,
    response: Worker,
  }),
  departWorker: endpoint({
    method: 'POST',
    path: '/api/workers/:id/departure',
    summary: '工人离场',
    tag: 'workforce',
    params: IdParams,
    body: DepartWorker,
    response: Worker,
  }),
  removeWorker: endpoint({
    method: 'DELETE',
    path: '/api/workers/:id',
    summary: '删除工人（误登记）',
    tag: 'workforce',
    params: IdParams,
    query: VersionQuery,
    response: z.object({ ok: z.literal(true) }),
  }),
  saveHealthCheck: endpoint({
    method: 'POST',
    path: '/api/workers/:id/health-checks',
    summary: '登记每日健康检查（同一天再登记即更新；仅在健康监测开启时）',
    tag: 'workforce',
    params: IdParams,
    body: SaveHealthCheck,
    response: WorkerHealthChecks,
  }),
  searchWorkers: endpoint({
    method: 'GET',
    path: '/api/workforce/workers',
    summary: '跨项目查找工人（辖区内；身份证号码按角色脱敏）',
    tag: 'workforce',
    query: WorkerSearchQuery,
    response: WorkerSearchResult,
  }),
  workforceOverview: endpoint({
    method: 'GET',
    path: '/api/workforce/overview',
    summary: '用工情况：各下级辖区在场、当日到岗/离场、观察中、异常、可上岗人数，健康监测',
    tag: 'workforce',
    query: WorkforceOverviewQuery,
    response: WorkforceOverview,
  }),
  createHealthWatch: endpoint({
    method: 'POST',
    path: '/api/health-watches',
    summary: '开启应急健康监测（重点办）',
    tag: 'workforce',
    body: CreateHealthWatch,
    response: HealthWatch,
  }),
  updateHealthWatch: endpoint({
    method: 'PATCH',
    path: '/api/health-watches/:id',
    summary: '修改健康监测规则',
    tag: 'workforce',
    params: IdParams,
    body: UpdateHealthWatch,
    response: HealthWatch,
  }),
  endHealthWatch: endpoint({
    method: 'POST',
    path: '/api/health-watches/:id/end',
    summary: '关闭健康监测（最后一天）',
    tag: 'workforce',
    params: IdParams,
    body: EndHealthWatch,
    response: HealthWatch,
  }),
} as const;
