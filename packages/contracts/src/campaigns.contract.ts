import { eventKinds, eventLevels, participantRoles } from '@tuijin/domain';
import { z } from 'zod';
import { Id, Ok, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { WanYuan } from './money';

export const EventKind = z.enum(eventKinds, { message: '活动类型应为集中开工、集中竣工或集中开竣工' });
export type EventKind = z.infer<typeof EventKind>;
export const EventLevel = z.enum(eventLevels, { message: '活动级别应为省级、市级或县级视频连线' });
export type EventLevel = z.infer<typeof EventLevel>;
export const ParticipantRole = z.enum(participantRoles, { message: '项目身份应为开工或竣工' });
export type ParticipantRole = z.infer<typeof ParticipantRole>;

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const TargetCount = z
  .number({ message: '目标项目数应为不小于 0 的整数' })
  .int({ message: '目标项目数应为不小于 0 的整数' })
  .min(0, { message: '目标项目数应为不小于 0 的整数' })
  .max(100_000, { message: '目标项目数不能超过 100000' });

/** 攻坚行动: name (presets 开门红, 服务季, 落地大比拼, 五赛五拼冬季攻坚), period and targets. */
export const SaveCampaign = z
  .object({
    name: requiredText(100).describe('行动名称，如 开门红、服务季、落地大比拼、五赛五拼冬季攻坚'),
    startsOn: IsoDate.describe('开始日期'),
    endsOn: IsoDate.describe('结束日期'),
    targetStartProjects: TargetCount.nullable().default(null).describe('目标开工项目数；空则不设'),
    targetCompletionProjects: TargetCount.nullable().default(null).describe('目标竣工项目数；空则不设'),
    targetStartInvestmentWanYuan: WanYuan.nullable().default(null).describe('目标开工投资（万元）；空则不设'),
    note: text(1000).nullable().default(null),
  })
  .strict();
export type SaveCampaign = z.input<typeof SaveCampaign>;
export const UpdateCampaign = SaveCampaign.extend({ version: Version }).strict();
export type UpdateCampaign = z.input<typeof UpdateCampaign>;

/** A project taking part: its role and the investment it brings (空则为项目总投资). */
export const EventParticipantInput = z
  .object({
    projectId: Id,
    role: ParticipantRole.describe('start 开工，completion 竣工'),
    investmentWanYuan: WanYuan.nullable().default(null).describe('投资额（万元）；空则为项目总投资'),
  })
  .strict();

/** 集中开竣工活动: date, kind, venues, level, the projects taking part. */
export const SaveCampaignEvent = z
  .object({
    campaignId: Id.nullable().default(null).describe('所属攻坚行动；空则为单独活动'),
    name: requiredText(100).describe('活动名称'),
    heldOn: IsoDate.describe('活动日期'),
    kind: EventKind.describe('start 集中开工，completion 集中竣工，startAndCompletion 集中开竣工'),
    level: EventLevel.describe('provincial 省级，city 市级，county 县级视频连线'),
    mainVenue: requiredText(200).describe('主会场'),
    subVenues: z.array(requiredText(200)).max(50, { message: '分会场不能超过 50 个' }).default([]),
    note: text(1000).nullable().default(null),
    participants: z
      .array(EventParticipantInput)
      .max(1000, { message: '参加项目不能超过 1000 个' })
      .default([]),
  })
  .strict();
export type SaveCampaignEvent = z.input<typeof SaveCampaignEvent>;
export const UpdateCampaignEvent = SaveCampaignEvent.extend({ version: Version }).strict();
export type UpdateCampaignEvent = z.input<typeof UpdateCampaignEvent>;

const Rate = z.object({
  numerator: z.string(),
  denominator: z.string(),
  percent: z.string().nullable().describe('百分比，一位小数；分母为 0 时为 null'),
});

export const EventFigures = z.object({
  projects: z.number().int(),
  startProjects: z.number().int(),
  completionProjects: z.number().int(),
  investmentWanYuan: z.string(),
  startInvestmentWanYuan: z.string(),
  completionInvestmentWanYuan: z.string(),
  reallyStarted: z.number().int().describe('开工项目中真开工的（实际开工或月报显示不晚于活动当月）'),
  reallyStartedRate: Rate,
});
export type EventFigures = z.infer<typeof EventFigures>;

export const CampaignFigures = EventFigures.extend({
  events: z.number().int(),
  distinctProjects: z.number().int(),
  startProgress: Rate.nullable(),
  completionProgress: Rate.nullable(),
  startInvestmentProgress: Rate.nullable(),
});
export type CampaignFigures = z.infer<typeof CampaignFigures>;

export const EventParticipant = z.object({
  projectId: Id,
  projectName: z.string(),
  regionName: z.string(),
  role: ParticipantRole,
  investmentWanYuan: z.string(),
  totalInvestmentWanYuan: z.string(),
  actualStartOn: z.string().nullable(),
  reallyStartedOn: z.string().nullable().describe('开工项目真开工的日期；未开工或竣工项目为 null'),
});
export type EventParticipant = z.infer<typeof EventParticipant>;

export const CampaignEventSummary = z.object({
  id: Id,
  campaignId: Id.nullable(),
  campaignName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  heldOn: z.string(),
  kind: EventKind,
  level: EventLevel,
  mainVenue: z.string(),
  subVenues: z.array(z.string()),
  note: z.string().nullable(),
  figures: EventFigures.describe('只计本人可见的项目'),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type CampaignEventSummary = z.infer<typeof CampaignEventSummary>;

export const CampaignEventDetail = CampaignEventSummary.extend({ participants: z.array(EventParticipant) });
export type CampaignEventDetail = z.infer<typeof CampaignEventDetail>;

export const Campaign = z.object({
  id: Id,
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  targetStartProjects: z.number().int().nullable(),
  targetCompletionProjects: z.number().int().nullable(),
  targetStartInvestmentWanYuan: z.string().nullable(),
  note: z.string().nullable(),
  figures: CampaignFigures,
  events: z.array(CampaignEventSummary),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignYearFigures = EventFigures.extend({
  events: z.number().int(),
  distinctProjects: z.number().int(),
  investmentYiYuan: z.string().describe('全年活动投资合计（亿元，两位小数）'),
});
export type CampaignYearFigures = z.infer<typeof CampaignYearFigures>;

export const CampaignOverviewQuery = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度，默认本年') })
  .strict();
export type CampaignOverviewQuery = z.infer<typeof CampaignOverviewQuery>;

export const CampaignOverview = z.object({
  year: z.number().int(),
  yearFigures: CampaignYearFigures.describe('本年全部活动（含单独活动）'),
  campaigns: z.array(Campaign).describe('与该年有交集的攻坚行动'),
  standaloneEvents: z.array(CampaignEventSummary).describe('该年不属于任何攻坚行动的活动'),
  canManage: z.boolean().describe('本级重点办可新建攻坚行动和活动'),
});
export type CampaignOverview = z.infer<typeof CampaignOverview>;

export const ProjectCampaignEvent = z.object({
  eventId: Id,
  name: z.string(),
  heldOn: z.string(),
  kind: EventKind,
  level: EventLevel,
  campaignName: z.string().nullable(),
  role: ParticipantRole,
  investmentWanYuan: z.string(),
  reallyStartedOn: z.string().nullable(),
});
export type ProjectCampaignEvent = z.infer<typeof ProjectCampaignEvent>;

export const CampaignVersionQuery = z
  .object({ version: z.coerce.number().int().min(0).describe('记录版本号') })
  .strict();

export const campaignsEndpoints = {
  campaignOverview: endpoint({
    method: 'GET',
    path: '/api/campaigns',
    summary: '攻坚行动与集中开竣工活动：年度汇总、行动进度、活动',
    tag: 'campaigns',
    query: CampaignOverviewQuery,
    response: CampaignOverview,
  }),
  createCampaign: endpoint({
    method: 'POST',
    path: '/api/campaigns',
    summary: '新建攻坚行动（本级重点办）',
    tag: 'campaigns',
    body: SaveCampaign,
    response: Campaign,
  }),
  updateCampaign: endpoint({
    method: 'PATCH',
    path: '/api/campaigns/:id',
    summary: '修改攻坚行动（本级重点办）',
    tag: 'campaigns',
    params: IdParams,
    body: UpdateCampaign,
    response: Campaign,
  }),
  deleteCampaign: endpoint({
    method: 'DELETE',
    path: '/api/campaigns/:id',
    summary: '删除攻坚行动（无活动时）',
    tag: 'campaigns',
    params: IdParams,
    query: CampaignVersionQuery,
    response: Ok,
  }),
  getCampaignEvent: endpoint({
    method: 'GET',
    path: '/api/campaign-events/:id',
    summary: '集中开竣工活动及其参加项目（含真开工标记）',
    tag: 'campaigns',
    params: IdParams,
    response: CampaignEventDetail,
  }),
  createCampaignEvent: endpoint({
    method: 'POST',
    path: '/api/campaign-events',
    summary: '新建集中开竣工活动（本级重点办）',
    tag: 'campaigns',
    body: SaveCampaignEvent,
    response: CampaignEventDetail,
  }),
  updateCampaignEvent: endpoint({
    method: 'PATCH',
    path: '/api/campaign-events/:id',
    summary: '修改集中开竣工活动（本级重点办）',
    tag: 'campaigns',
    params: IdParams,
    body: UpdateCampaignEvent,
    response: CampaignEventDetail,
  }),
  deleteCampaignEvent: endpoint({
    method: 'DELETE',
    path: '/api/campaign-events/:id',
    summary: '删除集中开竣工活动',
    tag: 'campaigns',
    params: IdParams,
    query: CampaignVersionQuery,
    response: Ok,
  }),
  projectCampaignEvents: endpoint({
    method: 'GET',
    path: '/api/projects/:id/campaign-events',
    summary: '项目参加的集中开竣工活动',
    tag: 'campaigns',
    params: IdParams,
    response: z.object({ data: z.array(ProjectCampaignEvent) }),
  }),
} as const;
