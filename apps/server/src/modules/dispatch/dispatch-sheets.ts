import { AppError, authorize, chinaDate, meetingTransitions, transitionMeeting } from '@tuijin/domain';
import { AlignmentType, Document, Table, TableRow, WidthType } from 'docx';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { dispatchSheets, dispatchTasks, meetings, organisations } from '../../db/schema';
import {
  chineseDate,
  officialCell,
  officialLine,
  officialPageMargins,
  officialTitle,
  packDeterministicDocx,
} from '../../lib/official-docx';
import { regionOffice } from '../../lib/region-office';
import { updateVersioned } from '../audit';
import { mayManageMeetingsIn, meetingScope, seesMeetingsOf } from './dispatch-scope';
import { nextDispatchNumber } from './tasks';

/** 交办〔2026〕350902-7号: the region's sheet sequence of the year — unique in the deployment. */
export const formatSheetNumber = (regionCode: string, year: number, n: number) =>
  `交办〔${year}〕${regionCode}-${n}号`;

/**
 * 会议结束: the meeting's decisions are issued as one numbered 交办单 per responsible unit (tasks not
 * cancelled), and no task is added afterwards. A meeting with no decision closes without sheets.
 */
export async function closeMeeting(ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'dispatch.manage');
  const [meeting] = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), meetingScope(ctx.actor)));
  if (!meeting) throw new AppError('NOT_FOUND', '会议不存在');
  if (!mayManageMeetingsIn(ctx.actor, meeting.regionPath))
    throw new AppError('FORBIDDEN', '只有会议所在辖区的重点办可以安排会议');
  const closed = transitionMeeting(meeting.status, 'close');
  const units = await ctx.db
    .selectDistinct({ organisationId: dispatchTasks.organisationId, name: organisations.name })
    .from(dispatchTasks)
    .innerJoin(organisations, eq(organisations.id, dispatchTasks.organisationId))
    .where(and(eq(dispatchTasks.meetingId, id), ne(dispatchTasks.status, 'cancelled')))
    .orderBy(asc(organisations.name));
  const now = ctx.clock.now();
  const year = Number(meeting.heldOn.slice(0, 4));
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: meetings,
      where: and(eq(meetings.id, id), inArray(meetings.status, meetingTransitions.close.from)),
      version,
      conflict: '会议已被他人修改，请刷新后重试',
      set: { status: closed, updatedAt: now },
      audit: (row) => ({
        action: 'meeting.close',
        entityType: 'meeting',
        entityId: row.id,
        regionPath: row.regionPath,
        detail: { sheets: units.map((u) => u.name) },
      }),
    });
    for (const unit of units) {
      const n = await nextDispatchNumber(tx, meeting.regionCode, 'sheet', year);
      await tx.insert(dispatchSheets).values({
        meetingId: id,
        organisationId: unit.organisationId,
        sheetNumber: formatSheetNumber(meeting.regionCode, year, n),
        issuedOn: chinaDate(now),
        issuedAt: now,
      });
    }
  });
}

/** The sheets of a meeting a reader may see: all for the meeting's readers, a unit's own otherwise. */
export async function sheetsOfMeeting(ctx: Pick<Ctx, 'db' | 'actor'>, meetingId: string) {
  return ctx.db
    .select({
      id: dispatchSheets.id,
      organisationId: dispatchSheets.organisationId,
      organisationName: organisations.name,
      sheetNumber: dispatchSheets.sheetNumber,
    })
    .from(dispatchSheets)
    .innerJoin(organisations, eq(organisations.id, dispatchSheets.organisationId))
    .where(eq(dispatchSheets.meetingId, meetingId))
    .orderBy(asc(dispatchSheets.sheetNumber));
}

/**
 * A 交办单 as .docx: the unit, the meeting that decided, each task with its person, deadline and
 * number, signed by the office of the meeting's region; the same bytes every time (stamped with its
 * issue time). Readers: who sees the meeting, and the unit it was issued to.
 */
export async function renderDispatchSheet(ctx: Pick<Ctx, 'db' | 'actor'>, sheetId: string) {
  const [row] = await ctx.db
    .select({ sheet: dispatchSheets, meeting: meetings, unitName: organisations.name })
    .from(dispatchSheets)
    .innerJoin(meetings, eq(meetings.id, dispatchSheets.meetingId))
    .innerJoin(organisations, eq(organisations.id, dispatchSheets.organisationId))
    .where(eq(dispatchSheets.id, sheetId));
  if (
    !row ||
    !(
      seesMeetingsOf(ctx.actor, row.meeting.regionPath) ||
      ctx.actor.organisationId === row.sheet.organisationId
    )
  )
    throw new AppError('NOT_FOUND', '交办单不存在');
  const tasks = await ctx.db
    .select()
    .from(dispatchTasks)
    .where(
      and(
        eq(dispatchTasks.meetingId, row.meeting.id),
        eq(dispatchTasks.organisationId, row.sheet.organisationId),
        ne(dispatchTasks.status, 'cancelled'),
      ),
    )
    .orderBy(asc(dispatchTasks.referenceNumber));
  const issuer = (await regionOffice(ctx.db, row.meeting.regionPath))?.name ?? '重点项目办公室';
  const { sheet, meeting } = row;
  const document = new Document({
    creator: issuer,
    lastModifiedBy: issuer,
    title: `交办单 ${sheet.sheetNumber}`,
    sections: [
      {
        properties: { page: { margin: officialPageMargins } },
        children: [
          officialTitle('交　办　单'),
          officialLine(sheet.sheetNumber, AlignmentType.CENTER),
          officialLine(`${row.unitName}：`),
          officialLine(
            `　　经${chineseDate(meeting.heldOn)}${meeting.title}研究，现将有关事项交办如下，请按期办结，并在时限内通过系统报送办理情况。`,
          ),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                children: [
                  officialCell('序号', 8, true),
                  officialCell('交办事项', 44, true),
                  officialCell('责任人', 14, true),
                  officialCell('办结时限', 18, true),
                  officialCell('编号', 16, true),
                ],
              }),
              ...tasks.map(
                (task, index) =>
                  new TableRow({
                    children: [
                      officialCell(String(index + 1), 8),
                      officialCell(task.title, 44),
                      officialCell(task.personName || '—', 14),
                      officialCell(chineseDate(task.dueOn), 18),
                      officialCell(task.referenceNumber, 16),
                    ],
                  }),
              ),
            ],
          }),
          officialLine(''),
          officialLine(issuer, AlignmentType.RIGHT),
          officialLine(chineseDate(sheet.issuedOn), AlignmentType.RIGHT),
        ],
      },
    ],
  });
  return { sheetNumber: sheet.sheetNumber, bytes: await packDeterministicDocx(document, sheet.issuedAt) };
}
