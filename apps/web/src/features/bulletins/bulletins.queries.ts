import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Bulletin,
  BulletinKind,
  BulletinListQuery,
  BulletinSectionKey,
  CreateBulletin,
  SaveBulletinTemplate,
  SaveDailyBulletinSettings,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

export const bulletinKeys = {
  all: ['bulletins'] as const,
  list: (query: BulletinListQuery) => ['bulletins', 'list', query] as const,
  bulletin: (id: string) => ['bulletins', 'bulletin', id] as const,
  template: (kind: BulletinKind) => ['bulletins', 'template', kind] as const,
};

/** The bulletins of the reader's jurisdiction and those received from above, newest first. */
export function useBulletins(query: BulletinListQuery) {
  return useQuery({
    queryKey: bulletinKeys.list(query),
    queryFn: () => api.call('listBulletins', { query }),
  });
}

/** One bulletin with its snapshot; a received one is marked read by opening it, so lists are reread. */
export function useBulletin(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: bulletinKeys.bulletin(id),
    queryFn: async () => {
      const bulletin = await api.call('getBulletin', { params: { id } });
      if (bulletin.isReceived)
        void queryClient.invalidateQueries({ queryKey: [...bulletinKeys.all, 'list'] });
      return bulletin;
    },
  });
}

/** The office's template of a kind (the built-in one until it writes its own). */
export function useBulletinTemplate(kind: BulletinKind) {
  return useQuery({
    queryKey: bulletinKeys.template(kind),
    queryFn: () => api.call('getBulletinTemplate', { params: { kind } }),
  });
}

/** Rereads every bulletin record (after a change, or a CONFLICT). */
export function useRefetchBulletins() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: bulletinKeys.all });
}

/** Changes answer the bulletin: it replaces the cached one, then the lists are reread. */
function useBulletinMutation<V>(mutationFn: (variables: V, idempotencyKey: string) => Promise<Bulletin>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: (bulletin) => {
      queryClient.setQueryData(bulletinKeys.bulletin(bulletin.id), bulletin);
      void queryClient.invalidateQueries({ queryKey: [...bulletinKeys.all, 'list'] });
    },
  });
}

export const useCreateBulletin = () =>
  useBulletinMutation((body: CreateBulletin, idempotencyKey) =>
    api.call('createBulletin', { body, idempotencyKey }),
  );

type Move = 'refreshBulletin' | 'reviewBulletin' | 'issueBulletin';

/** 刷新数据 / 审核通过 / 签发: each carries the version the reader saw. */
export const useBulletinMove = (move: Move) =>
  useBulletinMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call(move, { params: { id }, body: { version }, idempotencyKey }),
  );

export const usePublishBulletin = () =>
  useBulletinMutation(
    (
      {
        id,
        version,
        publicSections,
      }: { id: string; version: number; publicSections: BulletinSectionKey[] | null },
      idempotencyKey,
    ) => api.call('publishBulletin', { params: { id }, body: { version, publicSections }, idempotencyKey }),
  );

export function useDeleteBulletin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.call('deleteBulletin', { params: { id }, idempotencyKey: newIdempotencyKey() }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: bulletinKeys.bulletin(id) });
      void queryClient.invalidateQueries({ queryKey: [...bulletinKeys.all, 'list'] });
    },
  });
}

export function useSaveBulletinTemplate(kind: BulletinKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveBulletinTemplate) =>
      api.call('saveBulletinTemplate', { params: { kind }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: (view) => queryClient.setQueryData(bulletinKeys.template(kind), view),
  });
}

/** The own jurisdiction's 一日一通报 timer. */
export function useDailyBulletinSettings() {
  return useQuery({
    queryKey: [...bulletinKeys.all, 'daily-settings'],
    queryFn: () => api.call('getDailyBulletinSettings', {}),
  });
}

export function useSaveDailyBulletinSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveDailyBulletinSettings) =>
      api.call('saveDailyBulletinSettings', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: (view) => queryClient.setQueryData([...bulletinKeys.all, 'daily-settings'], view),
  });
}
