import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CampaignOverviewQuery,
  fileRoutes,
  type SaveCampaign,
  type SaveCampaignEvent,
  type UpdateCampaign,
  type UpdateCampaignEvent,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

/** Every campaigns query lives under one key, so an edited event refreshes the page and the tab. */
const campaignsKey = ['campaigns'] as const;

export function useCampaignOverview(query: CampaignOverviewQuery) {
  return useQuery({
    queryKey: [...campaignsKey, 'overview', query],
    queryFn: () => api.call('campaignOverview', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignEvent(id: string | null) {
  return useQuery({
    queryKey: [...campaignsKey, 'event', id],
    queryFn: () => api.call('getCampaignEvent', { params: { id: id! } }),
    enabled: id !== null,
  });
}

export function useProjectCampaignEvents(projectId: string) {
  return useQuery({
    queryKey: [...campaignsKey, 'project', projectId],
    queryFn: () => api.call('projectCampaignEvents', { params: { id: projectId } }),
  });
}

function useCampaignMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: campaignsKey });
    },
  });
}

export const useCreateCampaign = () =>
  useCampaignMutation((body: SaveCampaign, idempotencyKey) =>
    api.call('createCampaign', { body, idempotencyKey }),
  );
export const useUpdateCampaign = () =>
  useCampaignMutation(({ id, body }: { id: string; body: UpdateCampaign }, idempotencyKey) =>
    api.call('updateCampaign', { params: { id }, body, idempotencyKey }),
  );
export const useDeleteCampaign = () =>
  useCampaignMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('deleteCampaign', { params: { id }, query: { version }, idempotencyKey }),
  );
export const useCreateCampaignEvent = () =>
  useCampaignMutation((body: SaveCampaignEvent, idempotencyKey) =>
    api.call('createCampaignEvent', { body, idempotencyKey }),
  );
export const useUpdateCampaignEvent = () =>
  useCampaignMutation(({ id, body }: { id: string; body: UpdateCampaignEvent }, idempotencyKey) =>
    api.call('updateCampaignEvent', { params: { id }, body, idempotencyKey }),
  );
export const useDeleteCampaignEvent = () =>
  useCampaignMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('deleteCampaignEvent', { params: { id }, query: { version }, idempotencyKey }),
  );

/** Where an event's 项目清单 is downloaded. */
export const campaignEventExportUrl = (id: string) => fileRoutes.exportCampaignEvent.replace(':id', id);
