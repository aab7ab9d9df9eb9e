import { endpoints, fileRoutes } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition } from '../../lib/excel';
import { docxContentType } from '../../lib/official-docx';
import { getCadenceCompliance, getCadenceRules, getVisitCoverage, saveCadenceRules } from './cadence';
import { closeMeeting, renderDispatchSheet } from './dispatch-sheets';
import { linkVisitProblem, listFieldVisits, recordFieldVisit } from './field-visits';
import { createMeetingSeries, listMeetingSeries, updateMeetingSeries } from './meeting-series';
import {
  editMeetingAgenda,
  getMeeting,
  holdMeeting,
  listMeetings,
  recordAgendaMinutes,
  recordMeetingAttendance,
  scheduleMeeting,
} from './meetings';
import { getMyDispatch } from './my-dispatch';
import { getProblemMeeting } from './problem-meeting';
import { decideTask, getDispatchTask, listDispatchTasks, moveDispatchTask } from './tasks';

/** 调度: meeting series, meetings with the agenda built for them, and the tasks they decide. */
export function registerDispatchRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getProblemMeeting, 'dispatch.read', ({ ctx, params }) =>
    getProblemMeeting(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.getMyDispatch, 'dispatch.read', ({ ctx, query }) =>
    getMyDispatch(ctx, query),
  );
  defineRoute(app, deps, endpoints.recordFieldVisit, 'dispatch.manage', ({ ctx, body }) =>
    recordFieldVisit(ctx, body),
  );
  defineRoute(app, deps, endpoints.listFieldVisits, 'meeting.read', ({ ctx, query }) =>
    listFieldVisits(ctx, query),
  );
  defineRoute(app, deps, endpoints.linkVisitProblem, 'dispatch.manage', ({ ctx, params, body }) =>
    linkVisitProblem(ctx, params.id, body.problemId),
  );
  defineRoute(app, deps, endpoints.getVisitCoverage, 'meeting.read', ({ ctx, query }) =>
    getVisitCoverage(ctx, query),
  );
  defineRoute(app, deps, endpoints.getCadenceRules, 'meeting.read', ({ ctx, params }) =>
    getCadenceRules(ctx, params.regionCode),
  );
  defineRoute(app, deps, endpoints.saveCadenceRules, 'dispatch.manage', ({ ctx, params, body }) =>
    saveCadenceRules(ctx, params.regionCode, body),
  );
  defineRoute(app, deps, endpoints.getCadenceCompliance, 'meeting.read', ({ ctx, query }) =>
    getCadenceCompliance(ctx, query),
  );
  defineRoute(app, deps, endpoints.listMeetingSeries, 'meeting.read', ({ ctx, query }) =>
    listMeetingSeries(ctx, query.regionCode),
  );
  defineRoute(app, deps, endpoints.createMeetingSeries, 'dispatch.manage', ({ ctx, body }) =>
    createMeetingSeries(ctx, body),
  );
  defineRoute(app, deps, endpoints.updateMeetingSeries, 'dispatch.manage', ({ ctx, params, body }) =>
    updateMeetingSeries(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.listMeetings, 'meeting.read', ({ ctx, query }) =>
    listMeetings(ctx, query),
  );
  defineRoute(app, deps, endpoints.scheduleMeeting, 'dispatch.manage', ({ ctx, body }) =>
    scheduleMeeting(ctx, body),
  );
  defineRoute(app, deps, endpoints.getMeeting, 'meeting.read', ({ ctx, params }) =>
    getMeeting(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.editMeetingAgenda, 'dispatch.manage', ({ ctx, params, body }) =>
    editMeetingAgenda(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.recordMeetingAttendance, 'dispatch.manage', ({ ctx, params, body }) =>
    recordMeetingAttendance(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.holdMeeting, 'dispatch.manage', ({ ctx, params, body }) =>
    holdMeeting(ctx, params.id, body.version),
  );
  defineRoute(app, deps, endpoints.closeMeeting, 'dispatch.manage', async ({ ctx, params, body }) => {
    await closeMeeting(ctx, params.id, body.version);
    return getMeeting(ctx, params.id);
  });
  app.get(
    fileRoutes.downloadDispatchSheet,
    { config: { access: 'dispatch.read' }, schema: { hide: true } },
    async (request, reply) => {
      const { id } = z.object({ id: z.uuid({ message: '无效的编号' }) }).parse(request.params);
      const { sheetNumber, bytes } = await renderDispatchSheet(deps.makeCtx(request), id);
      reply.header('content-disposition', attachmentDisposition(`${sheetNumber}.docx`));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(docxContentType);
      return reply.send(bytes);
    },
  );
  defineRoute(app, deps, endpoints.recordAgendaMinutes, 'dispatch.manage', ({ ctx, params, body }) =>
    recordAgendaMinutes(ctx, params.id, body.minutes),
  );
  defineRoute(app, deps, endpoints.decideTask, 'dispatch.manage', async ({ ctx, params, body }) => {
    await decideTask(ctx, params.id, body);
    return getMeeting(ctx, params.id);
  });
  defineRoute(app, deps, endpoints.listDispatchTasks, 'dispatch.read', ({ ctx, query }) =>
    listDispatchTasks(ctx, query),
  );
  defineRoute(app, deps, endpoints.getDispatchTask, 'dispatch.read', ({ ctx, params }) =>
    getDispatchTask(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.moveDispatchTask, 'dispatch.read', ({ ctx, params, body }) =>
    moveDispatchTask(ctx, params.id, body),
  );
}
