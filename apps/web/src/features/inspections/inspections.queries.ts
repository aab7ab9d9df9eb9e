import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  buildPath,
  type CloseFinding,
  type CreateInspectionChecklist,
  type FindingListQuery,
  fileRoutes,
  type InspectionCoverageQuery,
  type InspectionFindingDetail,
  type InspectionListQuery,
  type RecordInspection,
  type ReturnFinding,
  type UpdateInspectionChecklist,
} from '@tuijin/contracts';
import { ApiError, api, newIdempotencyKey } from '../../api/client';

/** Every inspection query lives under one key, so a move on a finding refreshes lists and coverage. */
const inspectionsKey = ['inspections'] as const;

export const useInspectionChecklists = (regionCode?: string) =>
  useQuery({
    queryKey: [...inspectionsKey, 'checklists', regionCode ?? null],
    queryFn: () => api.call('getInspectionChecklists', { query: regionCode ? { regionCode } : {} }),
  });

export const useInspectionCoverage = (query: InspectionCoverageQuery) =>
  useQuery({
    queryKey: [...inspectionsKey, 'coverage', query],
    queryFn: () => api.call('getInspectionCoverage', { query }),
    placeholderData: keepPreviousData,
  });

export const useInspectionFindings = (query: FindingListQuery) =>
  useQuery({
    queryKey: [...inspectionsKey, 'findings', query],
    queryFn: () => api.call('listInspectionFindings', { query }),
    placeholderData: keepPreviousData,
  });

export const useInspections = (query: InspectionListQuery) =>
  useQuery({
    queryKey: [...inspectionsKey, 'list', query],
    queryFn: () => api.call('listInspections', { query }),
    placeholderData: keepPreviousData,
  });

export const useInspectionFinding = (id: string | null) =>
  useQuery({
    queryKey: [...inspectionsKey, 'finding', id],
    queryFn: () => api.call('getInspectionFinding', { params: { id: id! } }),
    enabled: id !== null,
  });

function useInspectionMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: inspectionsKey });
    },
  });
}

export const useCopyChecklists = () =>
  useInspectionMutation((regionCode: string, idempotencyKey) =>
    api.call('copyInspectionChecklists', { body: { regionCode }, idempotencyKey }),
  );
export const useCreateChecklist = () =>
  useInspectionMutation((body: CreateInspectionChecklist, idempotencyKey) =>
    api.call('createInspectionChecklist', { body, idempotencyKey }),
  );
export const useUpdateChecklist = () =>
  useInspectionMutation(({ id, body }: { id: string; body: UpdateInspectionChecklist }, idempotencyKey) =>
    api.call('updateInspectionChecklist', { params: { id }, body, idempotencyKey }),
  );
export const useCloseFinding = () =>
  useInspectionMutation(({ id, body }: { id: string; body: CloseFinding }, idempotencyKey) =>
    api.call('closeInspectionFinding', { params: { id }, body, idempotencyKey }),
  );
export const useReturnFinding = () =>
  useInspectionMutation(({ id, body }: { id: string; body: ReturnFinding }, idempotencyKey) =>
    api.call('returnInspectionFinding', { params: { id }, body, idempotencyKey }),
  );
export const useRaiseFindingProblem = () =>
  useInspectionMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('raiseInspectionFindingProblem', { params: { id }, body: { version }, idempotencyKey }),
  );

type ErrorPayload = {
  error?: { code?: string; message?: string; details?: { path: string; message: string }[] };
} | null;

/** Posts text fields and photos as one multipart request; a refusal throws {@link ApiError}. */
async function postMultipart(path: string, fields: Record<string, string>, files: readonly File[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('files', file, file.name);
  const response = await fetch(path, {
    method: 'POST',
    body: form,
    headers: { accept: 'application/json', 'idempotency-key': newIdempotencyKey() },
    credentials: 'same-origin',
  });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as ErrorPayload)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'INTERNAL',
      error?.message ?? response.statusText,
      error?.details ?? [],
    );
  }
  return payload as InspectionFindingDetail;
}

/** Records an inspection, then uploads each finding's photos (taken on the phone) to that finding. */
export function useRecordInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, photos }: { body: RecordInspection; photos: Record<string, File[]> }) => {
      const recorded = await api.call('recordInspection', { body, idempotencyKey: newIdempotencyKey() });
      for (const finding of recorded.findings) {
        const files = photos[finding.itemKey] ?? [];
        if (files.length > 0)
          await postMultipart(
            buildPath(fileRoutes.uploadInspectionFindingPhotos, { id: finding.id }),
            {},
            files,
          );
      }
      return recorded;
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: inspectionsKey });
    },
  });
}

/** The owner's reply (text and photos), or the inspector's added photos. */
export function useFindingUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      kind,
      fields,
      files,
    }: {
      id: string;
      kind: 'reply' | 'photos';
      fields: Record<string, string>;
      files: File[];
    }) =>
      postMultipart(
        buildPath(
          kind === 'reply' ? fileRoutes.replyInspectionFinding : fileRoutes.uploadInspectionFindingPhotos,
          { id },
        ),
        fields,
        files,
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: inspectionsKey });
    },
  });
}
