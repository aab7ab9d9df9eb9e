import { dispatchMeetingEndpoints } from './dispatch-meetings.contract';
import { dispatchVisitEndpoints } from './dispatch-visits.contract';

export * from './dispatch-meetings.contract';
export * from './dispatch-visits.contract';

/** 调度: field visits and cadence, meeting series, meetings and their tasks. */
export const dispatchEndpoints = { ...dispatchVisitEndpoints, ...dispatchMeetingEndpoints };
