import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdjustMilestoneNode,
  CallInput,
  CreateMilestoneTemplate,
  Endpoints,
  PlanMilestones,
  ProjectMilestones,
  RecordMilestoneActual,
  UpdateMilestoneTemplate,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';
import { projectKeys } from '../projects/projects.queries';

/** The portfolio's query as sent (`overdue` travels as 'true' / 'false'). */
export type MilestonePortfolioQuery = NonNullable<CallInput<Endpoints['getMilestonePortfolio']>['query']>;

export const milestoneKeys = {
  all: ['milestones'] as const,
  project: (projectId: string) => ['milestones', 'project', projectId] as const,
  fishbone: (projectId: string) => ['milestones', 'fishbone', projectId] as const,
  templates: (regionCode: string | null) => ['milestones', 'templates', regionCode] as const,
  portfolio: (query: MilestonePortfolioQuery) => ['milestones', 'portfolio', query] as const,
};

/** A project's milestone plan: nodes with baseline, plan and actual dates, adjustments, summary. */
export function useProjectMilestones(projectId: string, enabled = true) {
  return useQuery({
    queryKey: milestoneKeys.project(projectId),
    queryFn: () => api.call('getProjectMilestones', { params: { id: projectId } }),
    enabled,
  });
}

/** The project's 鱼刺图: its blocking causes by category. */
export function useProjectFishbone(projectId: string, enabled = true) {
  return useQuery({
    queryKey: milestoneKeys.fishbone(projectId),
    queryFn: () => api.call('getProjectFishbone', { params: { id: projectId } }),
    enabled,
  });
}

/** Templates of a region and the regions above it, with the presets (the reader's region when none). */
export function useMilestoneTemplates(regionCode: string | null, enabled = true) {
  return useQuery({
    queryKey: milestoneKeys.templates(regionCode),
    queryFn: () => api.call('listMilestoneTemplates', { query: regionCode ? { regionCode } : {} }),
    enabled,
  });
}

/** A page of projects with their nodes for the portfolio chart. */
export function useMilestonePortfolio(query: MilestonePortfolioQuery) {
  return useQuery({
    queryKey: milestoneKeys.portfolio(query),
    queryFn: () => api.call('getMilestonePortfolio', { query }),
    placeholderData: keepPreviousData,
  });
}

/**
 * After a change every milestone read is stale (the plan, the portfolio, the 鱼刺图's late nodes) and
 * so is the project page (its history shows the audit event).
 */
function useInvalidateMilestones() {
  const queryClient = useQueryClient();
  return (projectId?: string) => {
    void queryClient.invalidateQueries({ queryKey: milestoneKeys.all });
    if (projectId) void queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) });
  };
}

/** Rereads everything about milestones, e.g. after a CONFLICT (someone changed the node first). */
export function useRefetchMilestones() {
  const invalidate = useInvalidateMilestones();
  return () => invalidate();
}

/** Plan changes answer the whole plan: it replaces the cached one before the rereads. */
function usePlanMutation<V>(
  mutationFn: (variables: V, idempotencyKey: string) => Promise<ProjectMilestones>,
) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateMilestones();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: (plan) => {
      queryClient.setQueryData(milestoneKeys.project(plan.projectId), plan);
      invalidate(plan.projectId);
    },
  });
}

export const usePlanMilestones = () =>
  usePlanMutation(({ projectId, body }: { projectId: string; body: PlanMilestones }, idempotencyKey) =>
    api.call('planProjectMilestones', { params: { id: projectId }, body, idempotencyKey }),
  );

export const useFreezeMilestones = () =>
  usePlanMutation(({ projectId, version }: { projectId: string; version: number }, idempotencyKey) =>
    api.call('freezeProjectMilestones', { params: { id: projectId }, body: { version }, idempotencyKey }),
  );

export const useAdjustMilestoneNode = () =>
  usePlanMutation(({ nodeId, body }: { nodeId: string; body: AdjustMilestoneNode }, idempotencyKey) =>
    api.call('adjustMilestoneNode', { params: { id: nodeId }, body, idempotencyKey }),
  );

export const useRecordMilestoneActual = () =>
  usePlanMutation(({ nodeId, body }: { nodeId: string; body: RecordMilestoneActual }, idempotencyKey) =>
    api.call('recordMilestoneActual', { params: { id: nodeId }, body, idempotencyKey }),
  );

/** Template changes: the template lists (and the 倒排 form's choices) are stale. */
function useTemplateMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['milestones', 'templates'] }),
  });
}

export const useCreateMilestoneTemplate = () =>
  useTemplateMutation((body: CreateMilestoneTemplate, idempotencyKey) =>
    api.call('createMilestoneTemplate', { body, idempotencyKey }),
  );

export const useUpdateMilestoneTemplate = () =>
  useTemplateMutation(({ id, body }: { id: string; body: UpdateMilestoneTemplate }, idempotencyKey) =>
    api.call('updateMilestoneTemplate', { params: { id }, body, idempotencyKey }),
  );
