import type { IssueProjectLetter } from '@tuijin/contracts';
import {
  AppError,
  assertProjectLagging,
  chinaDate,
  defaultLetterKind,
  formatLetterSerial,
  workingDeadline,
} from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { organisations, projectLetters, projects } from '../../db/schema';
import { recordAudit } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import { nextLetterNumber } from '../problem-letters';
import { projectLetterFacts } from './project-letter-facts';
import {
  chinaYearStart,
  letterRecipients,
  loadLetterProject,
  mayIssueProjectLetter,
  projectLettersSince,
} from './project-letters.queries';

const officeOnly = '只有项目所在地的重点办可以发提醒函或督办单';

/**
 * 发函: an office over the project's region issues a 提醒函 or 督办单 on a lagging project to its
 * owner unit (or its responsible department). Refused unless the project lags for the reason given
 * (`assertProjectLagging` over the figures of now, which the letter keeps). Numbered in the same
 * series as the letters on problems (提醒〔2026〕3号); the kind defaults to 提醒函 for the project's
 * first letter of the year and 督办单 after; the reply is due in working days (调休 counted).
 * One transaction: the letter and the audit event `projectLetter.issue`.
 */
export async function issueProjectLetter(ctx: Ctx, projectId: string, input: IssueProjectLetter) {
  const project = await loadLetterProject(ctx.db, ctx.actor, projectId);
  if (!mayIssueProjectLetter(ctx.actor, project)) throw new AppError('FORBIDDEN', officeOnly);
  const [issuer] = await ctx.db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, ctx.actor.organisationId));
  if (issuer?.kind !== 'office') throw new AppError('FORBIDDEN', officeOnly);
  const recipients = await letterRecipients(ctx.db, project);
  const recipient = recipients.find(
    (r) => r.id === (input.recipientOrganisationId ?? project.ownerOrganisationId),
  );
  if (!recipient)
    throw new AppError('VALIDATION_FAILED', '收函单位应为项目业主单位或责任部门', [
      { path: 'recipientOrganisationId', message: '不是项目业主单位或责任部门' },
    ]);
  const facts = await projectLetterFacts(ctx, project);
  assertProjectLagging(input.reason, facts);
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const reply = workingDeadline(today, input.replyWorkingDays, await loadHolidayCalendar(ctx.db));
  return ctx.db.transaction(async (tx) => {
    // Serialise letters on one project so two offices cannot both issue its "first" 提醒函.
    await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, project.id)).for('update');
    const kind =
      input.kind ?? defaultLetterKind(await projectLettersSince(tx, project.id, chinaYearStart(year)));
    const serial = formatLetterSerial(
      kind,
      year,
      await nextLetterNumber(tx, ctx.actor.regionCode, kind, year),
    );
    const [letter] = await tx
      .insert(projectLetters)
      .values({
        projectId: project.id,
        kind,
        serial,
        issuerRegionCode: ctx.actor.regionCode,
        issuerOrganisationId: issuer.id,
        issuerOrganisationName: issuer.name,
        recipientOrganisationId: recipient.id,
        recipientOrganisationName: recipient.name,
        reason: input.reason,
        facts,
        demandedAction: input.demandedAction,
        replyDueOn: reply.on,
        replyWorkingDays: input.replyWorkingDays,
        isReplyDueOnProvisional: reply.isProvisional,
        status: 'issued',
        issuedBy: ctx.actor.userId,
        issuedByName: ctx.actor.displayName,
        issuedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'projectLetter.issue',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      detail: {
        letterId: letter!.id,
        kind,
        serial,
        reason: input.reason,
        recipientOrganisationId: recipient.id,
        replyDueOn: reply.on,
      },
    });
    return letter!;
  });
}
