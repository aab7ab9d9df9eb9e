import {
  findingSeverities,
  findingStatuses,
  inspectionCategories,
  inspectionChecklistPresets,
  itemResults,
} from '@tuijin/domain';
import { z } from 'zod';
import { Id, PageInfo, QueryBoolean, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { ProjectFile } from './projects.contract';
import { PhotoFinding } from './site-photos.contract';

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

export const InspectionCategory = z.enum(inspectionCategories, { message: '检查类别无效' });
export const ItemResult = z.enum(itemResults, { message: '检查结果应为合格、发现问题或不适用' });
export type ItemResult = z.infer<typeof ItemResult>;
export const FindingSeverity = z.enum(findingSeverities, { message: '严重程度应为一般、较重或严重' });
export type FindingSeverity = z.infer<typeof FindingSeverity>;
export const FindingStatus = z.enum(findingStatuses, { message: '整改状态无效' });
export type FindingStatus = z.infer<typeof FindingStatus>;
const presetKeys = inspectionChecklistPresets.map((p) => p.key) as [string, ...string[]];
export const ChecklistPresetKey = z.enum(presetKeys, { message: '预置清单不存在' });

export const ChecklistItem = z
  .object({
    key: requiredText(40).describe('检查项编号（清单内唯一）'),
    text: requiredText(200).describe('检查内容'),
    category: InspectionCategory.describe('类别'),
  })
  .strict();
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** A checklist as a region sees it: its own, one inherited from above, or a preset (id null). */
export const InspectionChecklist = z.object({
  id: Id.nullable().describe('清单编号；预置清单为空'),
  presetKey: z.string().nullable(),
  regionCode: z.string().nullable(),
  name: z.string(),
  items: z.array(z.object({ key: z.string(), text: z.string(), category: InspectionCategory })),
  active: z.boolean(),
  version: z.number().int(),
});
export type InspectionChecklist = z.infer<typeof InspectionChecklist>;

export const InspectionChecklistView = z.object({
  regionCode: z.string(),
  /** Where the lists shown come from: this region, one above it, or null for the presets. */
  sourceRegionCode: z.string().nullable(),
  sourceRegionName: z.string().nullable(),
  canManage: z.boolean().describe('可修改本辖区清单'),
  canStartOwn: z.boolean().describe('可复制上级或预置清单为本辖区清单'),
  data: z.array(InspectionChecklist),
});
export type InspectionChecklistView = z.infer<typeof InspectionChecklistView>;

export const ChecklistRegionQuery = z
  .object({ regionCode: z.string().max(20).optional().describe('辖区，默认本人所在') })
  .strict();
export const CopyInspectionChecklists = z
  .object({ regionCode: z.string().max(20).describe('要建立本辖区清单的区域') })
  .strict();
export const CreateInspectionChecklist = z
  .object({
    regionCode: z.string().max(20),
    name: requiredText(50).describe('清单名称'),
    items: z.array(ChecklistItem).min(1, { message: '至少需要一项检查内容' }).max(100),
  })
  .strict();
export type CreateInspectionChecklist = z.infer<typeof CreateInspectionChecklist>;
export const UpdateInspectionChecklist = z
  .object({
    version: Version,
    name: requiredText(50),
    items: z.array(ChecklistItem).min(1, { message: '至少需要一项检查内容' }).max(100),
    active: z.boolean(),
  })
  .strict();
export type UpdateInspectionChecklist = z.infer<typeof UpdateInspectionChecklist>;

/** 登记督查: the site, the day, the checklist used, a result per item and the findings. */
export const RecordInspection = z
  .object({
    projectId: Id.describe('督查的项目'),
    inspectedOn: IsoDate.describe('督查日期（不晚于今天）'),
    checklistId: Id.nullable().default(null).describe('所用清单（本辖区或上级的）'),
    presetKey: ChecklistPresetKey.nullable().default(null).describe('或所用预置清单'),
    results: z
      .array(
        z
          .object({ key: requiredText(40), result: ItemResult, note: text(500).nullable().default(null) })
          .strict(),
      )
      .max(100)
      .describe('每项检查结果；未列出的项视为不适用'),
    findings: z
      .array(
        z
          .object({
            itemKey: requiredText(40).describe('发现问题的检查项'),
            description: requiredText(1000).describe('问题描述'),
            severity: FindingSeverity,
            deadlineOn: IsoDate.nullable().default(null).describe('整改期限；空则按严重程度计工作日'),
          })
          .strict(),
      )
      .max(50),
    note: text(1000).nullable().default(null).describe('督查意见'),
    siteContact: text(100).nullable().default(null).describe('现场负责人及电话'),
  })
  .strict();
export type RecordInspection = z.input<typeof RecordInspection>;

export const FindingPhoto = ProjectFile.extend({
  role: z.enum(['finding', 'reply']),
  evidence: z.array(PhotoFinding).describe('照片核验提示（仅提醒，不阻止）'),
});
export type FindingPhoto = z.infer<typeof FindingPhoto>;

export const InspectionFinding = z.object({
  id: Id,
  inspectionId: Id,
  projectId: Id,
  projectName: z.string(),
  regionName: z.string(),
  foundOn: z.string(),
  organisationName: z.string().describe('督查单位'),
  itemKey: z.string(),
  itemText: z.string(),
  category: InspectionCategory,
  description: z.string(),
  severity: FindingSeverity,
  deadlineOn: z.string(),
  isDeadlineProvisional: z.boolean(),
  status: FindingStatus,
  isOverdue: z.boolean(),
  replyText: z.string().nullable(),
  repliedOn: z.string().nullable(),
  repliedByName: z.string().nullable(),
  returnReason: z.string().nullable(),
  returnCount: z.number().int(),
  closedOn: z.string().nullable(),
  closedByName: z.string().nullable(),
  closeNote: z.string().nullable(),
  problem: z.object({ id: Id, referenceNumber: z.string() }).nullable(),
  canReply: z.boolean(),
  canReview: z.boolean().describe('督查单位：可销号、退回、补充照片'),
  canRaiseProblem: z.boolean(),
  version: z.number().int(),
});
export type InspectionFinding = z.infer<typeof InspectionFinding>;

export const InspectionFindingDetail = InspectionFinding.extend({ photos: z.array(FindingPhoto) });
export type InspectionFindingDetail = z.infer<typeof InspectionFindingDetail>;

export const Inspection = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  regionName: z.string(),
  inspectedOn: z.string(),
  organisationName: z.string(),
  inspectorName: z.string(),
  checklistName: z.string(),
  items: z.array(
    z.object({
      key: z.string(),
      text: z.string(),
      category: InspectionCategory,
      result: ItemResult,
      note: z.string().nullable(),
    }),
  ),
  note: z.string().nullable(),
  siteContact: z.string().nullable(),
  findings: z.array(InspectionFinding),
});
export type Inspection = z.infer<typeof Inspection>;

