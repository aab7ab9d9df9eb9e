import { measureStatuses } from '@tuijin/domain';
import { z } from 'zod';
import { Id, QueryBoolean, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';

export const MeasureStatus = z.enum(measureStatuses, {
  message: '措施状态应为未开始、推进中、已完成或已取消',
});
export type MeasureStatus = z.infer<typeof MeasureStatus>;

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

/** 一项目一策: the plan's aim and lead (creates the plan on first save). */
export const SaveServicePlan = z
  .object({
    version: Version.nullable().default(null).describe('修改时的版本号；首次建立为空'),
    summary: requiredText(1000).describe('服务目标：本方案要帮项目解决什么'),
    lead: requiredText(100).describe('牵头单位或牵头人'),
  })
  .strict();
export type SaveServicePlan = z.infer<typeof SaveServicePlan>;

/** 措施: what is done, by which unit, by when. */
export const CreateMeasure = z
  .object({
    content: requiredText(500).describe('措施内容'),
    responsibleOrganisationId: Id.describe('责任单位：项目所在辖区的单位'),
    dueOn: IsoDate.describe('完成时限'),
  })
  .strict();
export type CreateMeasure = z.infer<typeof CreateMeasure>;

export const UpdateMeasure = CreateMeasure.extend({ version: Version }).strict();
export type UpdateMeasure = z.infer<typeof UpdateMeasure>;

/** A status move of a measure (domain `measureStatusMoves`); 已完成 carries its date and note. */
export const MoveMeasure = z
  .object({
    version: Version,
    status: MeasureStatus,
    completedOn: IsoDate.nullable().default(null).describe('完成日期（已完成时）；空则为今天'),
    note: text(500).nullable().default(null).describe('完成情况或取消原因'),
  })
  .strict();
export type MoveMeasure = z.infer<typeof MoveMeasure>;

export const Measure = z.object({
  id: Id,
  content: z.string(),
  responsibleOrganisationId: Id,
  responsibleOrganisationName: z.string(),
  dueOn: z.string(),
  status: MeasureStatus,
  completedOn: z.string().nullable(),
  completionNote: z.string().nullable(),
  isOverdue: z.boolean(),
  /** The statuses the caller may move it to now (empty when it may not). */
  nextStatuses: z.array(MeasureStatus),
  canEdit: z.boolean(),
  version: z.number().int(),
});
export type Measure = z.infer<typeof Measure>;

export const MeasureCounts = z.object({
  total: z.number().int(),
  notStarted: z.number().int(),
  inProgress: z.number().int(),
  done: z.number().int(),
  cancelled: z.number().int(),
  overdue: z.number().int(),
});
export type MeasureCounts = z.infer<typeof MeasureCounts>;

export const ProjectServicePlan = z.object({
  projectId: Id,
  plan: z
    .object({
      id: Id,
      summary: z.string(),
      lead: z.string(),
      version: z.number().int(),
      counts: MeasureCounts,
    })
    .nullable(),
  measures: z.array(Measure),
  /** The organisations a measure may be given to (the project's jurisdiction), for the form. */
  organisations: z.array(z.object({ id: Id, name: z.string() })),
  /** The office over the project or its responsible department: plan and measures. */
  canManage: z.boolean(),
  asOf: z.string(),
});
export type ProjectServicePlan = z.infer<typeof ProjectServicePlan>;

export const ServicePlanListQuery = z
  .object({
    regionCode: z.string().max(20).optional().describe('辖区（含下级），默认本人所在'),
    organisationId: Id.optional().describe('有措施由该单位负责的方案'),
    status: MeasureStatus.optional().describe('有该状态措施的方案'),
    overdueOnly: QueryBoolean.optional().describe('只看有逾期措施的方案'),
  })
  .strict();
export type ServicePlanListQuery = z.infer<typeof ServicePlanListQuery>;

export const ServicePlanRow = z.object({
  planId: Id,
  projectId: Id,
  projectName: z.string(),
  regionName: z.string(),
  projectClass: z.string().nullable(),
  /**
   * Whether the reader may open the project's file (一项一档): false for a unit that sees the plan
   * only because it is responsible for one of its measures — it opens the plan on its own.
   */
  projectOpen: z.boolean(),
  summary: z.string(),
  lead: z.string(),
  counts: MeasureCounts,
  /** The earliest due date of its open measures. */
  nextDueOn: z.string().nullable(),
});
export type ServicePlanRow = z.infer<typeof ServicePlanRow>;

export const ServicePlanList = z.object({
  asOf: z.string(),
  rows: z.array(ServicePlanRow),
  totals: MeasureCounts,
});
export type ServicePlanList = z.infer<typeof ServicePlanList>;

export const servicePlansEndpoints = {
  getProjectServicePlan: endpoint({
    method: 'GET',
    path: '/api/projects/:id/service-plan',
    summary: '一项目一策：项目的服务方案与措施',
    tag: 'service-plans',
    params: IdParams,
    response: ProjectServicePlan,
  }),
  saveServicePlan: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/service-plan',
    summary: '建立或修改项目的服务方案（重点办或责任部门）',
    tag: 'service-plans',
    params: IdParams,
    body: SaveServicePlan,
    response: ProjectServicePlan,
  }),
  createMeasure: endpoint({
    method: 'POST',
    path: '/api/projects/:id/service-plan/measures',
    summary: '新增服务措施（重点办或责任部门）',
    tag: 'service-plans',
    params: IdParams,
    body: CreateMeasure,
    response: ProjectServicePlan,
  }),
  updateMeasure: endpoint({
    method: 'PATCH',
    path: '/api/service-plan-measures/:id',
    summary: '修改服务措施（重点办或责任部门）',
    tag: 'service-plans',
    params: IdParams,
    body: UpdateMeasure,
    response: ProjectServicePlan,
  }),
  moveMeasure: endpoint({
    method: 'POST',
    path: '/api/service-plan-measures/:id/status',
    summary: '措施状态变更（责任单位、重点办或责任部门）',
    tag: 'service-plans',
    params: IdParams,
    body: MoveMeasure,
    response: ProjectServicePlan,
  }),
  listServicePlans: endpoint({
    method: 'GET',
    path: '/api/service-plans',
    summary: '一项目一策清单：各项目措施按状态计数、逾期数',
    tag: 'service-plans',
    query: ServicePlanListQuery,
    response: ServicePlanList,
  }),
} as const;
