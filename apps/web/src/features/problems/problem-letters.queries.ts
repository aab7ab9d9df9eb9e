import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildPath, fileRoutes, type IssueProblemLetter, type ProblemAttachment } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';
import { uploadFiles } from '../../api/project-files';

/** Query keys under the problem's own key, so a problem's page refreshes with its letters and files. */
export const problemPartKey = (id: string, part: 'letters' | 'attachments') =>
  ['problems', id, part] as const;

export function useProblemLetters(id: string) {
  return useQuery({
    queryKey: problemPartKey(id, 'letters'),
    queryFn: () => api.call('listProblemLetters', { params: { id } }),
  });
}

export function useProblemAttachments(id: string) {
  return useQuery({
    queryKey: problemPartKey(id, 'attachments'),
    queryFn: () => api.call('listProblemAttachments', { params: { id } }),
  });
}

/** A mutation on a problem's letters or files; success refreshes every problem query (its timeline too). */
function useProblemMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['problems'] }),
  });
}

export const useIssueProblemLetter = () =>
  useProblemMutation(({ id, body }: { id: string; body: IssueProblemLetter }, idempotencyKey) =>
    api.call('issueProblemLetter', { params: { id }, body, idempotencyKey }),
  );

export const useMarkProblemLetterSent = () =>
  useProblemMutation(
    ({ id, letterId, version }: { id: string; letterId: string; version: number }, idempotencyKey) =>
      api.call('markProblemLetterSent', { params: { id, letterId }, body: { version }, idempotencyKey }),
  );

export const useReplyProblemLetter = () =>
  useProblemMutation(
    (
      { id, letterId, version, reply }: { id: string; letterId: string; version: number; reply: string },
      idempotencyKey,
    ) =>
      api.call('replyProblemLetter', {
        params: { id, letterId },
        body: { version, reply },
        idempotencyKey,
      }),
  );

export const useUploadProblemAttachments = () =>
  useProblemMutation(
    ({ id, files }: { id: string; files: readonly File[] }) =>
      uploadFiles(buildPath(fileRoutes.uploadProblemAttachments, { id }), files) as unknown as Promise<
        ProblemAttachment[]
      >,
  );

export const useDeleteProblemAttachment = () =>
  useProblemMutation(({ id, attachmentId }: { id: string; attachmentId: string }, idempotencyKey) =>
    api.call('deleteProblemAttachment', { params: { id, attachmentId }, idempotencyKey }),
  );

/** Where a letter's .docx is downloaded. */
export const problemLetterUrl = (id: string, letterId: string) =>
  buildPath(fileRoutes.downloadProblemLetter, { id, letterId });

/** Where an attachment's content is downloaded (as an attachment). */
export const problemAttachmentUrl = (id: string, attachmentId: string) =>
  buildPath(fileRoutes.downloadProblemAttachment, { id, attachmentId });
