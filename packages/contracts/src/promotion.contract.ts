import { promotionStagePresets } from '@tuijin/domain';
import { z } from 'zod';
import { Id, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { WanYuan } from './money';
import { ConstructionType, ProjectLevel } from './projects.contract';

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const year = z
  .number()
  .int()
  .min(2000, { message: '年份应为 2000–2100' })
  .max(2100, { message: '年份应为 2000–2100' });

export const PromotionStage = z.object({
  key: requiredText(30).describe('稳定标识（字母数字），如 signed、started'),
  name: requiredText(20).describe('阶段名称，如 签约'),
});
export type PromotionStage = z.infer<typeof PromotionStage>;

export const PromotionStagePresetKey = z.enum(
  Object.keys(promotionStagePresets) as [keyof typeof promotionStagePresets],
);

/** The stage list that applies in a region (its own, else the nearest ancestor's, else the preset). */
export const PromotionSettingsView = z.object({
  regionCode: z.string(),
  stages: z.array(PromotionStage),
  /** The region whose list applies (null: the standard preset). */
  fromRegionCode: z.string().nullable(),
  version: z.number().int().describe('本区划自己设置的版本，0 为未设置'),
  canManage: z.boolean(),
  presets: z.array(z.object({ key: PromotionStagePresetKey, stages: z.array(PromotionStage) })),
});
export type PromotionSettingsView = z.infer<typeof PromotionSettingsView>;

export const PromotionSettingsQuery = z
  .object({ regionCode: z.string().max(20).optional().describe('区划，默认本人所在') })
  .strict();
export const SavePromotionSettings = z
  .object({
    regionCode: text(20).optional().describe('区划，默认本人所在'),
    stages: z
      .array(PromotionStage)
      .min(2, { message: '至少 2 个阶段' })
      .max(12, { message: '最多 12 个阶段' }),
    version: Version,
  })
  .strict();
export type SavePromotionSettings = z.infer<typeof SavePromotionSettings>;

const leadFields = {
  name: requiredText(200).describe('招商项目名称'),
  investorName: requiredText(200).describe('投资方（企业名称）'),
  investorOrigin: text(50).nullable().default(null).describe('投资方来源地，如 广东深圳'),
  industry: text(30).nullable().default(null).describe('产业'),
  regionCode: requiredText(20).describe('落地区划（本辖区或下级）'),
  contractWanYuan: WanYuan.nullable().default(null).describe('合同投资额（万元）'),
  promisedRegistrationOn: IsoDate.nullable().default(null).describe('承诺注册日期'),
  promisedStartOn: IsoDate.nullable().default(null).describe('承诺开工日期'),
  promisedProductionOn: IsoDate.nullable().default(null).describe('承诺投产日期'),
  responsibleOrganisationId: Id.nullable().default(null).describe('责任单位'),
  note: text(1000).nullable().default(null),
};

export const CreatePromotionLead = z
  .object({
    ...leadFields,
    stage: text(30).optional().describe('登记时所处阶段，默认为第一个阶段'),
    stageOn: IsoDate.nullable().default(null).describe('进入该阶段的日期；空则为今天'),
  })
  .strict();
export type CreatePromotionLead = z.infer<typeof CreatePromotionLead>;

export const UpdatePromotionLead = z.object({ ...leadFields, version: Version }).strict();
export type UpdatePromotionLead = z.infer<typeof UpdatePromotionLead>;

export const MovePromotionLead = z
  .object({
    version: Version,
    stage: requiredText(30).describe('目标阶段标识'),
    on: IsoDate.nullable().default(null).describe('进入该阶段的日期；空则为今天'),
  })
  .strict();
export type MovePromotionLead = z.infer<typeof MovePromotionLead>;

export const DropPromotionLead = z
  .object({
    version: Version,
    reason: requiredText(500).describe('放弃原因'),
    on: IsoDate.nullable().default(null).describe('放弃日期；空则为今天'),
  })
  .strict();
export type DropPromotionLead = z.infer<typeof DropPromotionLead>;

/** 转入项目库: what the project needs beyond the lead (name, region, investment come from it). */
export const ConvertPromotionLead = z
  .object({
    version: Version,
    ownerOrganisationId: Id.describe('项目业主（建设单位），通常为投资方在本地注册的公司'),
    domain: requiredText(30).describe('领域（字典）'),
    levels: z.array(ProjectLevel).min(1, { message: '至少选择一个级别' }),
    startYear: year.describe('计划开工年份'),
    endYear: year.describe('计划竣工年份'),
    constructionType: ConstructionType.default('new'),
    name: text(200).optional().describe('项目名称，默认为线索名称'),
  })
  .strict();
export type ConvertPromotionLead = z.infer<typeof ConvertPromotionLead>;

/** 关联已有项目: a project already in the library (same region line, not linked elsewhere). */
export const LinkPromotionLead = z
  .object({ version: Version, projectId: Id.describe('项目库中的项目') })
  .strict();
export type LinkPromotionLead = z.infer<typeof LinkPromotionLead>;

export const LeadPromise = z.enum(['registration', 'start', 'production']);

export const PromotionLead = z.object({
  id: Id,
  name: z.string(),
  investorName: z.string(),
  investorOrigin: z.string().nullable(),
  industry: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  contractWanYuan: z.string().nullable(),
  signedOn: z.string().nullable(),
  promisedRegistrationOn: z.string().nullable(),
  promisedStartOn: z.string().nullable(),
  promisedProductionOn: z.string().nullable(),
  responsibleOrganisationId: Id.nullable(),
  responsibleOrganisationName: z.string().nullable(),
  /** The stage as recorded, or 开工 once its project really started (see domain `effectiveLead`). */
  stage: z.string(),
  stageName: z.string(),
  history: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      enteredOn: z.string(),
      /** Days spent there (to the next stage entered, or to today for the current one). */
      days: z.number().int(),
    }),
  ),
  note: z.string().nullable(),
  isDropped: z.boolean(),
  droppedOn: z.string().nullable(),
  dropReason: z.string().nullable(),
  project: z.object({ id: Id, name: z.string(), actualStartOn: z.string().nullable() }).nullable(),
  overduePromises: z.array(LeadPromise),
  /** The stage list of the lead's region (for moves). */
  stages: z.array(PromotionStage),
  canManage: z.boolean(),
  /** Signed or later, not dropped, not yet converted, and the caller may create projects. */
  canConvert: z.boolean(),
  version: z.number().int(),
});
export type PromotionLead = z.infer<typeof PromotionLead>;

