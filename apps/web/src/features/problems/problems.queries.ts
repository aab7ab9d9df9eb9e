import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerProblem,
  ProblemDetail,
  ProblemQuery,
  ProblemReason,
  ProblemStatisticsQuery,
  ProblemStep,
  RaiseProblem,
  RouteProblem,
} from '@tuijin/contracts';
import type { ProblemAction } from '@tuijin/domain';
import { api, newIdempotencyKey } from '../../api/client';
import { projectKeys } from '../projects/projects.queries';

export const problemKeys = {
  all: ['problems'] as const,
  list: (query: Partial<ProblemQuery>) => ['problems', 'list', query] as const,
  detail: (id: string) => ['problems', 'detail', id] as const,
  board: ['problems', 'board'] as const,
  statistics: (query: Partial<ProblemStatisticsQuery>) => ['problems', 'statistics', query] as const,
};

/** A page of problems the reader may see: a view (handling / raised / leading), filters, paging. */
export function useProblems(query: Partial<ProblemQuery>, isEnabled = true) {
  return useQuery({
    queryKey: problemKeys.list(query),
    queryFn: () => api.call('findProblems', { query }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

/** How many problems each of the reader's tabs holds (a one-row page each); a tab still loading is absent. */
export function useProblemViewTotals<V extends NonNullable<ProblemQuery['view']>>(views: readonly V[]) {
  const results = useQueries({
    queries: views.map((view) => {
      const query = { view, page: 1, pageSize: 1 };
      return {
        queryKey: problemKeys.list(query),
        queryFn: () => api.call('findProblems', { query }),
      };
    }),
  });
  const totals: Partial<Record<V, number>> = {};
  views.forEach((view, index) => {
    const total = results[index]?.data?.page.total;
    if (total !== undefined) totals[view] = total;
  });
  return totals;
}

/** One problem with its timeline and the moves the reader may make now. */
export function useProblem(id: string) {
  return useQuery({
    queryKey: problemKeys.detail(id),
    queryFn: () => api.call('getProblem', { params: { id } }),
  });
}

/** 问题看板: counts by status × level and the overdue count. */
export function useProblemBoard() {
  return useQuery({ queryKey: problemKeys.board, queryFn: () => api.call('getProblemBoard') });
}

export function useProblemStatistics(query: Partial<ProblemStatisticsQuery>) {
  return useQuery({
    queryKey: problemKeys.statistics(query),
    queryFn: () => api.call('getProblemStatistics', { query }),
    placeholderData: keepPreviousData,
  });
}

/** After any change: every problem read and the project's pages (history, problems tab) are stale. */
function useInvalidateProblems() {
  const queryClient = useQueryClient();
  return (problem: ProblemDetail) => {
    queryClient.setQueryData(problemKeys.detail(problem.id), problem);
    void queryClient.invalidateQueries({ queryKey: problemKeys.all });
    void queryClient.invalidateQueries({ queryKey: projectKeys.detail(problem.projectId) });
  };
}

/** 登记问题 (秒推): answers the problem as routed, with its handler and due date. */
export function useRaiseProblem() {
  const invalidate = useInvalidateProblems();
  return useMutation({
    mutationFn: (
      body: Partial<RaiseProblem> & Pick<RaiseProblem, 'projectId' | 'category' | 'description'>,
    ) => api.call('raiseProblem', { body: body as RaiseProblem, idempotencyKey: newIdempotencyKey() }),
    onSuccess: invalidate,
  });
}

/** What each move sends besides the version. */
export type ProblemMoveBody =
  | { action: 'route'; body: Omit<RouteProblem, 'version'> }
  | { action: 'answer'; body: Omit<AnswerProblem, 'version'> }
  | { action: 'start' | 'confirm' | 'writeOff'; body: Omit<ProblemStep, 'version'> }
  | { action: 'unsatisfied' | 'reject' | 'reopen' | 'escalate'; body: Omit<ProblemReason, 'version'> };

const moveEndpoints = {
  route: 'routeProblem',
  start: 'startProblem',
  answer: 'answerProblem',
  confirm: 'confirmProblem',
  unsatisfied: 'rejectAnswer',
  writeOff: 'writeOffProblem',
  reject: 'rejectProblem',
  reopen: 'reopenProblem',
  escalate: 'escalateProblem',
} as const satisfies Record<ProblemAction, string>;

/** One lifecycle move on a problem at the version the reader saw (a stale one is a 409). */
export function useProblemMove(problem: Pick<ProblemDetail, 'id' | 'version'>) {
  const invalidate = useInvalidateProblems();
  return useMutation({
    mutationFn: (move: ProblemMoveBody) =>
      api.call(moveEndpoints[move.action], {
        params: { id: problem.id },
        body: { ...move.body, version: problem.version } as never,
        idempotencyKey: newIdempotencyKey(),
      }) as Promise<ProblemDetail>,
    onSuccess: invalidate,
  });
}

/** 交办 choices: the departments and offices of the problem's jurisdiction (never owner companies). */
export function useProblemHandlerCandidates(problemId: string) {
  return useQuery({
    queryKey: [...problemKeys.detail(problemId), 'handler-candidates'] as const,
    queryFn: () => api.call('listProblemHandlerCandidates', { params: { id: problemId } }),
    staleTime: 60_000,
  });
}
