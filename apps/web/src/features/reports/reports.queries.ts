import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CorrectReport,
  MonthlyReport,
  ReportSubmission,
  ReviewQueueQuery,
  SavePhotoEvidenceSettings,
  SaveReportDraft,
  SetReportingCalendar,
  StatusBoardQuery,
  SubmitMonthReport,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';
import { projectKeys } from '../projects/projects.queries';

export const reportKeys = {
  all: ['reports'] as const,
  form: (projectId: string, year: number, month: number) =>
    ['reports', 'form', projectId, year, month] as const,
  projectYear: (projectId: string, year: number) => ['reports', 'project', projectId, year] as const,
  one: (id: string) => ['reports', 'one', id] as const,
  queue: (query: Partial<ReviewQueueQuery>) => ['reports', 'queue', query] as const,
  board: (query: StatusBoardQuery) => ['reports', 'board', query] as const,
  calendar: (regionCode: string) => ['reports', 'calendar', regionCode] as const,
  photoEvidence: (regionCode: string) => ['reports', 'photoEvidence', regionCode] as const,
};

/** The form of one project's month: plan, approved totals before it, last month's text, the window, the report. */
export function useReportForm(projectId: string | undefined, year: number, month: number) {
  return useQuery({
    queryKey: reportKeys.form(projectId ?? '', year, month),
    queryFn: () => api.call('getReportForm', { params: { id: projectId ?? '', year, month } }),
    enabled: Boolean(projectId),
  });
}

/** A project's year of reports, month by month. */
export function useProjectReportYear(projectId: string, year: number) {
  return useQuery({
    queryKey: reportKeys.projectYear(projectId, year),
    queryFn: () => api.call('listProjectReports', { params: { id: projectId }, query: { year } }),
    placeholderData: keepPreviousData,
  });
}

export function useMonthlyReport(id: string | null) {
  return useQuery({
    queryKey: reportKeys.one(id ?? ''),
    queryFn: () => api.call('getMonthlyReport', { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useReviewQueue(query: Partial<ReviewQueueQuery>) {
  return useQuery({
    queryKey: reportKeys.queue(query),
    queryFn: () => api.call('findReviewQueue', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useStatusBoard(query: StatusBoardQuery, enabled = true) {
  return useQuery({
    queryKey: reportKeys.board(query),
    queryFn: () => api.call('getReportStatusBoard', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * Any report write changes forms, queues, boards and project years, and the project page's first
 * screen (its latest reports): refresh them all.
 */
function useRefreshReports() {
  const queryClient = useQueryClient();
  return (report: MonthlyReport) => {
    queryClient.setQueryData(reportKeys.one(report.id), report);
    void queryClient.invalidateQueries({ queryKey: reportKeys.all });
    void queryClient.invalidateQueries({
      queryKey: [...projectKeys.detail(report.projectId), 'first-screen'],
    });
  };
}

export function useSaveReportDraft() {
  const refresh = useRefreshReports();
  return useMutation({
    mutationFn: ({
      projectId,
      year,
      month,
      body,
    }: {
      projectId: string;
      year: number;
      month: number;
      body: SaveReportDraft;
    }) =>
      api.call('saveReportDraft', {
        params: { id: projectId, year, month },
        body,
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: refresh,
  });
}

/**
 * Saves and submits a month's report in one request and one transaction (new or changed): a refused
 * submission stores nothing, and a retry with the same key replays the first answer.
 */
export function useSubmitMonthReport() {
  const queryClient = useQueryClient();
  // The answer is the submission (the row's new state), not the whole report: read it again.
  const refresh = (submission: ReportSubmission) => {
    void queryClient.invalidateQueries({ queryKey: reportKeys.all });
    void queryClient.invalidateQueries({
      queryKey: [...projectKeys.detail(submission.projectId), 'first-screen'],
    });
  };
  return useMutation({
    mutationFn: ({
      projectId,
      year,
      month,
      body,
    }: {
      projectId: string;
      year: number;
      month: number;
      body: SubmitMonthReport;
    }) =>
      api.call('submitMonthReport', {
        params: { id: projectId, year, month },
        body,
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: refresh,
  });
}

type Versioned = { id: string; version: number };

export function useApproveReport() {
  const refresh = useRefreshReports();
  return useMutation({
    mutationFn: ({ id, version }: Versioned) =>
      api.call('approveReport', { params: { id }, body: { version }, idempotencyKey: newIdempotencyKey() }),
    onSuccess: refresh,
  });
}

export function useReturnReport() {
  const refresh = useRefreshReports();
  return useMutation({
    mutationFn: ({ id, version, reason }: Versioned & { reason: string }) =>
      api.call('returnReport', {
        params: { id },
        body: { version, reason },
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: refresh,
  });
}

export function useCorrectReport() {
  const refresh = useRefreshReports();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CorrectReport }) =>
      api.call('correctReport', { params: { id }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: refresh,
  });
}

export function useReportingCalendar(regionCode: string) {
  return useQuery({
    queryKey: reportKeys.calendar(regionCode),
    queryFn: () => api.call('getReportingCalendar', { params: { regionCode } }),
  });
}

export function useSetReportingCalendar(regionCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetReportingCalendar) =>
      api.call('setReportingCalendar', {
        params: { regionCode },
        body,
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: (view) => queryClient.setQueryData(reportKeys.calendar(regionCode), view),
  });
}

export function useDeleteReportingCalendar(regionCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api.call('deleteReportingCalendar', {
        params: { regionCode },
        query: { version },
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: (view) => queryClient.setQueryData(reportKeys.calendar(regionCode), view),
  });
}

/** The jurisdiction's photo distance threshold (own, an ancestor's or the 5 km default). */
export function usePhotoEvidenceSettings(regionCode: string) {
  return useQuery({
    queryKey: reportKeys.photoEvidence(regionCode),
    queryFn: () => api.call('getPhotoEvidenceSettings', { query: { regionCode } }),
  });
}

/** Saves the threshold; every report read again shows the findings under it. */
export function useSavePhotoEvidenceSettings(regionCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SavePhotoEvidenceSettings) =>
      api.call('savePhotoEvidenceSettings', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: async (view) => {
      queryClient.setQueryData(reportKeys.photoEvidence(regionCode), view);
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}
