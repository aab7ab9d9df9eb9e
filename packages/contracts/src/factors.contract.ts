import {
  factorDemandStatuses,
  factorTypes,
  landApprovalStages,
  landKinds,
  landQuotaStatuses,
  parseWanYuan,
  quotaKinds,
  utilityKinds,
} from '@tuijin/domain';
import { z } from 'zod';
import { Id, Ok, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { WanYuan } from './money';

export const FactorType = z.enum(factorTypes, {
  message: '要素类型应为用地、用能、资金/融资、用工、水电路气或建材',
});
export type FactorType = z.infer<typeof FactorType>;
export const FactorDemandStatus = z.enum(factorDemandStatuses, {
  message: '状态应为待保障、保障中、已保障或无法保障',
});
export type FactorDemandStatus = z.infer<typeof FactorDemandStatus>;
export const LandKind = z.enum(landKinds, { message: '用地类型应为新增建设用地或存量用地' });
export const LandQuotaStatus = z.enum(landQuotaStatuses, { message: '无效的指标状态' });
export const LandApprovalStage = z.enum(landApprovalStages, { message: '无效的报批阶段' });
export const UtilityKind = z.enum(utilityKinds, { message: '应为水、电、路或气' });
export const QuotaKind = z.enum(quotaKinds, { message: '指标类型应为用地指标或能耗指标' });
export type QuotaKind = z.infer<typeof QuotaKind>;

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const Year = z
  .number({ message: '年度应为 2000–2100 的整数' })
  .int({ message: '年度应为整数' })
  .min(2000, { message: '年度应为 2000–2100 的整数' })
  .max(2100, { message: '年度应为 2000–2100 的整数' });

/**
 * A quantity in its unit (亩, 吨标准煤, 人, 千伏安…) as an exact decimal string, read by the one
 * amount reader (full-width digits and grouping commas tolerated); at most 4 decimals, not negative.
 */
export const Quantity = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const read = parseWanYuan(value);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: '数量应为不小于 0 的数字，最多 4 位小数' });
      return z.NEVER;
    }
    return read.value;
  })
  .describe('数量，精确小数，以字符串表示');

const demandFields = {
  type: FactorType.describe(
    'land 用地，energy 用能，finance 资金/融资，labour 用工，utilities 水电路气，materials 建材',
  ),
  quantity: Quantity.describe('需求数量：用地亩、用能吨标准煤、资金万元、用工人数；水电路气和建材按所填单位'),
  metQuantity: Quantity.default('0').describe('已保障数量：已供地、已落实、已授信、在岗人数等，不超过需求'),
  unit: text(20).nullable().default(null).describe('单位（仅水电路气、建材填写，如 千伏安、立方米、吨）'),
  responsibleOrganisationId: Id.describe('责任部门：项目所在辖区的单位'),
  neededBy: IsoDate.describe('需求时间：最迟何时需要'),
  note: text(1000).nullable().default(null),
  landKind: LandKind.nullable().default(null).describe('用地：new 新增建设用地，existing 存量用地'),
  landQuotaStatus: LandQuotaStatus.nullable()
    .default(null)
    .describe('用地指标状态：unsecured 未落实，applying 申请中，secured 已落实'),
  landApprovalStage: LandApprovalStage.nullable()
    .default(null)
    .describe(
      '农转用/征收阶段：notStarted 未启动，conversionFiled 农转用报批中，conversionApproved 农转用已批，acquisition 征收实施中，supplied 已供地',
    ),
  landDeliveryOn: IsoDate.nullable().default(null).describe('交地日期'),
  coalTonnes: Quantity.nullable().default(null).describe('用能：煤炭消费量（吨）'),
  financePurpose: text(200).nullable().default(null).describe('融资用途'),
  banksMatched: text(200).nullable().default(null).describe('对接银行，多家用顿号分隔'),
  disbursedWanYuan: WanYuan.nullable().default(null).describe('已放款（万元）'),
  utilityKind: UtilityKind.nullable().default(null).describe('水电路气：water 水，power 电，road 路，gas 气'),
  materialName: text(50).nullable().default(null).describe('建材名称，如 钢材、水泥、砂石'),
};

