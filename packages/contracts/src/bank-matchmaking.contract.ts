import { bankFollowUpStatuses, bankLevels } from '@tuijin/domain';
import { z } from 'zod';
import { Id, Ok, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { WanYuan } from './money';

export const BankLevel = z.enum(bankLevels, {
  message: '银行层级应为总行、省级分行、市级分行、县级支行或地方法人银行',
});
export type BankLevel = z.infer<typeof BankLevel>;
export const BankFollowUpStatus = z.enum(bankFollowUpStatuses, {
  message: '对接状态应为已推送、对接中、已授信、已放款或未成功',
});
export type BankFollowUpStatus = z.infer<typeof BankFollowUpStatus>;

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const Year = z.coerce.number().int().min(2000).max(2100);

/** A bank of the jurisdiction's list. */
export const SaveBank = z
  .object({
    name: requiredText(100).describe('银行全称，如 中国农业发展银行宁德市分行'),
    shortName: text(30).nullable().default(null).describe('简称，如 农发行'),
    level: BankLevel.describe(
      'head 总行，provincial 省级分行，city 市级分行，county 县级支行，local 地方法人银行',
    ),
    sortOrder: z.number().int().min(0).max(9999).default(0).describe('排序'),
  })
  .strict();
export type SaveBank = z.input<typeof SaveBank>;
export const UpdateBank = SaveBank.extend({ version: Version }).strict();
export type UpdateBank = z.input<typeof UpdateBank>;

export const Bank = z.object({
  id: Id,
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: BankLevel,
  sortOrder: z.number().int(),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type Bank = z.infer<typeof Bank>;

/** A project pushed at an event: financing need, purpose, and the banks it goes to with credit signed. */
export const BankPushInput = z
  .object({
    projectId: Id,
    financingNeedWanYuan: WanYuan.describe('融资需求（万元）'),
    purpose: requiredText(200).describe('资金用途'),
    banks: z
      .array(
        z
          .object({
            bankId: Id,
            signedWanYuan: WanYuan.nullable().default(null).describe('现场授信/签约金额（万元）；空则未签约'),
          })
          .strict(),
      )
      .min(1, { message: '至少推送给一家银行' })
      .max(50, { message: '推送银行不能超过 50 家' }),
  })
  .strict();

/** 政银企对接会: date, title, venue, organiser, banks attending and projects pushed. */
export const SaveBankEvent = z
  .object({
    title: requiredText(100).describe('对接会名称'),
    heldOn: IsoDate.describe('举办日期'),
    venue: requiredText(200).describe('地点'),
    organiser: requiredText(200).describe('主办单位'),
    note: text(1000).nullable().default(null),
    bankIds: z.array(Id).max(100, { message: '参会银行不能超过 100 家' }).default([]).describe('参会银行'),
    pushes: z.array(BankPushInput).max(500, { message: '推送项目不能超过 500 个' }).default([]),
  })
  .strict();
export type SaveBankEvent = z.input<typeof SaveBankEvent>;
export const UpdateBankEvent = SaveBankEvent.extend({ version: Version }).strict();
export type UpdateBankEvent = z.input<typeof UpdateBankEvent>;

const BankRef = z.object({ id: Id, name: z.string(), shortName: z.string().nullable() });

export const BankEventSummary = z.object({
  id: Id,
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  heldOn: z.string(),
  venue: z.string(),
  organiser: z.string(),
  note: z.string().nullable(),
  banks: z.array(BankRef),
  projectsPushed: z.number().int().describe('本人可见的推送项目数'),
  creditSignedWanYuan: z.string().describe('本人可见项目的现场签约授信（万元）'),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type BankEventSummary = z.infer<typeof BankEventSummary>;

export const BankPush = z.object({
  projectId: Id,
  projectName: z.string(),
  regionName: z.string(),
  financingNeedWanYuan: z.string(),
  purpose: z.string(),
  banks: z.array(z.object({ bankId: Id, bankName: z.string(), signedWanYuan: z.string().nullable() })),
});
export type BankPush = z.infer<typeof BankPush>;

export const BankEventDetail = BankEventSummary.extend({ pushes: z.array(BankPush) });
export type BankEventDetail = z.infer<typeof BankEventDetail>;

export const BankFollowUp = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  regionName: z.string(),
  bankId: Id,
  bankName: z.string(),
  status: BankFollowUpStatus,
  failureReason: z.string().nullable(),
  creditGrantedWanYuan: z.string().nullable(),
  disbursedWanYuan: z.string().nullable(),
  disbursedOn: z.string().nullable(),
  rolledOverWanYuan: z.string().nullable(),
  rolledOverOn: z.string().nullable(),
  nextStep: z.string().nullable(),
  followedUpOn: z.string().nullable(),
  firstPushedOn: z.string().nullable().describe('首次推送的对接会日期'),
  signedWanYuan: z.string().describe('各次对接会现场签约合计（万元）'),
  moves: z.array(BankFollowUpStatus).describe('可改为的状态'),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type BankFollowUp = z.infer<typeof BankFollowUp>;

/** 跟进: status (moves by the table), credit granted, loans disbursed and rolled over, next step. */
export const UpdateBankFollowUp = z
  .object({
    status: BankFollowUpStatus,
    failureReason: text(500).nullable().default(null).describe('未成功原因'),
    creditGrantedWanYuan: WanYuan.nullable().default(null).describe('授信金额（万元）'),
    disbursedWanYuan: WanYuan.nullable().default(null).describe('累计放款（万元）'),
    disbursedOn: IsoDate.nullable().default(null).describe('最近放款日期'),
    rolledOverWanYuan: WanYuan.nullable().default(null).describe('续贷金额（万元）'),
    rolledOverOn: IsoDate.nullable().default(null).describe('续贷日期'),
    nextStep: text(500).nullable().default(null).describe('下一步'),
    followedUpOn: IsoDate.nullable().default(null).describe('跟进日期'),
    version: Version,
  })
  .strict();
export type UpdateBankFollowUp = z.input<typeof UpdateBankFollowUp>;

export const BankFollowUpQuery = z
  .object({
    bankId: Id.optional(),
    status: BankFollowUpStatus.optional(),
  })
  .strict();
export type BankFollowUpQuery = z.infer<typeof BankFollowUpQuery>;

export const BankMatchmakingFigures = z.object({
  events: z.number().int().describe('对接会场次'),
  projectsPushed: z.number().int().describe('推送项目数（去重）'),
  pairsPushed: z.number().int().describe('项目×银行对接数'),
  banksPerProject: z.string().nullable().describe('平均每个项目对接银行数（一位小数）'),
  creditSignedWanYuan: z.string(),
  creditSignedYiYuan: z.string().describe('签约授信（亿元）'),
  disbursedWanYuan: z.string(),
  disbursedYiYuan: z.string().describe('当年放款（亿元）'),
  rolledOverWanYuan: z.string(),
  rolledOverYiYuan: z.string().describe('当年续贷（亿元）'),
});
export type BankMatchmakingFigures = z.infer<typeof BankMatchmakingFigures>;

export const BankMatchmakingOverviewQuery = z
  .object({
    year: Year.optional().describe('年度，默认本年'),
    regionCode: z.string().max(20).optional().describe('辖区，默认本人所在'),
  })
  .strict();
export type BankMatchmakingOverviewQuery = z.infer<typeof BankMatchmakingOverviewQuery>;

export const BankMatchmakingOverview = z.object({
  year: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  totals: BankMatchmakingFigures,
  regions: z.array(BankMatchmakingFigures.extend({ regionCode: z.string(), regionName: z.string() })),
  events: z.array(BankEventSummary).describe('该年本人可见的对接会'),
  canManage: z.boolean().describe('本级重点办可新建对接会和银行'),
});
export type BankMatchmakingOverview = z.infer<typeof BankMatchmakingOverview>;

export const BankPushListQuery = z
  .object({
    year: Year.optional().describe('年度，默认本年'),
    bankId: Id.optional().describe('只导出一家银行；空则每家银行一张表'),
  })
  .strict();
export type BankPushListQuery = z.infer<typeof BankPushListQuery>;

const BankVersionQuery = z.object({ version: z.coerce.number().int().min(0) }).strict();

export const bankMatchmakingEndpoints = {
  bankMatchmakingOverview: endpoint({
    method: 'GET',
    path: '/api/bank-matchmaking/overview',
    summary: '政银企对接：年度数字（含下级分列）与对接会',
    tag: 'bank-matchmaking',
    query: BankMatchmakingOverviewQuery,
    response: BankMatchmakingOverview,
  }),
  listBanks: endpoint({
    method: 'GET',
    path: '/api/bank-matchmaking/banks',
    summary: '本级及上级的银行名录',
    tag: 'bank-matchmaking',
    response: z.object({ data: z.array(Bank) }),
  }),
  createBank: endpoint({
    method: 'POST',
    path: '/api/bank-matchmaking/banks',
    summary: '新增银行（本级重点办）',
    tag: 'bank-matchmaking',
    body: SaveBank,
    response: Bank,
  }),
  updateBank: endpoint({
    method: 'PATCH',
    path: '/api/bank-matchmaking/banks/:id',
    summary: '修改银行（本级重点办）',
    tag: 'bank-matchmaking',
    params: IdParams,
    body: UpdateBank,
    response: Bank,
  }),
  deleteBank: endpoint({
    method: 'DELETE',
    path: '/api/bank-matchmaking/banks/:id',
    summary: '删除未参会的银行',
    tag: 'bank-matchmaking',
    params: IdParams,
    query: BankVersionQuery,
    response: Ok,
  }),
  getBankEvent: endpoint({
    method: 'GET',
    path: '/api/bank-matchmaking/events/:id',
    summary: '政银企对接会及其推送项目×银行',
    tag: 'bank-matchmaking',
    params: IdParams,
    response: BankEventDetail,
  }),
  createBankEvent: endpoint({
    method: 'POST',
    path: '/api/bank-matchmaking/events',
    summary: '新建政银企对接会（本级重点办）',
    tag: 'bank-matchmaking',
    body: SaveBankEvent,
    response: BankEventDetail,
  }),
  updateBankEvent: endpoint({
    method: 'PATCH',
    path: '/api/bank-matchmaking/events/:id',
    summary: '修改政银企对接会（本级重点办）',
    tag: 'bank-matchmaking',
    params: IdParams,
    body: UpdateBankEvent,
    response: BankEventDetail,
  }),
  findBankFollowUps: endpoint({
    method: 'GET',
    path: '/api/bank-matchmaking/follow-ups',
    summary: '项目×银行跟进台账',
    tag: 'bank-matchmaking',
    query: BankFollowUpQuery,
    response: z.object({ data: z.array(BankFollowUp) }),
  }),
  updateBankFollowUp: endpoint({
    method: 'PATCH',
    path: '/api/bank-matchmaking/follow-ups/:id',
    summary: '更新项目×银行跟进（状态、授信、放款、续贷）',
    tag: 'bank-matchmaking',
    params: IdParams,
    body: UpdateBankFollowUp,
    response: BankFollowUp,
  }),
  projectBankFollowUps: endpoint({
    method: 'GET',
    path: '/api/projects/:id/bank-follow-ups',
    summary: '项目的银企对接跟进',
    tag: 'bank-matchmaking',
    params: IdParams,
    response: z.object({ data: z.array(BankFollowUp) }),
  }),
} as const;
