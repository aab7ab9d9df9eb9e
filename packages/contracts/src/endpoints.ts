import { z } from 'zod';
import { AuditPage, AuditQuery, AuditVerification } from './audit.contract';
import { ChangePasswordRequest, Health, LoginRequest, Me } from './auth.contract';
import { CalendarDateParams, CalendarQuery, CalendarYear, SetCalendarOverride } from './calendar.contract';
import { Id, Ok } from './common';
import {
  CreateOrganisation,
  Organisation,
  OrganisationPage,
  OrganisationQuery,
  UpdateOrganisation,
} from './organisations.contract';
import {
  BatchPresetList,
  BatchScheme,
  BatchSchemeList,
  BatchSchemeQuery,
  ChangeProjectStage,
  CreateBatchScheme,
  CreateDictionaryEntry,
  CreateProject,
  CreateProjectComment,
  DictionaryEntry,
  DictionaryList,
  Project,
  ProjectComment,
  ProjectCommentList,
  ProjectFileList,
  ProjectHistory,
  ProjectPage,
  ProjectQuery,
  SetProjectBatches,
  StageChangeList,
  UpdateDictionaryEntry,
  UpdateProject,
} from './projects.contract';
import { CreateRegion, Region, RegionList, UpdateRegion } from './regions.contract';
import { SecurityPolicyView, UpdateSecurityPolicy } from './security.contract';
import {
  CreateUser,
  ResetPassword,
  SetUserActive,
  SetUserRoles,
  UpdateUser,
  User,
  UserPage,
  UserQuery,
} from './users.contract';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP endpoint: the single description the server registers and the client calls. */
export interface Endpoint<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
}

const endpoint = <
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(
  e: Endpoint<P, Q, B, R>,
) => e;

const IdParams = z.object({ id: Id });
const CodeParams = z.object({ code: z.string().max(20) });
const FileParams = z.object({ id: Id, fileId: Id });