type DemandShape = z.infer<z.ZodObject<typeof demandFields>>;

/** Each type's own required fields: a clear error naming the field. */
function typeRules(value: DemandShape, ctx: z.core.$RefinementCtx) {
  const need = (path: keyof DemandShape, message: string) => {
    if (value[path] === null || value[path] === '') ctx.addIssue({ code: 'custom', path: [path], message });
  };
  if (value.type === 'land') need('landKind', '用地需求须选择新增建设用地或存量用地');
  if (value.type === 'utilities') need('utilityKind', '水电路气需求须选择水、电、路或气');
  if (value.type === 'materials') need('materialName', '建材需求须填写建材名称');
  if (value.type === 'utilities' || value.type === 'materials') need('unit', '请填写数量的单位');
}

/** 新增要素需求: a project's demand of one factor. */
export const CreateFactorDemand = z.object(demandFields).strict().superRefine(typeRules);
export type CreateFactorDemand = z.infer<typeof CreateFactorDemand>;
export const UpdateFactorDemand = z
  .object({ ...demandFields, version: Version })
  .strict()
  .superRefine(typeRules);
export type UpdateFactorDemand = z.infer<typeof UpdateFactorDemand>;

/** A status move (domain `factorDemandMoves`); 已保障 sets the met quantity to the demand. */
export const MoveFactorDemand = z
  .object({
    version: Version,
    status: FactorDemandStatus,
    note: text(500).nullable().default(null).describe('说明，如无法保障的原因'),
  })
  .strict();
export type MoveFactorDemand = z.infer<typeof MoveFactorDemand>;

/** 转为问题: raises the unmet demand as a problem of the project (category by type) and links it. */
export const RaiseFactorProblem = z
  .object({
    version: Version,
    description: text(2000).nullable().default(null).describe('问题描述；空则按需求生成'),
    request: text(1000).nullable().default(null).describe('诉求；空则按需求生成'),
  })
  .strict();
export type RaiseFactorProblem = z.infer<typeof RaiseFactorProblem>;

export const FactorDemand = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  regionName: z.string(),
  type: FactorType,
  quantity: z.string(),
  metQuantity: z.string(),
  rosterOnSite: z
    .number()
    .int()
    .nullable()
    .describe('用工：实名制花名册今日在岗人数（无人在岗或未建花名册为空）；其他类型为空'),
  unit: z.string(),
  status: FactorDemandStatus,
  responsibleOrganisationId: Id,
  responsibleOrganisationName: z.string(),
  neededBy: z.string(),
  note: z.string().nullable(),
  landKind: LandKind.nullable(),
  landQuotaStatus: LandQuotaStatus.nullable(),
  landApprovalStage: LandApprovalStage.nullable(),
  landDeliveryOn: z.string().nullable(),
  coalTonnes: z.string().nullable(),
  financePurpose: z.string().nullable(),
  banksMatched: z.string().nullable(),
  disbursedWanYuan: z.string().nullable(),
  utilityKind: UtilityKind.nullable(),
  materialName: z.string().nullable(),
  metOn: z.string().nullable(),
  isOverdue: z.boolean(),
  daysOverdue: z.number().int().describe('逾期天数（未逾期为 0）'),
  problem: z.object({ id: Id, referenceNumber: z.string(), status: z.string() }).nullable(),
  /** The statuses the caller may move it to now (empty when it may not). */
  nextStatuses: z.array(FactorDemandStatus),
  canEdit: z.boolean(),
  canRaiseProblem: z.boolean(),
  version: z.number().int(),
});
export type FactorDemand = z.infer<typeof FactorDemand>;

