import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateHealthWatch,
  type CreateWorker,
  type DepartWorker,
  type EndHealthWatch,
  fileRoutes,
  type SaveContractor,
  type SaveHealthCheck,
  type UpdateWorker,
  type WorkerImportResult,
  type WorkerSearchQuery,
  type WorkforceOverviewQuery,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';
import { uploadLedger } from '../ledger/ledger.api';

/** Every workforce query lives under one key, so a change anywhere refreshes the roster and the page. */
const workforceKey = ['workforce'] as const;

export const useProjectWorkforce = (id: string) =>
  useQuery({
    queryKey: [...workforceKey, 'project', id],
    queryFn: () => api.call('getProjectWorkforce', { params: { id } }),
  });

export const useWorkforceOverview = (query: WorkforceOverviewQuery) =>
  useQuery({
    queryKey: [...workforceKey, 'overview', query],
    queryFn: () => api.call('workforceOverview', { query }),
    placeholderData: keepPreviousData,
  });

export const useWorkerSearch = (query: WorkerSearchQuery, enabled: boolean) =>
  useQuery({
    queryKey: [...workforceKey, 'search', query],
    queryFn: () => api.call('searchWorkers', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });

function useWorkforceMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: workforceKey });
    },
  });
}

export const useRefreshWorkforce = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: workforceKey });
};

export const useCreateContractor = () =>
  useWorkforceMutation(({ id, body }: { id: string; body: SaveContractor }, idempotencyKey) =>
    api.call('createContractor', { params: { id }, body, idempotencyKey }),
  );
export const useCreateWorker = () =>
  useWorkforceMutation(({ id, body }: { id: string; body: CreateWorker }, idempotencyKey) =>
    api.call('createWorker', { params: { id }, body, idempotencyKey }),
  );
export const useUpdateWorker = () =>
  useWorkforceMutation(({ id, body }: { id: string; body: UpdateWorker }, idempotencyKey) =>
    api.call('updateWorker', { params: { id }, body, idempotencyKey }),
  );
export const useDepartWorker = () =>
  useWorkforceMutation(({ id, body }: { id: string; body: DepartWorker }, idempotencyKey) =>
    api.call('departWorker', { params: { id }, body, idempotencyKey }),
  );
export const useRemoveWorker = () =>
  useWorkforceMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('removeWorker', { params: { id }, query: { version }, idempotencyKey }),
  );
export const useRemoveContractor = () =>
  useWorkforceMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('removeContractor', { params: { id }, query: { version }, idempotencyKey }),
  );
export const useSaveHealthCheck = () =>
  useWorkforceMutation(({ id, body }: { id: string; body: SaveHealthCheck }, idempotencyKey) =>
    api.call('saveHealthCheck', { params: { id }, body, idempotencyKey }),
  );
export const useCreateHealthWatch = () =>
  useWorkforceMutation((body: CreateHealthWatch, idempotencyKey) =>
    api.call('createHealthWatch', { body, idempotencyKey }),
  );
export const useEndHealthWatch = () =>
  useWorkforceMutation(({ id, body }: { id: string; body: EndHealthWatch }, idempotencyKey) =>
    api.call('endHealthWatch', { params: { id }, body, idempotencyKey }),
  );

const withId = (route: string, id: string) => route.replace(':id', encodeURIComponent(id));

/** The import's two calls for a project, with the contractor for rows that name none. */
export const workerImportCalls = (projectId: string) => ({
  preview: (file: File, contractorId: string | null, onProgress: (p: number) => void) =>
    uploadLedger<WorkerImportResult>(
      withId(fileRoutes.previewWorkerImport, projectId),
      file,
      contractorId ? { contractorId } : {},
      onProgress,
    ),
  commit: (file: File, contractorId: string | null, onProgress: (p: number) => void) =>
    uploadLedger<WorkerImportResult>(
      withId(fileRoutes.importWorkers, projectId),
      file,
      contractorId ? { contractorId } : {},
      onProgress,
    ),
});

/** The 花名册 Excel of a project (or one contractor of it). */
export const workersExportUrl = (projectId: string, contractorId?: string) =>
  `${withId(fileRoutes.exportWorkers, projectId)}${contractorId ? `?contractorId=${encodeURIComponent(contractorId)}` : ''}`;
