import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddApprovalItem,
  ApprovalRoute,
  ApprovalStatisticsQuery,
  CallInput,
  CreateApprovalProcedure,
  Endpoints,
  MoveApprovalItem,
  ProjectApprovals,
  SupplyApprovalMaterial,
  UpdateApprovalItem,
  UpdateApprovalProcedure,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';
import { projectKeys } from '../projects/projects.queries';

/** The list's query as sent (`open` travels as 'true' / 'false'). */
export type ApprovalItemsQuery = NonNullable<CallInput<Endpoints['listApprovalItems']>['query']>;

export const approvalKeys = {
  all: ['approvals'] as const,
  project: (projectId: string) => ['approvals', 'project', projectId] as const,
  list: (query: ApprovalItemsQuery) => ['approvals', 'list', query] as const,
  catalogue: (regionCode: string | null) => ['approvals', 'catalogue', regionCode] as const,
  agents: ['approvals', 'agents'] as const,
  statistics: (query: ApprovalStatisticsQuery) => ['approvals', 'statistics', query] as const,
};

/** A project's checklist with its start gate, schedule and what the reader may do. */
export function useProjectApprovals(projectId: string, enabled = true) {
  return useQuery({
    queryKey: approvalKeys.project(projectId),
    queryFn: () => api.call('getProjectApprovals', { params: { id: projectId } }),
    enabled,
  });
}

/** A page of items the reader may see (我帮办的 / 本部门审批 / 辖区全部), in the server's due-date order. */
export function useApprovalItems(query: ApprovalItemsQuery) {
  return useQuery({
    queryKey: approvalKeys.list(query),
    queryFn: () => api.call('listApprovalItems', { query }),
    placeholderData: keepPreviousData,
  });
}

/** The catalogue that applies in a region (the reader's own when none is given). */
export function useApprovalCatalogue(regionCode: string | null, enabled = true) {
  return useQuery({
    queryKey: approvalKeys.catalogue(regionCode),
    queryFn: () => api.call('getApprovalCatalogue', { query: regionCode ? { regionCode } : {} }),
    enabled,
  });
}

/** 审批用时 over a period by approval date, with a second period to compare with when asked. */
export function useApprovalStatistics(query: ApprovalStatisticsQuery | null) {
  return useQuery({
    queryKey: approvalKeys.statistics(query ?? { from: '', to: '' }),
    queryFn: () => api.call('getApprovalStatistics', { query: query! }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** Service officers of the jurisdiction who may be named 帮办代办人. */
export function useApprovalAgents(enabled: boolean) {
  return useQuery({
    queryKey: approvalKeys.agents,
    queryFn: async () => (await api.call('listApprovalAgents')).data,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/**
 * After any change every approval read is stale (a move changes the start gate, the schedule and the
 * lists) and so is the project page (its history shows the audit event).
 */
function useInvalidateApprovals() {
  const queryClient = useQueryClient();
  return (projectId?: string) => {
    void queryClient.invalidateQueries({ queryKey: approvalKeys.all });
    if (projectId) void queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) });
  };
}

/** Rereads everything about approvals, e.g. after a CONFLICT (someone changed the item first). */
export function useRefetchApprovals() {
  const invalidate = useInvalidateApprovals();
  return () => invalidate();
}

/** Checklist answers (generate, add) replace the cached checklist before the rereads. */
function useChecklistMutation<V extends { projectId: string }>(
  mutationFn: (variables: V, idempotencyKey: string) => Promise<ProjectApprovals>,
) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateApprovals();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: (checklist, variables) => {
      queryClient.setQueryData(approvalKeys.project(variables.projectId), checklist);
      invalidate(variables.projectId);
    },
  });
}

export const useGenerateApprovals = () =>
  useChecklistMutation(({ projectId, route }: { projectId: string; route: ApprovalRoute }, idempotencyKey) =>
    api.call('generateProjectApprovals', { params: { id: projectId }, body: { route }, idempotencyKey }),
  );

export const useAddApprovalItem = () =>
  useChecklistMutation(({ projectId, body }: { projectId: string; body: AddApprovalItem }, idempotencyKey) =>
    api.call('addProjectApproval', { params: { id: projectId }, body, idempotencyKey }),
  );

/** Item answers (move, edit, supply) change the gate and schedule too, so the checklist is reread. */
function useItemMutation<V>(
  mutationFn: (variables: V, idempotencyKey: string) => Promise<{ projectId: string }>,
) {
  const invalidate = useInvalidateApprovals();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: (item) => invalidate(item.projectId),
  });
}

export const useMoveApprovalItem = () =>
  useItemMutation(({ id, body }: { id: string; body: MoveApprovalItem }, idempotencyKey) =>
    api.call('moveApprovalItem', { params: { id }, body, idempotencyKey }),
  );

export const useUpdateApprovalItem = () =>
  useItemMutation(({ id, body }: { id: string; body: UpdateApprovalItem }, idempotencyKey) =>
    api.call('updateApprovalItem', { params: { id }, body, idempotencyKey }),
  );

export const useSupplyApprovalMaterial = () =>
  useItemMutation(
    (
      { id, materialId, body }: { id: string; materialId: string; body: SupplyApprovalMaterial },
      idempotencyKey,
    ) => api.call('supplyApprovalMaterial', { params: { id, materialId }, body, idempotencyKey }),
  );

/** Catalogue changes: the catalogue and every checklist read (the add-procedure choices) are stale. */
function useCatalogueMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const invalidate = useInvalidateApprovals();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: () => invalidate(),
  });
}

export const useLoadApprovalPreset = () =>
  useCatalogueMutation((regionCode: string, idempotencyKey) =>
    api.call('loadApprovalPreset', { body: { regionCode }, idempotencyKey }),
  );

export const useCreateApprovalProcedure = () =>
  useCatalogueMutation((body: CreateApprovalProcedure, idempotencyKey) =>
    api.call('createApprovalProcedure', { body, idempotencyKey }),
  );

export const useUpdateApprovalProcedure = () =>
  useCatalogueMutation(({ id, body }: { id: string; body: UpdateApprovalProcedure }, idempotencyKey) =>
    api.call('updateApprovalProcedure', { params: { id }, body, idempotencyKey }),
  );