export const ProjectQuotaAllocation = z.object({
  id: Id,
  quotaId: Id,
  kind: QuotaKind,
  year: z.number().int(),
  quotaRegionName: z.string(),
  amount: z.string(),
  unit: z.string(),
  allocatedOn: z.string(),
  note: z.string().nullable(),
});
export type ProjectQuotaAllocation = z.infer<typeof ProjectQuotaAllocation>;

export const ProjectFactors = z.object({
  projectId: Id,
  asOf: z.string(),
  actualStartOn: z.string().nullable(),
  demands: z.array(FactorDemand),
  quotaAllocations: z.array(ProjectQuotaAllocation),
  /** Units a demand may be given to (for the form; empty when the caller may not add). */
  organisations: z.array(z.object({ id: Id, name: z.string() })),
  /** The office over the project or its owner unit: may add demands. */
  canAdd: z.boolean(),
});
export type ProjectFactors = z.infer<typeof ProjectFactors>;

export const FactorBoardQuery = z
  .object({
    regionCode: z.string().max(20).optional().describe('辖区（看板按其下级地区分行），默认本人所在'),
    type: FactorType.optional(),
    status: FactorDemandStatus.optional(),
    departmentId: Id.optional().describe('责任部门'),
  })
  .strict();
export type FactorBoardQuery = z.infer<typeof FactorBoardQuery>;

const Figures = {
  total: z.number().int(),
  pending: z.number().int(),
  inProgress: z.number().int(),
  met: z.number().int(),
  unmet: z.number().int(),
  overdue: z.number().int(),
};

export const FactorBoard = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  asOf: z.string(),
  totals: z.object(Figures),
  byType: z.array(
    z.object({
      type: FactorType,
      unit: z.string().nullable(),
      ...Figures,
      quantity: z.string().nullable().describe('需求数量合计（单位不一的类型为空）'),
      metQuantity: z.string().nullable(),
    }),
  ),
  byRegion: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      ...Figures,
      quantities: z.array(
        z.object({ type: FactorType, unit: z.string(), quantity: z.string(), metQuantity: z.string() }),
      ),
    }),
  ),
  overdue: z.array(FactorDemand),
  demands: z.array(FactorDemand),
  departments: z.array(z.object({ id: Id, name: z.string() })),
});
export type FactorBoard = z.infer<typeof FactorBoard>;

export const FactorQuotaQuery = z
  .object({
    regionCode: z.string().max(20).optional().describe('辖区，默认本人所在'),
    year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度，默认本年'),
  })
  .strict();
export type FactorQuotaQuery = z.infer<typeof FactorQuotaQuery>;

/** 设定指标: the office of the jurisdiction sets its land or energy quota for a year. */
export const SetFactorQuota = z
  .object({
    regionCode: z.string().max(20).describe('辖区'),
    year: Year,
    kind: QuotaKind,
    amount: Quantity.describe('指标总量：用地亩、能耗吨标准煤'),
    note: text(500).nullable().default(null),
    version: Version.nullable().default(null).describe('修改时的版本号；首次设定为空'),
  })
  .strict();
export type SetFactorQuota = z.infer<typeof SetFactorQuota>;

/** 分配指标: quota given to a project of the jurisdiction. */
export const AllocateFactorQuota = z
  .object({
    projectId: Id.describe('项目：辖区内的项目'),
    amount: Quantity.describe('分配数量'),
    allocatedOn: IsoDate.describe('分配日期'),
    note: text(500).nullable().default(null),
  })
  .strict();
export type AllocateFactorQuota = z.infer<typeof AllocateFactorQuota>;

const Split = {
  allocated: z.string(),
  started: z.string().describe('分配给已开工项目（实际开工日期不晚于统计日）'),
  unstarted: z.string().describe('分配给未开工项目'),
};