export const InspectionListQuery = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    regionCode: z.string().max(20).optional(),
    projectId: Id.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type InspectionListQuery = z.input<typeof InspectionListQuery>;
export const InspectionList = z.object({ data: z.array(Inspection), page: PageInfo });

export const FindingListQuery = z
  .object({
    from: IsoDate.optional().describe('发现日期起'),
    to: IsoDate.optional(),
    regionCode: z.string().max(20).optional(),
    projectId: Id.optional(),
    status: FindingStatus.optional(),
    overdueOnly: QueryBoolean.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type FindingListQuery = z.input<typeof FindingListQuery>;
export const FindingList = z.object({
  data: z.array(InspectionFinding),
  page: PageInfo,
  asOf: z.string(),
});

export const CloseFinding = z
  .object({ version: Version, note: text(500).nullable().default(null).describe('销号意见') })
  .strict();
export type CloseFinding = z.input<typeof CloseFinding>;
export const ReturnFinding = z
  .object({
    version: Version,
    reason: requiredText(500).describe('复核不通过的原因'),
    deadlineOn: IsoDate.nullable().default(null).describe('新的整改期限；空则不变'),
  })
  .strict();
export type ReturnFinding = z.input<typeof ReturnFinding>;
export const RaiseFindingProblem = z.object({ version: Version }).strict();

export const InspectionCoverageQuery = z
  .object({
    period: z.enum(['day', 'week']).default('day'),
    on: IsoDate.optional().describe('日期（周为其所在的自然周）；默认今天'),
    regionCode: z.string().max(20).optional(),
  })
  .strict();
export type InspectionCoverageQuery = z.input<typeof InspectionCoverageQuery>;

const CoverageCounts = z.object({
  sites: z.number().int().describe('在建（含新开工）项目数'),
  inspected: z.number().int().describe('督查覆盖的项目数'),
  rate: z.number().nullable().describe('覆盖率 %'),
  inspections: z.number().int(),
  findings: z.number().int(),
});
export const InspectionCoverage = z.object({
  period: z.string(),
  start: z.string(),
  end: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  rows: z.array(CoverageCounts.extend({ regionCode: z.string(), regionName: z.string() })),
  total: CoverageCounts,
  notInspected: z.array(z.object({ id: Id, name: z.string(), regionName: z.string() })),
  canRecord: z.boolean(),
});
export type InspectionCoverage = z.infer<typeof InspectionCoverage>;

/** The finding-photo upload's and the reply's answer: the finding as it is now. */
export const InspectionFindingAnswer = InspectionFindingDetail;

export const inspectionsEndpoints = {
  getInspectionChecklists: endpoint({
    method: 'GET',
    path: '/api/inspection-checklists',
    summary: '督查清单：本辖区适用的清单（本级、上级或预置）',
    tag: 'inspections',
    query: ChecklistRegionQuery,
    response: InspectionChecklistView,
  }),
  copyInspectionChecklists: endpoint({
    method: 'POST',
    path: '/api/inspection-checklists/copy',
    summary: '复制上级或预置清单为本辖区督查清单（重点办）',
    tag: 'inspections',
    body: CopyInspectionChecklists,
    response: InspectionChecklistView,
  }),
  createInspectionChecklist: endpoint({
    method: 'POST',
    path: '/api/inspection-checklists',
    summary: '新增本辖区督查清单（重点办）',
    tag: 'inspections',
    body: CreateInspectionChecklist,
    response: InspectionChecklistView,
  }),
  updateInspectionChecklist: endpoint({
    method: 'PATCH',
    path: '/api/inspection-checklists/:id',
    summary: '修改本辖区督查清单（重点办）',
    tag: 'inspections',
    params: IdParams,
    body: UpdateInspectionChecklist,
    response: InspectionChecklistView,
  }),
  recordInspection: endpoint({
    method: 'POST',
    path: '/api/inspections',
    summary: '登记一次现场督查及发现的问题',
    tag: 'inspections',
    body: RecordInspection,
    response: Inspection,
  }),
  listInspections: endpoint({
    method: 'GET',
    path: '/api/inspections',
    summary: '督查记录（日期、辖区、项目）',
    tag: 'inspections',
    query: InspectionListQuery,
    response: InspectionList,
  }),
  getInspectionCoverage: endpoint({
    method: 'GET',
    path: '/api/inspections/coverage',
    summary: '督查覆盖：按日或周、各下级区域的在建项目覆盖率与未督查项目',
    tag: 'inspections',
    query: InspectionCoverageQuery,
    response: InspectionCoverage,
  }),
  listInspectionFindings: endpoint({
    method: 'GET',
    path: '/api/inspection-findings',
    summary: '督查问题清单（状态、逾期、辖区、项目）',
    tag: 'inspections',
    query: FindingListQuery,
    response: FindingList,
  }),
  getInspectionFinding: endpoint({
    method: 'GET',
    path: '/api/inspection-findings/:id',
    summary: '督查问题详情及照片核验提示',
    tag: 'inspections',
    params: IdParams,
    response: InspectionFindingDetail,
  }),
  closeInspectionFinding: endpoint({
    method: 'POST',
    path: '/api/inspection-findings/:id/close',
    summary: '复核通过，销号（督查单位）',
    tag: 'inspections',
    params: IdParams,
    body: CloseFinding,
    response: InspectionFindingDetail,
  }),
  returnInspectionFinding: endpoint({
    method: 'POST',
    path: '/api/inspection-findings/:id/return',
    summary: '复核不通过，退回整改（督查单位）',
    tag: 'inspections',
    params: IdParams,
    body: ReturnFinding,
    response: InspectionFindingDetail,
  }),
  raiseInspectionFindingProblem: endpoint({
    method: 'POST',
    path: '/api/inspection-findings/:id/raise-problem',
    summary: '督查问题转为问题（进入问题闭环）',
    tag: 'inspections',
    params: IdParams,
    body: RaiseFindingProblem,
    response: InspectionFindingDetail,
  }),
} as const;

/** The fields of the owner's reply (multipart, before or after its `files`): the version answered and what was done. */
export const FindingReplyFields = z
  .object({
    version: z.coerce.number({ message: '缺少版本号' }).int().min(0),
    text: requiredText(1000).describe('整改情况'),
  })
  .strict();
