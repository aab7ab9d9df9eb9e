import type { Database } from '../db/database';
import {
  dispatchSequences,
  dispatchSheets,
  dispatchTaskEvents,
  dispatchTasks,
  meetingAgendaItems,
  meetingAttendees,
  meetingSeries,
  meetings,
} from '../db/schema';

/**
 * Removes every meeting series, meeting and 交办事项 (the demo carries 蕉城's weekly meetings and the
 * city's 五个一), so a test that tells its own dispatch story from a blank county starts from none.
 */
export async function clearDispatch(db: Database) {
  await db.delete(dispatchTaskEvents);
  await db.delete(dispatchSheets);
  await db.delete(dispatchTasks);
  await db.delete(dispatchSequences);
  await db.delete(meetingAgendaItems);
  await db.delete(meetingAttendees);
  await db.delete(meetings);
  await db.delete(meetingSeries);
}
