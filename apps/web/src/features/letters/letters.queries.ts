import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildPath, fileRoutes, type IssueProjectLetter, type LetterQuery } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

/** Every letters query lives under one key, so a project letter's move refreshes the ledger too. */
const lettersKey = ['letters'] as const;

export function useProjectLetters(id: string) {
  return useQuery({
    queryKey: [...lettersKey, 'project', id],
    queryFn: () => api.call('listProjectLetters', { params: { id } }),
  });
}

export function useLetterLedger(query: LetterQuery) {
  return useQuery({
    queryKey: [...lettersKey, 'ledger', query],
    queryFn: () => api.call('listLetters', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useLetterSummary(year: number) {
  return useQuery({
    queryKey: [...lettersKey, 'summary', year],
    queryFn: () => api.call('letterSummary', { query: { year } }),
  });
}

/** A mutation on a project's letters; success refreshes every letters query and the workbench. */
function useLetterMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: lettersKey });
      await queryClient.invalidateQueries({ queryKey: ['workbench'] });
    },
  });
}

export const useIssueProjectLetter = () =>
  useLetterMutation(({ id, body }: { id: string; body: IssueProjectLetter }, idempotencyKey) =>
    api.call('issueProjectLetter', { params: { id }, body, idempotencyKey }),
  );

export const useMarkProjectLetterSent = () =>
  useLetterMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('markProjectLetterSent', { params: { id }, body: { version }, idempotencyKey }),
  );

export const useReplyProjectLetter = () =>
  useLetterMutation(
    ({ id, version, reply }: { id: string; version: number; reply: string }, idempotencyKey) =>
      api.call('replyProjectLetter', { params: { id }, body: { version, reply }, idempotencyKey }),
  );

/** Where a project letter's .docx is downloaded. */
export const projectLetterUrl = (id: string) => buildPath(fileRoutes.downloadProjectLetter, { id });
