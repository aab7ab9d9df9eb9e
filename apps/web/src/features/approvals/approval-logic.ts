import type {
  ApprovalItem,
  ApprovalProcedure,
  ApprovalStatus,
  MoveApprovalItem,
  UpdateApprovalItem,
} from '@tuijin/contracts';
import { ApprovalItemQuery } from '@tuijin/contracts';
import { type ApprovalColour, type ApprovalItemField, approvalColours, type Role } from '@tuijin/domain';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../api/client';
import type { approvalsZhCN } from '../../i18n/approvals.zh-CN';
import type { ApprovalItemsQuery } from './approvals.queries';

type TimingKey = keyof typeof approvalsZhCN.approvals.timing;

/** A text still to be translated: a key of `approvals.timing` and its values. */
export interface TimingText {
  key: TimingKey;
  values: Record<string, string | number>;
}

/** Tag colours of the time-limit colours; the clock not running and a finished item stay neutral. */
export const timingTagColours: Record<ApprovalColour, string> = {
  none: 'default',
  green: 'green',
  yellow: 'gold',
  red: 'red',
  overdue: 'magenta',
  done: 'default',
};

/**
 * The time-limit tag of an item: its colour and text, e.g. "已用 6/10 个工作日 · 截止 2026-12-18"
 * while the department's clock runs, "按时办结 · 用时 6/10 个工作日" once approved. None for an
 * item taken off the list (不需办理).
 */
export function timingTag(
  item: Pick<ApprovalItem, 'status' | 'committedDays' | 'timing'>,
): { colour: string; text: TimingText } | null {
  if (item.status === 'not_needed') return null;
  const { colour, elapsedDays, dueOn, approvedInTime } = item.timing;
  const limit = item.committedDays;
  if (colour === 'none' || elapsedDays === null)
    return { colour: timingTagColours.none, text: { key: 'none', values: {} } };
  if (colour === 'done')
    return {
      colour: timingTagColours.done,
      text: {
        key: approvedInTime === false ? 'doneLate' : 'doneInTime',
        values: { elapsed: elapsedDays, limit },
      },
    };
  return {
    colour: timingTagColours[colour],
    text: {
      key: colour === 'overdue' ? 'overdue' : 'running',
      values: { elapsed: elapsedDays, limit, dueOn: dueOn ?? '' },
    },
  };
}

/** The critical chain's item ids as names, in chain order (ids no longer on the list are skipped). */
export function chainNames(chain: readonly string[], items: readonly Pick<ApprovalItem, 'id' | 'name'>[]) {
  const names = new Map(items.map((item) => [item.id, item.name]));
  return chain.flatMap((id) => {
    const name = names.get(id);
    return name === undefined ? [] : [name];
  });
}

/** Catalogue procedures that can still be added: active ones not already on the checklist (by id or code). */
export function addableProcedures(
  procedures: readonly ApprovalProcedure[],
  items: readonly Pick<ApprovalItem, 'procedureId' | 'code'>[],
): ApprovalProcedure[] {
  const onList = new Set(
    items.flatMap((item) => (item.procedureId ? [item.procedureId, item.code] : [item.code])),
  );
  return procedures.filter(
    (procedure) => procedure.active && !onList.has(procedure.id) && !onList.has(procedure.code),
  );
}

/** 退回, 不需办理 and reopening an approval (已批复 → 已受理) must say why. */
export function isReasonRequired(from: ApprovalStatus, to: ApprovalStatus | undefined): boolean {
  return to === 'returned' || to === 'not_needed' || (from === 'approved' && to === 'accepted');
}

/** What the 办理 form holds. */
export interface MoveValues {
  to: ApprovalStatus;
  on: Dayjs;
  reason?: string;
  approvalNumber?: string;
  missingMaterials?: { name?: string; promisedDays?: number | null }[];
}

/**
 * The move request: the reason when given, the 文号 only for an approval, the missing materials only
 * for 容缺受理 (a material without its own promise takes the jurisdiction's default).
 */
export function moveBody(values: MoveValues, version: number): MoveApprovalItem {
  const reason = values.reason?.trim();
  const approvalNumber = values.approvalNumber?.trim();
  return {
    version,
    to: values.to,
    on: values.on.format('YYYY-MM-DD'),
    ...(reason ? { reason } : {}),
    ...(values.to === 'approved' && approvalNumber ? { approvalNumber } : {}),
    ...(values.to === 'accepted_with_gaps'
      ? {
          missingMaterials: (values.missingMaterials ?? []).map((material) => ({
            name: material.name?.trim() ?? '',
            ...(typeof material.promisedDays === 'number' ? { promisedDays: material.promisedDays } : {}),
          })),
        }
      : {}),
  };
}

