import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CallInput,
  ChangeProjectStage,
  CreateProject,
  Endpoints,
  ProjectQuery,
  UpdateProject,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';
import { batchKeys } from '../batches/batches.queries';

type SetProjectBatches = CallInput<Endpoints['setProjectBatches']>['body'];
type ProjectPart = 'stages' | 'files' | 'comments' | 'history';

export const projectKeys = {
  all: ['projects'] as const,
  list: (query: Partial<ProjectQuery>) => ['projects', 'list', query] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  part: (id: string, part: ProjectPart) => ['projects', 'detail', id, part] as const,
};

export function useProjects(query: Partial<ProjectQuery>) {
  return useQuery({
    queryKey: projectKeys.list(query),
    queryFn: () => api.call('findProjects', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: () => api.call('getProject', { params: { id } }),
  });
}

/**
 * The project page's first screen in one request (project, last reports, open problems, colour); the
 * project also fills the detail query, so the tabs that read it ask nothing more. Under the detail key,
 * so whatever invalidates the project refreshes it.
 */
export function useProjectFirstScreen(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...projectKeys.detail(id), 'first-screen'] as const,
    queryFn: async () => {
      const screen = await api.call('getProjectFirstScreen', { params: { id } });
      queryClient.setQueryData(projectKeys.detail(id), screen.project);
      return screen;
    },
  });
}

export function useStageChanges(id: string) {
  return useQuery({
    queryKey: projectKeys.part(id, 'stages'),
    queryFn: async () => (await api.call('listStageChanges', { params: { id } })).data,
  });
}

export function useProjectHistory(id: string) {
  return useQuery({
    queryKey: projectKeys.part(id, 'history'),
    queryFn: async () => (await api.call('getProjectHistory', { params: { id } })).data,
  });
}

export function useProjectFiles(id: string) {
  return useQuery({
    queryKey: projectKeys.part(id, 'files'),
    queryFn: async () => (await api.call('listProjectFiles', { params: { id } })).data,
  });
}

export function useProjectComments(id: string) {
  return useQuery({
    queryKey: projectKeys.part(id, 'comments'),
    queryFn: async () => (await api.call('listProjectComments', { params: { id } })).data,
  });
}

/**
 * A project mutation. Success refreshes every project query (lists, the page and its tabs; the
 * history tab then shows the new audit event) and the batch counts, which move with a project.
 */
function useProjectMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.all }),
        queryClient.invalidateQueries({ queryKey: batchKeys.all }),
      ]);
    },
  });
}

type WithId<T> = T & { id: string };

export const useCreateProject = () =>
  useProjectMutation((body: CreateProject, idempotencyKey) =>
    api.call('createProject', { body, idempotencyKey }),
  );

export const useUpdateProject = () =>
  useProjectMutation(({ id, ...body }: WithId<UpdateProject>, idempotencyKey) =>
    api.call('updateProject', { params: { id }, body, idempotencyKey }),
  );

export const useChangeProjectStage = () =>
  useProjectMutation(({ id, ...body }: WithId<ChangeProjectStage>, idempotencyKey) =>
    api.call('changeProjectStage', { params: { id }, body, idempotencyKey }),
  );

export const useSetProjectBatches = () =>
  useProjectMutation(({ id, ...body }: WithId<SetProjectBatches>, idempotencyKey) =>
    api.call('setProjectBatches', { params: { id }, body, idempotencyKey }),
  );

export const useCreateProjectComment = () =>
  useProjectMutation(({ id, body }: { id: string; body: string }, idempotencyKey) =>
    api.call('createProjectComment', { params: { id }, body: { body }, idempotencyKey }),
  );

export const useDeleteProjectFile = () =>
  useProjectMutation(({ id, fileId }: { id: string; fileId: string }, idempotencyKey) =>
    api.call('deleteProjectFile', { params: { id, fileId }, idempotencyKey }),
  );