export const FactorQuotaKindView = z.object({
  kind: QuotaKind,
  unit: z.string(),
  quotaId: Id.nullable(),
  amount: z.string().nullable().describe('指标总量；未设定为空'),
  note: z.string().nullable(),
  version: z.number().int().nullable(),
  ...Split,
  remaining: z.string().nullable(),
  regions: z.array(
    z.object({ regionCode: z.string(), regionName: z.string(), projects: z.number().int(), ...Split }),
  ),
  allocations: z.array(
    z.object({
      id: Id,
      projectId: Id,
      projectName: z.string(),
      regionName: z.string(),
      amount: z.string(),
      allocatedOn: z.string(),
      actualStartOn: z.string().nullable(),
      isStarted: z.boolean(),
      note: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
});
export type FactorQuotaKindView = z.infer<typeof FactorQuotaKindView>;

export const FactorQuotaView = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  kinds: z.array(FactorQuotaKindView),
  /** The office of this jurisdiction: may set the quota and allocate it. */
  canManage: z.boolean(),
});
export type FactorQuotaView = z.infer<typeof FactorQuotaView>;

export const FactorVersionQuery = z
  .object({ version: z.coerce.number().int().min(0).describe('记录版本号') })
  .strict();

export const factorsEndpoints = {
  getProjectFactors: endpoint({
    method: 'GET',
    path: '/api/projects/:id/factors',
    summary: '项目要素保障：要素需求与分配到本项目的指标',
    tag: 'factors',
    params: IdParams,
    response: ProjectFactors,
  }),
  createFactorDemand: endpoint({
    method: 'POST',
    path: '/api/projects/:id/factor-demands',
    summary: '新增要素需求（重点办或项目业主）',
    tag: 'factors',
    params: IdParams,
    body: CreateFactorDemand,
    response: ProjectFactors,
  }),
  updateFactorDemand: endpoint({
    method: 'PATCH',
    path: '/api/factor-demands/:id',
    summary: '修改要素需求',
    tag: 'factors',
    params: IdParams,
    body: UpdateFactorDemand,
    response: ProjectFactors,
  }),
  moveFactorDemand: endpoint({
    method: 'POST',
    path: '/api/factor-demands/:id/status',
    summary: '变更要素需求状态（重点办或责任部门）',
    tag: 'factors',
    params: IdParams,
    body: MoveFactorDemand,
    response: ProjectFactors,
  }),
  raiseFactorProblem: endpoint({
    method: 'POST',
    path: '/api/factor-demands/:id/problem',
    summary: '未保障的要素需求转为问题',
    tag: 'factors',
    params: IdParams,
    body: RaiseFactorProblem,
    response: ProjectFactors,
  }),
  factorBoard: endpoint({
    method: 'GET',
    path: '/api/factors/board',
    summary: '要素保障看板：分类型、分地区的需求与保障，逾期需求',
    tag: 'factors',
    query: FactorBoardQuery,
    response: FactorBoard,
  }),
  factorQuotas: endpoint({
    method: 'GET',
    path: '/api/factors/quotas',
    summary: '要素跟着项目走：用地和能耗指标、分配及已开工/未开工项目占用',
    tag: 'factors',
    query: FactorQuotaQuery,
    response: FactorQuotaView,
  }),
  setFactorQuota: endpoint({
    method: 'PUT',
    path: '/api/factors/quotas',
    summary: '设定年度用地或能耗指标（本级重点办）',
    tag: 'factors',
    body: SetFactorQuota,
    response: FactorQuotaView,
  }),
  allocateFactorQuota: endpoint({
    method: 'POST',
    path: '/api/factor-quotas/:id/allocations',
    summary: '将指标分配给项目（本级重点办）',
    tag: 'factors',
    params: IdParams,
    body: AllocateFactorQuota,
    response: FactorQuotaView,
  }),
  removeFactorQuotaAllocation: endpoint({
    method: 'DELETE',
    path: '/api/factor-quota-allocations/:id',
    summary: '撤销指标分配（保留记录，不再计入）',
    tag: 'factors',
    params: IdParams,
    query: FactorVersionQuery,
    response: Ok,
  }),
} as const;