export const PromotionPeriodQuery = {
  regionCode: z.string().max(20).optional().describe('辖区，默认本人所在'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度，默认本年'),
  quarter: z.coerce.number().int().min(1).max(4).optional().describe('季度 1–4；空则全年'),
};

export const PromotionLeadQuery = z
  .object({
    ...PromotionPeriodQuery,
    stage: z.string().max(30).optional().describe('当前阶段标识'),
    region: z.string().max(20).optional().describe('下级区划（含其下级）'),
    period: z
      .enum(['signed', 'created'])
      .optional()
      .describe('按期间筛选：signed 期间内签约，created 期间内登记；空则不按期间'),
    overdue: z.enum(['true', 'false']).optional().describe('true 只看有逾期承诺的线索'),
    dropped: z.enum(['true', 'false']).optional().describe('true 只看已放弃的，false 只看在谈的；空则全部'),
  })
  .strict();
export type PromotionLeadQuery = z.infer<typeof PromotionLeadQuery>;

export const PromotionLeadList = z.object({ data: z.array(PromotionLead), canManage: z.boolean() });
export type PromotionLeadList = z.infer<typeof PromotionLeadList>;

const Rate = z.object({
  numerator: z.string(),
  denominator: z.string(),
  percent: z.string().nullable().describe('百分比，一位小数；分母为 0 时为 null'),
});

export const PromotionRegionRow = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  leads: z.number().int().describe('在谈线索（未放弃）'),
  contractWanYuan: z.string().describe('在谈线索的合同投资额'),
  signed: z.number().int().describe('期间内签约'),
  signedWanYuan: z.string(),
  started: z.number().int().describe('其中已开工'),
  conversion: Rate.describe('签约转开工率 = 期间内签约且已开工 ÷ 期间内签约'),
  converted: z.number().int().describe('已转入项目库'),
  overdue: z.number().int().describe('有逾期承诺的线索'),
  dropped: z.number().int().describe('期间内放弃'),
});

