import {
  constructionTypes,
  dictionaryKinds,
  projectLevels,
  projectStages,
  sizeFilterKeys,
  whitelistLevels,
} from '@tuijin/domain';
import { z } from 'zod';
import { AuditEvent } from './audit.contract';
import { Id, Ok, PageInfo, PageQuery, QueryBoolean, requiredText, text, Version } from './common';
import { endpoint, FileParams, IdParams } from './endpoint';
import { WanYuan } from './money';
import { Sector } from './organisations.contract';

export const ProjectStage = z.enum(projectStages);
export const ProjectLevel = z.enum(projectLevels);
export const ConstructionType = z.enum(constructionTypes);
export const DictionaryKind = z.enum(dictionaryKinds);

const year = z.number().int().min(2000).max(2100);
const month = z.number().int().min(1).max(12);

/** Every field a person edits on a project (the create form; the update form adds `version`). */
const projectFields = {
  code: text(30)
    .nullable()
    .default(null)
    .describe('投资项目统一代码，如 2020-350902-47-01-012345；谋划阶段可暂缺'),
  name: requiredText(200).describe('项目名称'),
  ownerOrganisationId: Id.describe('项目业主（建设单位）'),
  regionCode: requiredText(20).describe('所在区划（含开发区）'),
  address: text(200).nullable().default(null).describe('建设地点'),
  longitude: z.number().min(73).max(136).nullable().default(null).describe('经度（GCJ-02/WGS-84，度）'),
  latitude: z.number().min(3).max(54).nullable().default(null).describe('纬度（度）'),
  levels: z.array(ProjectLevel).min(1, { message: '至少选择一个级别' }).describe('项目级别，可多选'),
  domain: requiredText(30).describe('领域（字典）'),
  industry: text(30).nullable().default(null).describe('产业/行业（字典）'),
  sector: Sector.nullable().default(null).describe('行业主管领域，决定哪个行业部门可见'),
  scaleContent: text(2000).nullable().default(null).describe('建设规模及主要建设内容'),
  totalInvestmentWanYuan: WanYuan.describe('总投资（万元）'),
  startYear: year.describe('计划开工年份'),
  startMonth: month.nullable().default(null).describe('计划开工月份'),
  endYear: year.describe('计划竣工年份'),
  endMonth: month.nullable().default(null).describe('计划竣工月份'),
  constructionType: ConstructionType.describe('新建 new / 续建 continuing'),
  fundingSources: z.array(text(30)).default([]).describe('资金来源（字典）'),
  tags: z.array(text(30)).default([]).describe('标签（字典）：白名单、专项债、中央预算内、招商引资…'),
  projectClass: text(30)
    .nullable()
    .default(null)
    .describe('项目分类（字典）：产业链类、基础设施类、急需民生类…'),
  leaderUserId: Id.nullable().default(null).describe('挂钩领导（账号）'),
  responsibleDepartmentId: Id.nullable().default(null).describe('责任部门'),
  serviceOfficerUserId: Id.nullable().default(null).describe('首席服务官（账号）'),
  workingTeam: text(500).nullable().default(null).describe('工作专班'),
  contactPerson: text(50).nullable().default(null).describe('业主联系人'),
  contactPhone: text(30).nullable().default(null).describe('联系电话'),
};

export const CreateProject = z
  .object({ ...projectFields, stage: ProjectStage.default('conceived').describe('入库时的阶段') })
  .strict();
export type CreateProject = z.infer<typeof CreateProject>;

export const UpdateProject = z.object({ ...projectFields, version: Version }).strict();
export type UpdateProject = z.infer<typeof UpdateProject>;

const person = z.object({ id: Id, displayName: z.string() }).nullable();
const organisationRef = z.object({ id: Id, name: z.string() }).nullable();

