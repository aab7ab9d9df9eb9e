import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApprovalItemDocumentList, buildPath, fileRoutes } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';
import { uploadFiles } from '../../api/project-files';

const documentsKey = (itemId: string) => ['approvals', 'documents', itemId] as const;

/** 办理材料 of an item and whether the reader may file more. */
export function useApprovalItemDocuments(itemId: string) {
  return useQuery({
    queryKey: documentsKey(itemId),
    queryFn: () => api.call('listApprovalItemDocuments', { params: { id: itemId } }),
  });
}

/** Files documents under one label; the item's list (and the project's files) refresh after. */
export function useUploadApprovalDocuments(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ label, files }: { label: string; files: readonly File[] }) =>
      uploadFiles(buildPath(fileRoutes.uploadApprovalItemDocuments, { id: itemId }), files, {
        label,
      }) as unknown as Promise<ApprovalItemDocumentList['data']>,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: documentsKey(itemId) });
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

export function useDeleteApprovalDocument(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) =>
      api.call('deleteApprovalItemDocument', {
        params: { id: itemId, documentId },
        idempotencyKey: newIdempotencyKey(),
      }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: documentsKey(itemId) });
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

/** Where a document's content is downloaded (as an attachment). */
export const approvalDocumentUrl = (itemId: string, documentId: string) =>
  buildPath(fileRoutes.downloadApprovalItemDocument, { id: itemId, documentId });
