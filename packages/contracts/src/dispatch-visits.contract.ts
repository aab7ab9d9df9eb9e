import { z } from 'zod';
import { Id, PageInfo, PageQuery, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { EvidencePhoto } from './site-photos.contract';

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

export const VisitorKind = z.enum(['leader', 'head', 'department', 'serviceGroup']);
export type VisitorKind = z.infer<typeof VisitorKind>;

export const FieldVisit = z.object({
  id: Id,
  regionCode: z.string(),
  visitorKind: VisitorKind,
  visitorUserId: Id.nullable(),
  visitorOrganisationId: Id.nullable(),
  visitorName: z.string(),
  visitedOn: IsoDate,
  summary: z.string(),
  solvedOnSpot: z.number().int(),
  projects: z.array(z.object({ id: Id, name: z.string() })),
  problems: z.array(z.object({ id: Id, referenceNumber: z.string(), status: z.string() })),
  /**
   * Site photos: project files of the visited projects, linked to the visit, each judged against the
   * nearest of the visit's projects and the visit's window (the day before to the day after).
   */
  photos: z.array(EvidencePhoto.extend({ judgedAgainst: z.object({ id: Id, name: z.string() }) })),
  createdByName: z.string(),
});
export type FieldVisit = z.infer<typeof FieldVisit>;

export const RecordFieldVisit = z
  .object({
    regionCode: z.string().max(20),
    visitorKind: VisitorKind,
    visitorUserId: Id.nullable().optional(),
    visitorOrganisationId: Id.nullable().optional(),
    visitorName: requiredText(60).describe('走访人（领导、部门或服务专班）'),
    visitedOn: IsoDate,
    projectIds: z.array(Id).min(1, { message: '至少选择一个走访的项目' }).max(50),
    summary: text(2000).optional(),
    solvedOnSpot: z.number().int().min(0).max(100).optional().describe('现场解决的问题数'),
    fileIds: z.array(Id).max(20).optional().describe('现场照片（先上传为走访项目的项目文件）'),
  })
  .strict();
export type RecordFieldVisit = z.infer<typeof RecordFieldVisit>;

export const FieldVisitQuery = PageQuery.extend({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  regionCode: z.string().max(20).optional(),
  visitor: text(60).optional().describe('走访人（与记录上的走访人一致）'),
  id: Id.optional().describe('一条走访记录（调度频次的佐证）'),
}).strict();

export const FieldVisitPage = z.object({ data: z.array(FieldVisit), page: PageInfo });

export const LinkVisitProblem = z.object({ problemId: Id }).strict();

export const CoverageQuery = z
  .object({
    regionCode: z.string().max(20).optional(),
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/, { message: '季度格式应为 2026-Q4' }),
  })
  .strict();

export const VisitCoverage = z.object({
  regionCode: z.string(),
  quarter: z.string(),
  /** Key projects of the region (not yet 投产 / 竣工) — the denominator. */
  keyProjects: z.number().int(),
  visited: z.number().int(),
  /** visited / keyProjects as a percentage with one decimal, as a string ("83.3"). */
  share: z.string(),
  byVisitor: z.array(
    z.object({
      visitorKind: VisitorKind,
      visitorName: z.string(),
      visits: z.number().int(),
      projectsVisited: z.number().int(),
      share: z.string(),
      problemsFound: z.number().int(),
      solvedOnSpot: z.number().int(),
    }),
  ),
});

export const CadenceRole = z.enum(['department', 'linkedLeader', 'head']);

export const CadenceRules = z.object({
  regionCode: z.string(),
  requirements: z.array(z.object({ role: CadenceRole, perMonth: z.number().int() })),
  headUserId: Id.nullable(),
  /** False until the office saves its own (the 321 preset applies meanwhile). */
  saved: z.boolean(),
  canManage: z.boolean(),
  version: z.number().int(),
});

export const SaveCadenceRules = z
  .object({
    requirements: z
      .array(
        z
          .object({
            role: CadenceRole,
            perMonth: z
              .number()
              .int()
              .min(0, { message: '不能小于 0' })
              .max(31, { message: '每月不超过 31 次' }),
          })
          .strict(),
      )
      .max(3),
    headUserId: Id.nullable(),
    version: Version.nullable(),
  })
  .strict();

export const ComplianceQuery = z
  .object({
    regionCode: z.string().max(20).optional(),
    month: z.string().regex(/^\d{4}-\d{2}$/, { message: '月份格式应为 2026-10' }),
  })
  .strict();

