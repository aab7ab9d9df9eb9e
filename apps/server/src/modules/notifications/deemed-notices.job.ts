import { z } from 'zod';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { defineJob } from '../../jobs/define-job';
import { type IssuedDeemedNotice, issueDeemedNotices } from '../approvals';
import { approvalOfficeStaff, organisationStaff } from './approval-recipients';
import { notify } from './notify';

/** Tells the owner, the agent, the approving department and the office that a notice went out. */
async function tellAboutDeemedNotice(tx: Queryable, now: Date, notice: IssuedDeemedNotice) {
  const recipients = [
    ...(await organisationStaff(tx, [notice.ownerOrganisationId], 'owner')),
    ...(notice.agentUserId ? [notice.agentUserId] : []),
    ...(await organisationStaff(tx, [notice.departmentId])),
    ...(await approvalOfficeStaff(tx, notice.regionPath)),
  ];
  await notify(tx, now, [...new Set(recipients)], {
    kind: 'approval.deemedNotice',
    params: {
      projectName: notice.projectName,
      itemName: notice.itemName,
      noticeNumber: notice.noticeNumber,
      deadlineOn: notice.deadlineOn,
    },
    link: `/projects/${notice.projectId}?tab=approvals`,
    dedupeKey: `approval.deemedNotice:${notice.itemId}`,
  });
}

/**
 * Issues the 超时默认 notices due now and, in each notice's transaction, tells the people concerned
 * (the job's work; the demo load runs it too).
 */
export function issueDeemedNoticesAndTell(ctx: Pick<Ctx, 'db' | 'clock' | 'auditKey'>) {
  const now = ctx.clock.now();
  return issueDeemedNotices(ctx, (tx, notice) => tellAboutDeemedNotice(tx, now, notice));
}

/**
 * 超时默认告知: issues the notices due today (`issueDeemedNotices`, one per item ever) and, in each
 * notice's transaction, notifies owner, agent, department and office.
 */
export const deemedNoticesJob = defineJob({
  name: 'deemedNotices',
  title: '前期手续超时默认告知',
  schedule: { everyMinutes: 60 },
  payload: z.object({}).strict(),
  run: async (ctx) => {
    const outcome = await issueDeemedNoticesAndTell(ctx);
    for (const failed of outcome.failures)
      ctx.log(`超时默认告知：手续 ${failed.itemId} 处理失败，下次运行重试：${failed.reason}`);
    return `发出超时默认告知书 ${outcome.issued.length} 份，失败 ${outcome.failures.length} 个`;
  },
});
