import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CallInput,
  CreateMeetingSeries,
  EditAgenda,
  Endpoints,
  MeetingDetail,
  MoveTask,
  RecordAttendance,
  ScheduleMeeting,
  UpdateMeetingSeries,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

export type MeetingQuery = NonNullable<CallInput<Endpoints['listMeetings']>['query']>;
export type TaskQuery = NonNullable<CallInput<Endpoints['listDispatchTasks']>['query']>;
export type DecideTaskBody = NonNullable<CallInput<Endpoints['decideTask']>['body']>;

export const dispatchKeys = {
  all: ['dispatch'] as const,
  series: (regionCode: string | null) => ['dispatch', 'series', regionCode] as const,
  meetings: (query: MeetingQuery) => ['dispatch', 'meetings', query] as const,
  meeting: (id: string) => ['dispatch', 'meeting', id] as const,
  tasks: (query: TaskQuery) => ['dispatch', 'tasks', query] as const,
  task: (id: string) => ['dispatch', 'task', id] as const,
  organisations: ['dispatch', 'organisations'] as const,
};

/** The meeting series of a region (the reader's own when none) with the presets and `canManage`. */
export function useMeetingSeries(regionCode: string | null = null) {
  return useQuery({
    queryKey: dispatchKeys.series(regionCode),
    queryFn: () => api.call('listMeetingSeries', { query: regionCode ? { regionCode } : {} }),
  });
}

/** A page of meetings of the jurisdiction, newest first. */
export function useMeetings(query: MeetingQuery) {
  return useQuery({
    queryKey: dispatchKeys.meetings(query),
    queryFn: () => api.call('listMeetings', { query }),
    placeholderData: keepPreviousData,
  });
}

/** One meeting: attendance, the agenda built for it (or as fixed when held), minutes and its tasks. */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: dispatchKeys.meeting(id),
    queryFn: () => api.call('getMeeting', { params: { id } }),
  });
}

/** A page of tasks (mine / all, by status and overdue), earliest due first. */
export function useDispatchTasks(query: TaskQuery) {
  return useQuery({
    queryKey: dispatchKeys.tasks(query),
    queryFn: () => api.call('listDispatchTasks', { query }),
    placeholderData: keepPreviousData,
  });
}

/** One task with its history and the moves the reader may make. */
export function useDispatchTask(id: string | null) {
  return useQuery({
    queryKey: dispatchKeys.task(id ?? ''),
    queryFn: () => api.call('getDispatchTask', { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

/**
 * The organisations a meeting can name (attending, responsible for a task): the jurisdiction's and the
 * departments above it, loaded once (a jurisdiction has a few dozen) and filtered in the select.
 */
export function useDispatchOrganisations(enabled = true) {
  return useQuery({
    queryKey: dispatchKeys.organisations,
    queryFn: async () =>
      (await api.call('findOrganisations', { query: { assignable: true, pageSize: 200 } })).data,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Rereads every dispatch record (after a change, or a CONFLICT). */
export function useRefetchDispatch() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: dispatchKeys.all });
}

/** Changes answer the meeting: it replaces the cached one, then lists and tasks are reread. */
function useMeetingMutation<V>(mutationFn: (variables: V, idempotencyKey: string) => Promise<MeetingDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: (meeting) => {
      queryClient.setQueryData(dispatchKeys.meeting(meeting.id), meeting);
      void queryClient.invalidateQueries({
        queryKey: dispatchKeys.all,
        predicate: (query) => query.queryKey[1] !== 'meeting' || query.queryKey[2] !== meeting.id,
      });
    },
  });
}

function useDispatchMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const refetch = useRefetchDispatch();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: () => refetch(),
  });
}

export const useCreateMeetingSeries = () =>
  useDispatchMutation((body: CreateMeetingSeries, idempotencyKey) =>
    api.call('createMeetingSeries', { body, idempotencyKey }),
  );

export const useUpdateMeetingSeries = () =>
  useDispatchMutation(({ id, body }: { id: string; body: UpdateMeetingSeries }, idempotencyKey) =>
    api.call('updateMeetingSeries', { params: { id }, body, idempotencyKey }),
  );

export const useScheduleMeeting = () =>
  useMeetingMutation((body: ScheduleMeeting, idempotencyKey) =>
    api.call('scheduleMeeting', { body, idempotencyKey }),
  );

export const useEditAgenda = () =>
  useMeetingMutation(({ id, body }: { id: string; body: EditAgenda }, idempotencyKey) =>
    api.call('editMeetingAgenda', { params: { id }, body, idempotencyKey }),
  );

export const useRecordAttendance = () =>
  useMeetingMutation(({ id, body }: { id: string; body: RecordAttendance }, idempotencyKey) =>
    api.call('recordMeetingAttendance', { params: { id }, body, idempotencyKey }),
  );

export const useHoldMeeting = () =>
  useMeetingMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('holdMeeting', { params: { id }, body: { version }, idempotencyKey }),
  );

export const useCloseMeeting = () =>
  useMeetingMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('closeMeeting', { params: { id }, body: { version }, idempotencyKey }),
  );

export const useRecordMinutes = () =>
  useMeetingMutation(({ itemId, minutes }: { itemId: string; minutes: string }, idempotencyKey) =>
    api.call('recordAgendaMinutes', { params: { id: itemId }, body: { minutes }, idempotencyKey }),
  );

export const useDecideTask = () =>
  useMeetingMutation(({ meetingId, body }: { meetingId: string; body: DecideTaskBody }, idempotencyKey) =>
    api.call('decideTask', { params: { id: meetingId }, body, idempotencyKey }),
  );

export const useMoveTask = () => {
  const queryClient = useQueryClient();
  const refetch = useRefetchDispatch();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MoveTask }) =>
      api.call('moveDispatchTask', { params: { id }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: (task) => {
      queryClient.setQueryData(dispatchKeys.task(task.id), task);
      refetch();
      void queryClient.invalidateQueries({ queryKey: ['workbench'] });
    },
  });
};
