import { z } from 'zod';
import { Id, PageInfo, PageQuery, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { EvidencePhoto } from './site-photos.contract';

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const NodeCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: '代码只能由小写字母、数字和连字符组成，最长 40 位' });

export const NodeSpec = z
  .object({
    code: NodeCode.describe('节点代码'),
    name: requiredText(40).describe('节点名称'),
    durationDays: z
      .number()
      .int()
      .min(0, { message: '不能小于 0' })
      .max(2000, { message: '不能超过 2000 个工作日' }),
    dependsOn: z.array(NodeCode).max(20).describe('前置节点代码'),
    marksStart: z.boolean().optional().describe('开工节点：不得早于前期手续最早可开工日期'),
  })
  .strict();
export type NodeSpec = z.infer<typeof NodeSpec>;

export const MilestoneTemplate = z.object({
  id: Id,
  regionCode: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  defaultTarget: z.string(),
  nodes: z.array(NodeSpec),
  active: z.boolean(),
  version: z.number().int(),
});
export type MilestoneTemplate = z.infer<typeof MilestoneTemplate>;

export const MilestoneTemplateList = z.object({
  regionCode: z.string(),
  /** Whether the actor may add and change templates of this region. */
  canManage: z.boolean(),
  /** The region's templates and those of the regions above it (nearest first). */
  data: z.array(MilestoneTemplate.extend({ regionName: z.string(), isOwn: z.boolean() })),
  presets: z.array(z.object({ key: z.string(), name: z.string(), nodes: z.number().int() })),
});

export const MilestoneTemplateQuery = z.object({ regionCode: z.string().max(20).optional() }).strict();

const templateFields = {
  name: requiredText(40).describe('模板名称'),
  domains: z.array(requiredText(20)).max(10).describe('适用的项目领域，空为全部'),
  defaultTarget: NodeCode.describe('默认倒排目标节点'),
  nodes: z.array(NodeSpec).min(1, { message: '至少一个节点' }).max(40, { message: '最多 40 个节点' }),
};

export const CreateMilestoneTemplate = z
  .object({
    regionCode: z.string().max(20),
    preset: z.string().max(40).optional().describe('从预设复制：lifecycle / construction-11'),
    ...templateFields,
  })
  .partial({ name: true, domains: true, defaultTarget: true, nodes: true })
  .strict();
export type CreateMilestoneTemplate = z.infer<typeof CreateMilestoneTemplate>;

export const UpdateMilestoneTemplate = z
  .object(templateFields)
  .partial()
  .extend({ active: z.boolean().optional(), version: Version })
  .strict();
export type UpdateMilestoneTemplate = z.infer<typeof UpdateMilestoneTemplate>;

export const MilestoneNode = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  durationDays: z.number().int(),
  dependsOn: z.array(z.string()),
  sortOrder: z.number().int(),
  baselineOn: z.string().nullable(),
  plannedOn: z.string(),
  /** The day its work starts: the planned date less its duration (for the Gantt bar). */
  startOn: z.string(),
  actualOn: z.string().nullable(),
  actualFileId: Id.nullable(),
  /**
   * The evidence file with what a photo's own time and place say against the project and the node's
   * window (the 7 days up to the day reached): warnings only. Null without evidence.
   */
  actualFile: EvidencePhoto.nullable(),
  actualNote: z.string().nullable(),
  actualBy: z.string().nullable(),
  /** Not reached and the planned date has passed. */
  overdue: z.boolean(),
  /** Working days the planned date lies after the baseline (0 without a baseline). */
  slipDays: z.number().int(),
  version: z.number().int(),
});
export type MilestoneNode = z.infer<typeof MilestoneNode>;

export const MilestoneAdjustment = z.object({
  id: z.number().int(),
  nodeId: Id,
  nodeName: z.string(),
  fromOn: z.string(),
  toOn: z.string(),
  reason: z.string(),
  actorName: z.string(),
  at: z.string(),
});