/** What the 编辑 drawer holds (dates as picked, texts as typed). */
export interface EditValues {
  agentUserId?: string | null;
  departmentId?: string | null;
  handlerName?: string | null;
  materialsReadyOn?: Dayjs | null;
  submittedOn?: Dayjs | null;
  approvalNumber?: string | null;
  committedDays?: number | null;
  requiredBeforeStart?: boolean;
  note?: string | null;
}

/** The fields the drawer offers, in its order (dependsOn is not edited here). */
export const editFieldOrder = [
  'agentUserId',
  'departmentId',
  'handlerName',
  'materialsReadyOn',
  'submittedOn',
  'approvalNumber',
  'committedDays',
  'requiredBeforeStart',
  'note',
] as const satisfies readonly ApprovalItemField[];
export type EditField = (typeof editFieldOrder)[number];

/** The drawer's fields the reader may change, in drawer order. */
export const editableFieldsOf = (editable: readonly string[]): EditField[] =>
  editFieldOrder.filter((field) => editable.includes(field));

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const dateOrNull = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** The PATCH body: only the fields the reader may change; cleared texts and dates become null. */
export function editBody(
  values: EditValues,
  editable: readonly string[],
  version: number,
): UpdateApprovalItem {
  const body: UpdateApprovalItem = { version };
  for (const field of editableFieldsOf(editable)) {
    if (field === 'agentUserId' || field === 'departmentId') body[field] = values[field] ?? null;
    else if (field === 'handlerName' || field === 'approvalNumber' || field === 'note')
      body[field] = blankToNull(values[field]);
    else if (field === 'materialsReadyOn' || field === 'submittedOn') body[field] = dateOrNull(values[field]);
    else if (field === 'committedDays') {
      if (typeof values.committedDays === 'number') body.committedDays = values.committedDays;
    } else body.requiredBeforeStart = values.requiredBeforeStart ?? false;
  }
  return body;
}

/**
 * The start gate's blockers in a refused stage change: the texts of an INVALID_TRANSITION whose details
 * name `approvals` / `startBlocked`; null for any other error (which keeps its usual handling).
 */
export function startBlockersOf(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'INVALID_TRANSITION') return null;
  const texts = error.details
    .filter((detail) => detail.path === 'approvals' && detail.issue === 'startBlocked')
    .map((detail) => detail.message);
  return texts.length > 0 ? texts : null;
}

export type ApprovalView = 'agent' | 'department' | 'all';

/** The list's tabs for the reader: 我帮办的 for service officers, 本部门审批 for department staff, then 辖区全部. */
export function approvalViewsFor(roles: readonly Role[]): ApprovalView[] {
  return [
    ...(roles.includes('service_officer') ? (['agent'] as const) : []),
    ...(roles.includes('department_staff') ? (['department'] as const) : []),
    'all',
  ];
}

/** The 手续事项 list's filters that may come in the address (from a cockpit figure), beside view and colour. */
export const approvalLinkFilterKeys = [
  'regionCode',
  'regionSelf',
  'departmentId',
  'gaps',
  'approvedYear',
  'tag',
  'constructionType',
  'size',
] as const;

export type ApprovalLinkFilters = Pick<ApprovalItemsQuery, (typeof approvalLinkFilterKeys)[number]>;

/**
 * The list's query from the address: the linked filters the contract accepts (a refused value is
 * dropped), the colour, and `open=false` to include finished items (the default is open only).
 */
export function approvalListFilters(params: URLSearchParams): {
  filters: ApprovalLinkFilters;
  colour: ApprovalColour | undefined;
  isOpenOnly: boolean;
} {
  const filters: Partial<Record<(typeof approvalLinkFilterKeys)[number], string>> = {};
  for (const key of approvalLinkFilterKeys) {
    const value = params.get(key);
    if (value && ApprovalItemQuery.shape[key].safeParse(value).success) filters[key] = value;
  }
  const colour = params.get('colour');
  return {
    filters: filters as ApprovalLinkFilters,
    colour: approvalColours.find((c) => c === colour),
    isOpenOnly: params.get('open') !== 'false',
  };
}