export const endpoints = {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    summary: '健康检查',
    tag: 'system',
    response: Health,
  }),
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    summary: '登录',
    tag: 'auth',
    body: LoginRequest,
    response: Me,
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/auth/logout',
    summary: '退出登录',
    tag: 'auth',
    response: Ok,
  }),
  me: endpoint({ method: 'GET', path: '/api/auth/me', summary: '当前用户', tag: 'auth', response: Me }),
  changePassword: endpoint({
    method: 'POST',
    path: '/api/auth/password',
    summary: '修改密码',
    tag: 'auth',
    body: ChangePasswordRequest,
    response: Ok,
  }),

  listRegions: endpoint({
    method: 'GET',
    path: '/api/regions',
    summary: '行政区划（本辖区）',
    tag: 'regions',
    response: RegionList,
  }),
  createRegion: endpoint({
    method: 'POST',
    path: '/api/regions',
    summary: '新增区划',
    tag: 'regions',
    body: CreateRegion,
    response: Region,
  }),
  updateRegion: endpoint({
    method: 'PATCH',
    path: '/api/regions/:code',
    summary: '修改区划',
    tag: 'regions',
    params: CodeParams,
    body: UpdateRegion,
    response: Region,
  }),

  findOrganisations: endpoint({
    method: 'GET',
    path: '/api/organisations',
    summary: '单位列表',
    tag: 'organisations',
    query: OrganisationQuery,
    response: OrganisationPage,
  }),
  getOrganisation: endpoint({
    method: 'GET',
    path: '/api/organisations/:id',
    summary: '单位详情',
    tag: 'organisations',
    params: IdParams,
    response: Organisation,
  }),
  createOrganisation: endpoint({
    method: 'POST',
    path: '/api/organisations',
    summary: '新增单位',
    tag: 'organisations',
    body: CreateOrganisation,
    response: Organisation,
  }),
  updateOrganisation: endpoint({
    method: 'PUT',
    path: '/api/organisations/:id',
    summary: '修改单位',
    tag: 'organisations',
    params: IdParams,
    body: UpdateOrganisation,
    response: Organisation,
  }),

  findUsers: endpoint({
    method: 'GET',
    path: '/api/users',
    summary: '用户列表',
    tag: 'users',
    query: UserQuery,
    response: UserPage,
  }),
  getUser: endpoint({
    method: 'GET',
    path: '/api/users/:id',
    summary: '用户详情',
    tag: 'users',
    params: IdParams,
    response: User,
  }),
  createUser: endpoint({
    method: 'POST',
    path: '/api/users',
    summary: '新增用户',
    tag: 'users',
    body: CreateUser,
    response: User,
  }),
  updateUser: endpoint({
    method: 'PUT',
    path: '/api/users/:id',
    summary: '修改用户',
    tag: 'users',
    params: IdParams,
    body: UpdateUser,
    response: User,
  }),
  setUserRoles: endpoint({
    method: 'PUT',
    path: '/api/users/:id/roles',
    summary: '设置角色',
    tag: 'users',
    params: IdParams,
    body: SetUserRoles,
    response: User,
  }),
  setUserActive: endpoint({
    method: 'PUT',
    path: '/api/users/:id/active',
    summary: '启用或停用账号',
    tag: 'users',
    params: IdParams,
    body: SetUserActive,
    response: User,
  }),
  resetUserPassword: endpoint({
    method: 'POST',
    path: '/api/users/:id/password',
    summary: '重置密码',
    tag: 'users',
    params: IdParams,
    body: ResetPassword,
    response: Ok,
  }),
  unlockUser: endpoint({
    method: 'POST',
    path: '/api/users/:id/unlock',
    summary: '解除登录锁定',
    tag: 'users',
    params: IdParams,
    response: Ok,
  }),

  getSecurityPolicy: endpoint({
    method: 'GET',
    path: '/api/security-policy',
    summary: '安全策略',
    tag: 'security',
    response: SecurityPolicyView,
  }),
  updateSecurityPolicy: endpoint({
    method: 'PUT',
    path: '/api/security-policy',
    summary: '修改安全策略',
    tag: 'security',
    body: UpdateSecurityPolicy,
    response: SecurityPolicyView,
  }),

  findAuditEvents: endpoint({
    method: 'GET',
    path: '/api/audit-events',
    summary: '审计日志',
    tag: 'audit',
    query: AuditQuery,
    response: AuditPage,
  }),
  verifyAuditChain: endpoint({
    method: 'GET',
    path: '/api/audit-events/verification',
    summary: '校验审计日志哈希链',
    tag: 'audit',
    response: AuditVerification,
  }),

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

  listDictionaries: endpoint({
    method: 'GET',
    path: '/api/dictionaries',
    summary: '字典：领域、行业、标签、资金来源',
    tag: 'dictionaries',
    response: DictionaryList,
  }),
  createDictionaryEntry: endpoint({
    method: 'POST',
    path: '/api/dictionaries',
    summary: '新增字典项',
    tag: 'dictionaries',
    body: CreateDictionaryEntry,
    response: DictionaryEntry,
  }),
  updateDictionaryEntry: endpoint({
    method: 'PUT',
    path: '/api/dictionaries/:id',
    summary: '修改字典项',
    tag: 'dictionaries',
    params: IdParams,
    body: UpdateDictionaryEntry,
    response: DictionaryEntry,
  }),

  listBatchSchemes: endpoint({
    method: 'GET',
    path: '/api/batch-schemes',
    summary: '批次方案（含各批次项目数）',
    tag: 'batches',
    query: BatchSchemeQuery,
    response: BatchSchemeList,
  }),
  createBatchScheme: endpoint({
    method: 'POST',
    path: '/api/batch-schemes',
    summary: '新建批次方案',
    tag: 'batches',
    body: CreateBatchScheme,
    response: BatchScheme,
  }),
  listBatchPresets: endpoint({
    method: 'GET',
    path: '/api/batch-presets',
    summary: '批次方案预设：四个一批、五个一批、三个一批',
    tag: 'batches',
    response: BatchPresetList,
  }),

  getCalendarYear: endpoint({
    method: 'GET',
    path: '/api/calendar',
    summary: '某年的法定节假日和调休安排（官方数据与管理员录入合并）',
    tag: 'calendar',
    query: CalendarQuery,
    response: CalendarYear,
  }),
  setCalendarOverride: endpoint({
    method: 'PUT',
    path: '/api/calendar/overrides/:date',
    summary: '录入或修改某日的放假/调休上班安排',
    tag: 'calendar',
    params: CalendarDateParams,
    body: SetCalendarOverride,
    response: CalendarYear,
  }),
  deleteCalendarOverride: endpoint({
    method: 'DELETE',
    path: '/api/calendar/overrides/:date',
    summary: '删除管理员录入的某日安排（恢复官方数据）',
    tag: 'calendar',
    params: CalendarDateParams,
    response: CalendarYear,
  }),
} as const;

/**
 * Endpoints that are not JSON-in/JSON-out (multipart uploads, file and spreadsheet downloads). They
 * share the endpoint table's paths so the web app and the CLI build URLs the same way.
 */
export const fileRoutes = {
  uploadProjectFiles: '/api/projects/:id/files',
  downloadProjectFile: '/api/projects/:id/files/:fileId/content',
  projectFileThumbnail: '/api/projects/:id/files/:fileId/thumbnail',
  exportProjects: '/api/projects/export.xlsx',
  previewLedger: '/api/ledger/preview',
  ledgerTemplate: '/api/ledger/template.xlsx',
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