export const CadenceCompliance = z.object({
  regionCode: z.string(),
  month: z.string(),
  rows: z.array(
    z.object({
      party: z.object({ key: z.string(), role: CadenceRole, name: z.string() }),
      required: z.number().int(),
      held: z.number().int(),
      shortBy: z.number().int(),
      met: z.boolean(),
      byKind: z.object({
        meetingChaired: z.number().int(),
        siteVisit: z.number().int(),
        reportHearing: z.number().int(),
      }),
      evidence: z.array(z.object({ kind: z.enum(['meeting', 'visit']), id: Id, title: z.string() })),
    }),
  ),
});

export const CadenceRow = CadenceCompliance.shape.rows.element;
export type CadenceRow = z.infer<typeof CadenceRow>;

export const MyDispatchQuery = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/, { message: '月份格式应为 2026-10' })
      .optional(),
  })
  .strict();

/** 挂钩领导的调度页: the projects the reader is linked to and the reader's own cadence of a month. */
export const MyDispatch = z.object({
  /** The latest reporting month (当前报送月份) the projects' figures are of. */
  reportingMonth: z.string(),
  /** 序时进度 at the end of the reporting month (months ÷ 12), percent with one decimal. */
  timeProgress: z.string(),
  /** The cadence month (default: this month by today's date). */
  month: z.string(),
  projects: z.array(
    z.object({
      id: Id,
      name: z.string(),
      regionName: z.string(),
      stage: z.string(),
      colour: z.enum(['red', 'yellow', 'green']).nullable(),
      /** Year-to-date / the year's plan, percent with one decimal; null without a plan. */
      completion: z.string().nullable(),
      /** Completion below 序时进度. */
      behind: z.boolean(),
      openProblems: z.number().int(),
      openTasks: z.number().int(),
    }),
  ),
  /** The reader's row of the compliance table of its region (null: not a party there). */
  cadence: CadenceRow.nullable(),
});
export type MyDispatch = z.infer<typeof MyDispatch>;

export const dispatchVisitEndpoints = {
  getMyDispatch: endpoint({
    method: 'GET',
    path: '/api/my-dispatch',
    summary: '挂钩领导：我挂钩的项目（三色、完成率与序时进度、未办结问题与交办事项）和我的调度频次',
    tag: 'dispatch',
    query: MyDispatchQuery,
    response: MyDispatch,
  }),
  recordFieldVisit: endpoint({
    method: 'POST',
    path: '/api/field-visits',
    summary: '登记一线走访（走访人、项目、现场解决）',
    tag: 'dispatch',
    body: RecordFieldVisit,
    response: FieldVisit,
  }),
  listFieldVisits: endpoint({
    method: 'GET',
    path: '/api/field-visits',
    summary: '一线走访记录（本辖区）',
    tag: 'dispatch',
    query: FieldVisitQuery,
    response: FieldVisitPage,
  }),
  linkVisitProblem: endpoint({
    method: 'POST',
    path: '/api/field-visits/:id/problems',
    summary: '走访发现的问题（已按“一线走访”渠道提出）关联到走访记录',
    tag: 'dispatch',
    params: IdParams,
    body: LinkVisitProblem,
    response: FieldVisit,
  }),
  getVisitCoverage: endpoint({
    method: 'GET',
    path: '/api/field-visits/coverage',
    summary: '走访覆盖率：本季度走访过的重点项目占比（按走访人、服务专班）',
    tag: 'dispatch',
    query: CoverageQuery,
    response: VisitCoverage,
  }),
  getCadenceRules: endpoint({
    method: 'GET',
    path: '/api/cadence-rules/:regionCode',
    summary: '调度频次要求（默认惠安“321”）与本级主要领导',
    tag: 'dispatch',
    params: z.object({ regionCode: z.string().max(20) }),
    response: CadenceRules,
  }),
  saveCadenceRules: endpoint({
    method: 'PUT',
    path: '/api/cadence-rules/:regionCode',
    summary: '设置调度频次要求',
    tag: 'dispatch',
    params: z.object({ regionCode: z.string().max(20) }),
    body: SaveCadenceRules,
    response: CadenceRules,
  }),
  getCadenceCompliance: endpoint({
    method: 'GET',
    path: '/api/cadence-compliance',
    summary: '调度频次达标情况（按月，逐项附佐证）',
    tag: 'dispatch',
    query: ComplianceQuery,
    response: CadenceCompliance,
  }),
};
