import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AcceptStoppage,
  type CreateZone,
  fileRoutes,
  type IncludeInWhitelist,
  type RecordStoppage,
  type RemoveFromWhitelist,
  type ResumptionQuery,
  type SaveResumptionSettings,
  type UpdateZone,
  type WhitelistQuery,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

/** Every resumption and whitelist query under one key, so any change refreshes them all. */
const key = ['resumption'] as const;

export const useResumptionOverview = (query: ResumptionQuery) =>
  useQuery({
    queryKey: [...key, 'overview', query],
    queryFn: () => api.call('resumptionOverview', { query }),
    placeholderData: keepPreviousData,
  });

export const useZones = () =>
  useQuery({ queryKey: [...key, 'zones'], queryFn: () => api.call('listZones', {}) });

export const useProjectResumption = (id: string) =>
  useQuery({
    queryKey: [...key, 'project', id],
    queryFn: () => api.call('projectResumption', { params: { id } }),
  });

export const useWhitelist = (query: WhitelistQuery) =>
  useQuery({
    queryKey: [...key, 'whitelist', query],
    queryFn: () => api.call('listWhitelist', { query }),
    placeholderData: keepPreviousData,
  });

function useResumptionMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

export const useRecordStoppage = () =>
  useResumptionMutation(({ id, body }: { id: string; body: RecordStoppage }, idempotencyKey) =>
    api.call('recordStoppage', { params: { id }, body, idempotencyKey }),
  );
export const useResumeStoppage = () =>
  useResumptionMutation(
    ({ id, version, resumedOn }: { id: string; version: number; resumedOn: string }, idempotencyKey) =>
      api.call('resumeStoppage', { params: { id }, body: { version, resumedOn }, idempotencyKey }),
  );
export const useAcceptStoppage = () =>
  useResumptionMutation(({ id, body }: { id: string; body: AcceptStoppage }, idempotencyKey) =>
    api.call('acceptStoppage', { params: { id }, body, idempotencyKey }),
  );
export const useFileStoppage = () =>
  useResumptionMutation(
    ({ id, version, filedOn }: { id: string; version: number; filedOn: string }, idempotencyKey) =>
      api.call('fileStoppage', { params: { id }, body: { version, filedOn }, idempotencyKey }),
  );
export const useSaveResumptionSettings = () =>
  useResumptionMutation((body: SaveResumptionSettings, idempotencyKey) =>
    api.call('saveResumptionSettings', { body, idempotencyKey }),
  );
export const useCreateZone = () =>
  useResumptionMutation((body: CreateZone, idempotencyKey) =>
    api.call('createZone', { body, idempotencyKey }),
  );
export const useUpdateZone = () =>
  useResumptionMutation(({ id, body }: { id: string; body: UpdateZone }, idempotencyKey) =>
    api.call('updateZone', { params: { id }, body, idempotencyKey }),
  );
export const useDeleteZone = () =>
  useResumptionMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('deleteZone', { params: { id }, query: { version }, idempotencyKey }),
  );
export const useIncludeInWhitelist = () =>
  useResumptionMutation((body: IncludeInWhitelist, idempotencyKey) =>
    api.call('includeInWhitelist', { body, idempotencyKey }),
  );
export const useRemoveFromWhitelist = () =>
  useResumptionMutation(({ id, body }: { id: string; body: RemoveFromWhitelist }, idempotencyKey) =>
    api.call('removeFromWhitelist', { params: { id }, body, idempotencyKey }),
  );

/** Where the ledgers download (the overview's date and period carried over). */
export const resumptionLedgerHref = (query: ResumptionQuery) => {
  const search = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  ).toString();
  return `${fileRoutes.resumptionLedger}${search ? `?${search}` : ''}`;
};
export const whitelistLedgerHref = () => fileRoutes.whitelistLedger;