export const ProjectMilestones = z.object({
  projectId: Id,
  projectName: z.string(),
  today: z.string(),
  canManage: z.boolean(),
  canRecordActual: z.boolean(),
  plan: z
    .object({
      templateName: z.string(),
      targetCode: z.string(),
      targetOn: z.string(),
      status: z.enum(['draft', 'frozen']),
      frozenOn: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  nodes: z.array(MilestoneNode),
  adjustments: z.array(MilestoneAdjustment),
  /** 手续最早可开工: what bounds the 开工 node (from the project's approvals checklist). */
  approvalStart: z.object({
    /** Null when no procedure on the checklist is required before start. */
    earliestStartOn: z.string().nullable(),
    /** The critical chain of procedures setting it, first to last, each with its expected approval. */
    criticalChain: z.array(z.object({ id: Id, name: z.string(), finishOn: z.string() })),
    /** The plan's node marking 开工 (the template's marker, else the node coded start). */
    startNodeCode: z.string().nullable(),
    /** The 开工 node is planned before the earliest start and not reached. */
    isStartTooEarly: z.boolean(),
  }),
  summary: z.object({
    total: z.number().int(),
    reached: z.number().int(),
    overdue: z.number().int(),
    /** Nodes due this month and not reached (the monthly report shows them). */
    dueThisMonth: z.number().int(),
  }),
});
export type ProjectMilestones = z.infer<typeof ProjectMilestones>;

export const PlanMilestones = z
  .object({
    templateId: Id.describe('节点模板'),
    targetCode: NodeCode.describe('倒排目标节点'),
    targetOn: IsoDate.describe('目标日期（计划开工或投产）'),
    version: Version.optional().describe('重排已有草稿时的版本号'),
    fromEarliestStart: z
      .boolean()
      .optional()
      .describe('以前期手续最早可开工日期为开工节点日期排定（其前倒排、其后顺排），忽略目标节点与日期'),
  })
  .strict();
export type PlanMilestones = z.infer<typeof PlanMilestones>;

export const FreezeMilestones = z.object({ version: Version }).strict();

export const AdjustMilestoneNode = z
  .object({
    version: Version,
    plannedOn: IsoDate.describe('新的计划日期'),
    reason: text(500).optional().describe('计划冻结后调整必填'),
  })
  .strict();
export type AdjustMilestoneNode = z.infer<typeof AdjustMilestoneNode>;

export const RecordMilestoneActual = z
  .object({
    version: Version,
    actualOn: IsoDate.describe('实际完成日期'),
    fileId: Id.nullable().optional().describe('佐证材料（已上传的项目文件）'),
    note: text(200).nullable().optional(),
  })
  .strict();
export type RecordMilestoneActual = z.infer<typeof RecordMilestoneActual>;

export const MilestonePortfolioQuery = PageQuery.extend({
  regionCode: z.string().max(20).optional(),
  q: text(60).optional().describe('项目名称'),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('只看有超期节点的项目'),
}).strict();
export type MilestonePortfolioQuery = z.infer<typeof MilestonePortfolioQuery>;

/** The portfolio's filters for its Excel export (every project, no paging). */
export const MilestonePortfolioExportQuery = MilestonePortfolioQuery.omit({ page: true, pageSize: true });
export type MilestonePortfolioExportQuery = z.infer<typeof MilestonePortfolioExportQuery>;

export const MilestonePortfolio = z.object({
  today: z.string(),
  data: z.array(
    z.object({
      projectId: Id,
      projectName: z.string(),
      regionName: z.string(),
      stage: z.string(),
      status: z.enum(['draft', 'frozen']),
      nodes: z.array(
        MilestoneNode.pick({
          code: true,
          name: true,
          baselineOn: true,
          plannedOn: true,
          startOn: true,
          actualOn: true,
          overdue: true,
        }),
      ),
    }),
  ),
  page: PageInfo,
});
export type MilestonePortfolio = z.infer<typeof MilestonePortfolio>;

export const fishboneCauseKinds = ['problem', 'approval', 'milestone'] as const;
export const Fishbone = z.object({
  projectId: Id,
  projectName: z.string(),
  /** One bone per cause category (用地, 征迁, 资金, 审批, 进度 …), the largest first. */
  bones: z.array(
    z.object({
      category: z.string(),
      causes: z.array(
        z.object({
          kind: z.enum(fishboneCauseKinds),
          id: z.string(),
          title: z.string(),
          detail: z.string(),
          since: z.string().nullable(),
          link: z.string(),
        }),
      ),
    }),
  ),
});
export type Fishbone = z.infer<typeof Fishbone>;

/** The milestones module's endpoints. */
export const milestonesEndpoints = {
  listMilestoneTemplates: endpoint({
    method: 'GET',
    path: '/api/milestone-templates',
    summary: '节点模板（本辖区及上级）与预设',
    tag: 'milestones',
    query: MilestoneTemplateQuery,
    response: MilestoneTemplateList,
  }),
  createMilestoneTemplate: endpoint({
    method: 'POST',
    path: '/api/milestone-templates',
    summary: '新增节点模板（可从预设复制）',
    tag: 'milestones',
    body: CreateMilestoneTemplate,
    response: MilestoneTemplate,
  }),
  updateMilestoneTemplate: endpoint({
    method: 'PATCH',
    path: '/api/milestone-templates/:id',
    summary: '修改节点模板',
    tag: 'milestones',
    params: IdParams,
    body: UpdateMilestoneTemplate,
    response: MilestoneTemplate,
  }),
  getProjectMilestones: endpoint({
    method: 'GET',
    path: '/api/projects/:id/milestones',
    summary: '项目节点计划（基线、计划、实际、超期）与调整记录',
    tag: 'milestones',
    params: IdParams,
    response: ProjectMilestones,
  }),
  planProjectMilestones: endpoint({
    method: 'POST',
    path: '/api/projects/:id/milestones/plan',
    summary: '按模板从目标日期倒排节点计划（草稿可重排）',
    tag: 'milestones',
    params: IdParams,
    body: PlanMilestones,
    response: ProjectMilestones,
  }),
  freezeProjectMilestones: endpoint({
    method: 'POST',
    path: '/api/projects/:id/milestones/freeze',
    summary: '冻结节点计划为基线',
    tag: 'milestones',
    params: IdParams,
    body: FreezeMilestones,
    response: ProjectMilestones,
  }),
  adjustMilestoneNode: endpoint({
    method: 'PATCH',
    path: '/api/milestone-nodes/:id',
    summary: '调整节点计划日期（冻结后须说明理由）',
    tag: 'milestones',
    params: IdParams,
    body: AdjustMilestoneNode,
    response: ProjectMilestones,
  }),
  recordMilestoneActual: endpoint({
    method: 'POST',
    path: '/api/milestone-nodes/:id/actual',
    summary: '填报节点实际完成日期及佐证',
    tag: 'milestones',
    params: IdParams,
    body: RecordMilestoneActual,
    response: ProjectMilestones,
  }),
  getMilestonePortfolio: endpoint({
    method: 'GET',
    path: '/api/milestone-portfolio',
    summary: '多项目时间节点图（辖区内有节点计划的项目）',
    tag: 'milestones',
    query: MilestonePortfolioQuery,
    response: MilestonePortfolio,
  }),
  getProjectFishbone: endpoint({
    method: 'GET',
    path: '/api/projects/:id/fishbone',
    summary: '鱼刺图：项目的阻碍因素按类别归集（问题、超期手续、超期节点）',
    tag: 'milestones',
    params: IdParams,
    response: Fishbone,
  }),
} as const;
