import type { Database } from '../db/database';
import {
  annualPlanAdjustments,
  annualPlans,
  monthlyReportEvents,
  monthlyReports,
  projectFiles,
  projects,
} from '../db/schema';

/**
 * Removes every annual plan and monthly report (the demo carries both), so a test that counts or
 * seeds its own starts from none, and the projects' actual dates (learned from reports and stage
 * moves) with them. Report photos stay as project files, detached from their report.
 */
export async function clearPlansAndReports(db: Database) {
  await db.update(projectFiles).set({ monthlyReportId: null });
  await db.delete(monthlyReportEvents);
  await db.delete(monthlyReports);
  await db.delete(annualPlanAdjustments);
  await db.delete(annualPlans);
  await db.update(projects).set({ actualStartOn: null, actualCompletionOn: null, actualOperationOn: null });
}
