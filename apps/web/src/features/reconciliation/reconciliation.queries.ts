import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fileRoutes,
  type ReconciliationQuery,
  type SaveReconciliationSettings,
  type StatisticsImportResult,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';
import { uploadLedger } from '../ledger/ledger.api';

const reconciliationKey = ['reconciliation'] as const;

export function useReconciliation(query: ReconciliationQuery) {
  return useQuery({
    queryKey: [...reconciliationKey, 'list', query],
    queryFn: () => api.call('getReconciliation', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useReconciliationSettings(regionCode: string | undefined) {
  return useQuery({
    queryKey: [...reconciliationKey, 'settings', regionCode ?? null],
    queryFn: () => api.call('getReconciliationSettings', { query: regionCode ? { regionCode } : {} }),
  });
}

export function useSaveReconciliationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveReconciliationSettings) =>
      api.call('saveReconciliationSettings', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: reconciliationKey }),
  });
}

/** Refreshes the listing after an import. */
export function useRefreshReconciliation() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: reconciliationKey });
}

export interface StatisticsUploadOptions {
  year: number;
  month: number;
  regionCode: string | null;
}

const fieldsOf = ({ year, month, regionCode }: StatisticsUploadOptions) => ({
  year: String(year),
  month: String(month),
  ...(regionCode ? { region: regionCode } : {}),
});

/** The preview of a statistics sheet (writes nothing) and its import (one transaction). */
export const previewStatistics = (
  file: File,
  options: StatisticsUploadOptions,
  onProgress: (p: number) => void,
) =>
  uploadLedger<StatisticsImportResult>(
    fileRoutes.previewStatisticsImport,
    file,
    fieldsOf(options),
    onProgress,
  );
export const importStatisticsFile = (
  file: File,
  options: StatisticsUploadOptions,
  onProgress: (p: number) => void,
) => uploadLedger<StatisticsImportResult>(fileRoutes.importStatistics, file, fieldsOf(options), onProgress);

/** The listing's Excel with the same filters. */
export function reconciliationExportUrl(query: ReconciliationQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return `${fileRoutes.exportReconciliation}${search ? `?${search}` : ''}`;
}
