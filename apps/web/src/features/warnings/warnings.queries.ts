import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateWarningDraft,
  CreateWarningGrace,
  SnailQuery,
  UpdateWarningDraft,
  WarningQuery,
} from '@tuijin/contracts';
import { api } from '../../api/client';

type OverviewParams = Partial<Omit<WarningQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };

/** Colours of a month: counts by colour and region and a page of projects. */
export function useWarnings(params: OverviewParams, enabled = true) {
  return useQuery({
    queryKey: ['warnings', 'overview', params],
    queryFn: () => api.call('listWarnings', { query: params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The latest colours of the given projects (a list page's rows), keyed by project. */
export function useWarningsOf(projectIds: string[], enabled: boolean) {
  const ids = [...projectIds].sort().join(',');
  return useQuery({
    queryKey: ['warnings', 'of', ids],
    queryFn: () => api.call('listWarnings', { query: { projectIds: ids, page: 1, pageSize: 200 } }),
    enabled: enabled && ids.length > 0,
    select: (data) => new Map(data.data.map((row) => [row.projectId, row])),
  });
}

export function useSnails(params: Partial<SnailQuery>) {
  return useQuery({
    queryKey: ['warnings', 'snails', params],
    queryFn: () => api.call('listSnails', { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function useProjectWarnings(id: string, enabled = true) {
  return useQuery({
    queryKey: ['warnings', 'project', id],
    queryFn: () => api.call('getProjectWarnings', { params: { id } }),
    enabled,
  });
}

export function useWarningRuleSets(regionCode: string | undefined) {
  return useQuery({
    queryKey: ['warnings', 'rule-sets', regionCode ?? ''],
    queryFn: () => api.call('listWarningRuleSets', { query: regionCode ? { regionCode } : {} }),
  });
}

export function useWarningPreview(id: string | null, nonce: number) {
  return useQuery({
    queryKey: ['warnings', 'preview', id, nonce],
    queryFn: () => api.call('previewWarningDraft', { params: { id: id! }, query: {} }),
    enabled: id !== null && nonce > 0,
  });
}

export function useWarningGraces() {
  return useQuery({
    queryKey: ['warnings', 'graces'],
    queryFn: () => api.call('listWarningGraces', { query: {} }),
  });
}

/** Every warning mutation refreshes every warning query: colours may change after any of them. */
function useWarningMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ['warnings'] }),
  });
}

export const useCreateDraft = () =>
  useWarningMutation((body: CreateWarningDraft) => api.call('createWarningDraft', { body }));
export const useUpdateDraft = () =>
  useWarningMutation(({ id, body }: { id: string; body: UpdateWarningDraft }) =>
    api.call('updateWarningDraft', { params: { id }, body }),
  );
export const usePublishDraft = () =>
  useWarningMutation(({ id, version }: { id: string; version: number }) =>
    api.call('publishWarningDraft', { params: { id }, body: { version } }),
  );
export const useRecompute = () =>
  useWarningMutation((month: string) => api.call('recomputeWarnings', { body: { month } }));
export const useCreateGrace = () =>
  useWarningMutation((body: CreateWarningGrace) => api.call('createWarningGrace', { body }));
export const useRevokeGrace = () =>
  useWarningMutation((id: string) => api.call('revokeWarningGrace', { params: { id } }));
