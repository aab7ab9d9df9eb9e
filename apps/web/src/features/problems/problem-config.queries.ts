import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRoutingRule, EscalationLadder, SetEscalationLadder } from '@tuijin/contracts';
import type { EscalationPresetId } from '@tuijin/domain';
import { api, newIdempotencyKey } from '../../api/client';
import { problemKeys } from './problems.queries';

export const problemConfigKeys = {
  problemClass: (id: string) => ['problems', 'class', id] as const,
  ladder: (code: string) => ['escalation-ladders', code] as const,
  routingRules: ['problem-routing-rules'] as const,
};

/** 问题类 (解决一个、打通一类) with the members the reader may see. */
export function useProblemClass(id: string | null) {
  return useQuery({
    queryKey: problemConfigKeys.problemClass(id ?? ''),
    queryFn: () => api.call('getProblemClass', { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

/** 归为一类: links the chosen problems as one class; every problem read is stale afterwards. */
export function useCreateProblemClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; problemIds: string[] }) =>
      api.call('createProblemClass', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: (created) => {
      queryClient.setQueryData(problemConfigKeys.problemClass(created.id), created);
      void queryClient.invalidateQueries({ queryKey: problemKeys.all });
    },
  });
}

/** 统一答复: one answer for every open member of the class. */
export function useAnswerProblemClass(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: string) =>
      api.call('answerProblemClass', {
        params: { id },
        body: { answer },
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: (answered) => {
      queryClient.setQueryData(problemConfigKeys.problemClass(id), answered);
      void queryClient.invalidateQueries({ queryKey: problemKeys.all });
    },
  });
}

/** The ladder that applies in a region (its own, or the nearest ancestor's). */
export function useEscalationLadder(code: string) {
  return useQuery({
    queryKey: problemConfigKeys.ladder(code),
    queryFn: () => api.call('getEscalationLadder', { params: { code } }),
  });
}

function useLadderSaved(code: string) {
  const queryClient = useQueryClient();
  return (ladder: EscalationLadder) => {
    queryClient.setQueryData(problemConfigKeys.ladder(code), ladder);
    void queryClient.invalidateQueries({ queryKey: ['escalation-ladders'] });
  };
}

/** Saves the region's own ladder as a whole (the version it was read at; a stale one is a 409). */
export function useSetEscalationLadder(code: string) {
  const onSuccess = useLadderSaved(code);
  return useMutation({
    mutationFn: (body: SetEscalationLadder) =>
      api.call('setEscalationLadder', { params: { code }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess,
  });
}

/** Sets the region's ladder from a published preset (漯河五级, 惠安“321”). */
export function useApplyEscalationPreset(code: string) {
  const onSuccess = useLadderSaved(code);
  return useMutation({
    mutationFn: (body: { preset: EscalationPresetId; version: number | null }) =>
      api.call('applyEscalationPreset', { params: { code }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess,
  });
}

/** 交办规则 of the reader's jurisdiction. */
export function useRoutingRules() {
  return useQuery({
    queryKey: problemConfigKeys.routingRules,
    queryFn: () => api.call('listRoutingRules'),
  });
}

export function useCreateRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRoutingRule) =>
      api.call('createRoutingRule', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: problemConfigKeys.routingRules }),
  });
}

export function useDeleteRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.call('deleteRoutingRule', { params: { id }, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: problemConfigKeys.routingRules }),
  });
}