/** One row of the project list. */
export const ProjectListItem = z.object({
  id: Id,
  code: z.string().nullable(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  ownerName: z.string(),
  stage: ProjectStage,
  levels: z.array(ProjectLevel),
  domain: z.string(),
  industry: z.string().nullable(),
  constructionType: ConstructionType,
  totalInvestmentWanYuan: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  tags: z.array(z.string()),
  projectClass: z.string().nullable(),
  leaderName: z.string().nullable(),
  departmentName: z.string().nullable(),
  batchNames: z.array(z.string()),
  ytdCompletedWanYuan: z
    .string()
    .nullable()
    .describe('本年累计完成投资（万元，已审核月报；无本年计划与月报时为 null）'),
  ytdRatePercent: z
    .string()
    .nullable()
    .describe('本年累计完成率（%，一位小数）= 本年累计完成 ÷ 年度计划投资；无计划时为 null'),
});
export type ProjectListItem = z.infer<typeof ProjectListItem>;

export const ProjectSortField = z.enum([
  'name',
  'code',
  'regionCode',
  'stage',
  'totalInvestmentWanYuan',
  'startYear',
  'updatedAt',
  'ytdRate',
]);

export const ProjectQuery = PageQuery.extend({
  q: text(50).optional().describe('名称、代码、业主，或名称拼音首字母（如 sdxny）'),
  region: text(20).optional().describe('区划代码（含下级）'),
  level: ProjectLevel.optional(),
  stage: ProjectStage.optional(),
  domain: text(30).optional(),
  industry: text(30).optional(),
  tag: text(30).optional(),
  projectClass: text(30).optional().describe('项目分类（字典）'),
  batch: Id.optional().describe('批次编号'),
  whitelisted: QueryBoolean.optional().describe('true 只看在白名单中的项目，false 只看不在的'),
  leader: Id.optional().describe('挂钩领导账号编号'),
  department: Id.optional().describe('责任部门编号'),
  constructionType: ConstructionType.optional(),
  minInvestment: WanYuan.optional().describe('总投资下限（万元）'),
  maxInvestment: WanYuan.optional().describe('总投资上限（万元）'),
  size: z
    .enum(sizeFilterKeys)
    .optional()
    .describe(
      '投资规模（总投资）：lt5000、5000to10000、10000to100000、ge100000、ge5000 5000 万元以上、ge10000 亿元以上',
    ),
  sort: ProjectSortField.default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ProjectQuery = z.infer<typeof ProjectQuery>;

export const ProjectPage = z.object({
  data: z.array(ProjectListItem),
  page: PageInfo,
  totals: z
    .object({ count: z.number().int(), totalInvestmentWanYuan: z.string() })
    .describe('当前筛选条件下全部项目的合计'),
});

/** One project with everything the overview and responsibilities tabs show, and what the reader may do. */
export const Project = ProjectListItem.extend({
  ownerOrganisationId: Id,
  address: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  sector: z.string().nullable(),
  scaleContent: z.string().nullable(),
  startMonth: z.number().int().nullable(),
  endMonth: z.number().int().nullable(),
  fundingSources: z.array(z.string()),
  leader: person,
  serviceOfficer: person,
  responsibleDepartment: organisationRef,
  workingTeam: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  stageChangedOn: z.string().nullable(),
  actualStartOn: z.string().nullable().describe('实际开工日期（阶段由实际日期推出）'),
  actualCompletionOn: z.string().nullable().describe('实际竣工日期'),
  actualOperationOn: z.string().nullable().describe('实际投产日期'),
  batches: z.array(z.object({ id: Id, name: z.string(), schemeName: z.string(), year: z.number().int() })),
  whitelist: z
    .array(z.object({ level: z.enum(whitelistLevels), regionName: z.string(), includedOn: z.string() }))
    .describe('项目当前所在的白名单（省级、市级、县级）'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({
    update: z.boolean().describe('可修改全部字段'),
    updateOwnerFields: z.boolean().describe('只可修改业主字段'),
    changeStage: z.boolean(),
    uploadFiles: z.boolean(),
    deleteFiles: z.boolean(),
    comment: z.boolean(),
    manageBatches: z.boolean(),
  }),
});
export type Project = z.infer<typeof Project>;

export const ChangeProjectStage = z
  .object({
    to: ProjectStage.describe('目标阶段'),
    on: z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }).describe('变更日期'),
    reason: requiredText(500).describe('变更原因'),
    /**
     * A move to 新开工 with approvals open is refused as INVALID_TRANSITION whose `details` are one
     * entry per blocker: `{ path: 'approvals', issue: 'startBlocked', message: <blocker text>,
     * params: { itemId } }`. Sending this flag (office only) overrides them, audited.
     */
    overrideApprovals: z
      .boolean()
      .optional()
      .describe('转为新开工时开工前手续未办结，重点办确认以变更原因为理由强制变更'),
    version: Version,
  })
  .strict();
export type ChangeProjectStage = z.infer<typeof ChangeProjectStage>;

export const StageChange = z.object({
  id: z.string(),
  fromStage: ProjectStage.nullable(),
  toStage: ProjectStage,
  changedOn: z.string(),
  reason: z.string(),
  actorName: z.string(),
  at: z.string(),
});
export const StageChangeList = z.object({ data: z.array(StageChange) });

export const ProjectHistory = z.object({ data: z.array(AuditEvent) });

export const ProjectFile = z.object({
  id: Id,
  kind: z.enum(['photo', 'document']),
  originalName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  takenAt: z.string().nullable().describe('照片拍摄时间（取自照片元数据）'),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  hasThumbnail: z.boolean(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
  canDelete: z.boolean(),
});
export type ProjectFile = z.infer<typeof ProjectFile>;
export const ProjectFileList = z.object({ data: z.array(ProjectFile) });

export const ProjectComment = z.object({
  id: Id,
  body: z.string(),
  authorName: z.string(),
  organisationName: z.string(),
  at: z.string(),
});
export const ProjectCommentList = z.object({ data: z.array(ProjectComment) });
export const CreateProjectComment = z.object({ body: requiredText(2000).describe('意见') }).strict();
export type CreateProjectComment = z.infer<typeof CreateProjectComment>;

export const DictionaryEntry = z.object({
  id: Id,
  kind: DictionaryKind,
  name: z.string(),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
});
export type DictionaryEntry = z.infer<typeof DictionaryEntry>;
export const DictionaryList = z.object({ data: z.array(DictionaryEntry) });
export const CreateDictionaryEntry = z.object({ kind: DictionaryKind, name: requiredText(30) }).strict();
export type CreateDictionaryEntry = z.infer<typeof CreateDictionaryEntry>;
export const UpdateDictionaryEntry = z
  .object({ name: requiredText(30), sortOrder: z.number().int().min(0).max(9999), isActive: z.boolean() })
  .strict();
export type UpdateDictionaryEntry = z.infer<typeof UpdateDictionaryEntry>;

export const Batch = z.object({
  id: Id,
  name: z.string(),
  sortOrder: z.number().int(),
  projectCount: z.number().int(),
});
export const BatchScheme = z.object({
  id: Id,
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  name: z.string(),
  batches: z.array(Batch),
});
export type BatchScheme = z.infer<typeof BatchScheme>;
export const BatchSchemeList = z.object({ data: z.array(BatchScheme) });
export const BatchSchemeQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const CreateBatchScheme = z
  .object({
    regionCode: requiredText(20).describe('方案所属区划（本辖区）'),
    year: year.describe('年度'),
    name: requiredText(30).describe('方案名称，如 四个一批'),
    batches: z
      .array(requiredText(30))
      .min(1, { message: '至少一个批次' })
      .max(12)
      .describe('批次名称，按顺序'),
  })
  .strict();
export type CreateBatchScheme = z.infer<typeof CreateBatchScheme>;
export const BatchPresetList = z.object({
  data: z.array(
    z.object({ key: z.string(), name: z.string(), batches: z.array(z.string()), source: z.string() }),
  ),
});
export const SetProjectBatches = z.object({ batchIds: z.array(Id).max(20), version: Version }).strict();
export type SetProjectBatches = z.infer<typeof SetProjectBatches>;

/** The projects module's endpoints (the server registers them, the client calls them). */
export const projectsEndpoints = {
  findProjects: endpoint({
    method: 'GET',
    path: '/api/projects',
    summary: '项目库列表（含合计）',
    tag: 'projects',
    query: ProjectQuery,
    response: ProjectPage,
  }),
  getProject: endpoint({
    method: 'GET',
    path: '/api/projects/:id',
    summary: '项目详情（一项一档）',
    tag: 'projects',
    params: IdParams,
    response: Project,
  }),
  createProject: endpoint({
    method: 'POST',
    path: '/api/projects',
    summary: '新增项目',
    tag: 'projects',
    body: CreateProject,
    response: Project,
  }),
  updateProject: endpoint({
    method: 'PUT',
    path: '/api/projects/:id',
    summary: '修改项目',
    tag: 'projects',
    params: IdParams,
    body: UpdateProject,
    response: Project,
  }),
  changeProjectStage: endpoint({
    method: 'POST',
    path: '/api/projects/:id/stage',
    summary: '变更项目阶段',
    tag: 'projects',
    params: IdParams,
    body: ChangeProjectStage,
    response: Project,
  }),
  listStageChanges: endpoint({
    method: 'GET',
    path: '/api/projects/:id/stages',
    summary: '阶段变更记录',
    tag: 'projects',
    params: IdParams,
    response: StageChangeList,
  }),
  getProjectHistory: endpoint({
    method: 'GET',
    path: '/api/projects/:id/history',
    summary: '项目操作记录',
    tag: 'projects',
    params: IdParams,
    response: ProjectHistory,
  }),
  setProjectBatches: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/batches',
    summary: '设置项目所属批次',
    tag: 'projects',
    params: IdParams,
    body: SetProjectBatches,
    response: Project,
  }),
  listProjectFiles: endpoint({
    method: 'GET',
    path: '/api/projects/:id/files',
    summary: '项目文件和照片',
    tag: 'projects',
    params: IdParams,
    response: ProjectFileList,
  }),
  deleteProjectFile: endpoint({
    method: 'DELETE',
    path: '/api/projects/:id/files/:fileId',
    summary: '删除项目文件',
    tag: 'projects',
    params: FileParams,
    response: Ok,
  }),
  listProjectComments: endpoint({
    method: 'GET',
    path: '/api/projects/:id/comments',
    summary: '部门意见',
    tag: 'projects',
    params: IdParams,
    response: ProjectCommentList,
  }),
  createProjectComment: endpoint({
    method: 'POST',
    path: '/api/projects/:id/comments',
    summary: '填写意见',
    tag: 'projects',
    params: IdParams,
    body: CreateProjectComment,
    response: ProjectComment,
  }),
} as const;
