import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';

/**
 * Empties plans, reports and notifications of a test database, so reminder tests start from a
 * known state whatever the demo data holds.
 */
export async function startFromNoPlansOrReports(db: Queryable): Promise<void> {
  await db.execute(sql`delete from notification_deliveries`);
  await db.execute(sql`delete from notifications`);
  await db.execute(sql`delete from monthly_report_events`);
  await db.execute(
    sql`update project_files set monthly_report_id = null where monthly_report_id is not null`,
  );
  await db.execute(sql`delete from monthly_reports`);
  await db.execute(sql`delete from annual_plan_adjustments`);
  await db.execute(sql`delete from annual_plans`);
}
