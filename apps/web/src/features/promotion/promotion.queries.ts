import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConvertPromotionLead,
  CreatePromotionLead,
  DropPromotionLead,
  LinkPromotionLead,
  MovePromotionLead,
  PromotionLeadQuery,
  PromotionOverviewQuery,
  SavePromotionSettings,
  UpdatePromotionLead,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

/** Every promotion query lives under one key, so a change to a lead refreshes the figures too. */
const promotionKey = ['promotion'] as const;

export function usePromotionOverview(query: PromotionOverviewQuery) {
  return useQuery({
    queryKey: [...promotionKey, 'overview', query],
    queryFn: () => api.call('promotionOverview', { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePromotionLeads(query: PromotionLeadQuery) {
  return useQuery({
    queryKey: [...promotionKey, 'leads', query],
    queryFn: () => api.call('listPromotionLeads', { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePromotionLead(id: string | null) {
  return useQuery({
    queryKey: [...promotionKey, 'lead', id],
    queryFn: () => api.call('getPromotionLead', { params: { id: id! } }),
    enabled: id !== null,
  });
}

export function usePromotionSettings(regionCode: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...promotionKey, 'settings', regionCode ?? ''],
    queryFn: () => api.call('promotionSettings', { query: regionCode ? { regionCode } : {} }),
    enabled,
  });
}

/** The lead a project came from (null when none, or the reader does not see leads). */
export function useProjectPromotionLead(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...promotionKey, 'project', projectId],
    queryFn: () => api.call('projectPromotionLead', { params: { id: projectId } }),
    enabled,
  });
}

function usePromotionMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: promotionKey });
    },
  });
}

export const useSavePromotionSettings = () =>
  usePromotionMutation((body: SavePromotionSettings, idempotencyKey) =>
    api.call('savePromotionSettings', { body, idempotencyKey }),
  );
export const useCreatePromotionLead = () =>
  usePromotionMutation((body: CreatePromotionLead, idempotencyKey) =>
    api.call('createPromotionLead', { body, idempotencyKey }),
  );
export const useUpdatePromotionLead = () =>
  usePromotionMutation(({ id, body }: { id: string; body: UpdatePromotionLead }, idempotencyKey) =>
    api.call('updatePromotionLead', { params: { id }, body, idempotencyKey }),
  );
export const useMovePromotionLead = () =>
  usePromotionMutation(({ id, body }: { id: string; body: MovePromotionLead }, idempotencyKey) =>
    api.call('movePromotionLead', { params: { id }, body, idempotencyKey }),
  );
export const useDropPromotionLead = () =>
  usePromotionMutation(({ id, body }: { id: string; body: DropPromotionLead }, idempotencyKey) =>
    api.call('dropPromotionLead', { params: { id }, body, idempotencyKey }),
  );
export const useLinkPromotionLead = () =>
  usePromotionMutation(({ id, body }: { id: string; body: LinkPromotionLead }, idempotencyKey) =>
    api.call('linkPromotionLead', { params: { id }, body, idempotencyKey }),
  );

export const useConvertPromotionLead = () =>
  usePromotionMutation(({ id, body }: { id: string; body: ConvertPromotionLead }, idempotencyKey) =>
    api.call('convertPromotionLead', { params: { id }, body, idempotencyKey }),
  );