export const PromotionOverview = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  asOf: z.string().describe('开工计至的日期（今天）'),
  stages: z.array(PromotionStage),
  funnel: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      currentCount: z.number().int(),
      currentWanYuan: z.string(),
      reachedCount: z.number().int(),
      reachedWanYuan: z.string(),
    }),
  ),
  /** Live leads whose stage the jurisdiction's list lacks (a county's own list). */
  otherStages: z.object({ count: z.number().int(), wanYuan: z.string() }),
  conversion: Rate.extend({ signed: z.number().int(), started: z.number().int() }),
  dwell: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      count: z.number().int(),
      averageDays: z.string().nullable(),
      medianDays: z.string().nullable(),
    }),
  ),
  regions: z.array(PromotionRegionRow),
  totals: PromotionRegionRow,
});
export type PromotionOverview = z.infer<typeof PromotionOverview>;
export const PromotionOverviewQuery = z.object(PromotionPeriodQuery).strict();
export type PromotionOverviewQuery = z.infer<typeof PromotionOverviewQuery>;

export const ProjectPromotionLead = z.object({
  lead: z
    .object({
      id: Id,
      name: z.string(),
      investorName: z.string(),
      contractWanYuan: z.string().nullable(),
      signedOn: z.string().nullable(),
      stageName: z.string(),
    })
    .nullable(),
});

export const promotionEndpoints = {
  promotionSettings: endpoint({
    method: 'GET',
    path: '/api/promotion/settings',
    summary: '招商阶段设置（本级或上级的，默认 洽谈→签约→注册→开工→投产→达产）',
    tag: 'promotion',
    query: PromotionSettingsQuery,
    response: PromotionSettingsView,
  }),
  savePromotionSettings: endpoint({
    method: 'PUT',
    path: '/api/promotion/settings',
    summary: '保存本辖区的招商阶段（重点办）',
    tag: 'promotion',
    body: SavePromotionSettings,
    response: PromotionSettingsView,
  }),
  listPromotionLeads: endpoint({
    method: 'GET',
    path: '/api/promotion/leads',
    summary: '招商项目（线索）列表：阶段、区划、期间、逾期承诺',
    tag: 'promotion',
    query: PromotionLeadQuery,
    response: PromotionLeadList,
  }),
  getPromotionLead: endpoint({
    method: 'GET',
    path: '/api/promotion/leads/:id',
    summary: '招商项目详情',
    tag: 'promotion',
    params: IdParams,
    response: PromotionLead,
  }),
  createPromotionLead: endpoint({
    method: 'POST',
    path: '/api/promotion/leads',
    summary: '登记招商项目（重点办）',
    tag: 'promotion',
    body: CreatePromotionLead,
    response: PromotionLead,
  }),
  updatePromotionLead: endpoint({
    method: 'PATCH',
    path: '/api/promotion/leads/:id',
    summary: '修改招商项目（重点办）',
    tag: 'promotion',
    params: IdParams,
    body: UpdatePromotionLead,
    response: PromotionLead,
  }),
  movePromotionLead: endpoint({
    method: 'POST',
    path: '/api/promotion/leads/:id/stage',
    summary: '推进或退回招商项目的阶段',
    tag: 'promotion',
    params: IdParams,
    body: MovePromotionLead,
    response: PromotionLead,
  }),
  dropPromotionLead: endpoint({
    method: 'POST',
    path: '/api/promotion/leads/:id/drop',
    summary: '放弃招商项目（注明原因）',
    tag: 'promotion',
    params: IdParams,
    body: DropPromotionLead,
    response: PromotionLead,
  }),
  convertPromotionLead: endpoint({
    method: 'POST',
    path: '/api/promotion/leads/:id/convert',
    summary: '签约项目转入项目库',
    tag: 'promotion',
    params: IdParams,
    body: ConvertPromotionLead,
    response: PromotionLead,
  }),
  linkPromotionLead: endpoint({
    method: 'POST',
    path: '/api/promotion/leads/:id/link',
    summary: '签约项目关联项目库中已有的项目',
    tag: 'promotion',
    params: IdParams,
    body: LinkPromotionLead,
    response: PromotionLead,
  }),
  projectPromotionLead: endpoint({
    method: 'GET',
    path: '/api/projects/:id/promotion-lead',
    summary: '项目来自哪个招商项目',
    tag: 'promotion',
    params: IdParams,
    response: ProjectPromotionLead,
  }),
  promotionOverview: endpoint({
    method: 'GET',
    path: '/api/promotion/overview',
    summary: '招商引资：漏斗、签约转开工率、阶段停留时间、分地区',
    tag: 'promotion',
    query: PromotionOverviewQuery,
    response: PromotionOverview,
  }),
} as const;
