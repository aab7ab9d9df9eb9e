import { systemActor } from '@tuijin/domain';
import { count, inArray } from 'drizzle-orm';
import { type Clock, type Ctx, systemClock } from '../context';
import type { Database } from '../db/database';
import { regions, users } from '../db/schema';
import type { FileStore } from '../lib/file-store';
import { recordAudit } from '../modules/audit';
import { markDemoInstallation } from '../modules/auth';
import { issueDeemedNoticesAndTell } from '../modules/notifications';
import { createOrganisation } from '../modules/organisations';
import { createRegion } from '../modules/regions';
import { getSecurityPolicy, updateSecurityPolicy } from '../modules/security';
import { createUser } from '../modules/users';
import { loadDemoApprovals } from './demo-approvals';
import { loadDemoBanks } from './demo-banks';
import { loadDemoCampaigns } from './demo-campaigns';
import { loadDemoDispatch } from './demo-dispatch';
import { loadDemoEvaluation } from './demo-evaluation';
import { loadDemoFactors } from './demo-factors';
import { loadDemoFunds } from './demo-funds';
import { loadDemoInspections } from './demo-inspections';
import { loadDemoMilestones } from './demo-milestones';
import { loadDemoPlans } from './demo-plans';
import { loadDemoProblems } from './demo-problems';
import { loadDemoProjectLetters } from './demo-project-letters';
import { loadDemoPromotion } from './demo-promotion';
import { loadDemoReports } from './demo-reports';
import { loadDemoResumption } from './demo-resumption';
import { loadDemoServicePlans } from './demo-service-plans';
import { loadDemoSitePhotos } from './demo-site-photos';
import { loadDemoStatistics } from './demo-statistics';
import { loadDemoWarnings } from './demo-warnings';
import { loadDemoWorkforce } from './demo-workforce';
import { loadDemoProjects } from './load-demo-projects';
import { demoAccounts, demoOrganisations, demoPassword, demoRegions } from './ningde';

export { demoPassword };

/**
 * Loads the demo jurisdiction (宁德市) into an empty database through the normal use cases, so every
 * record has its audit event. Does nothing and returns false when any region exists already. One
 * transaction: an interrupted first start leaves an empty database that loads again next time.
 */
export async function loadDemo(
  deps: { db: Database; auditKey: Buffer; clock?: Clock; files?: FileStore },
  options: DemoOptions = {},
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(regions);
    if ((existing?.n ?? 0) > 0) return false;
    const db = tx as unknown as Database;
    await loadInto(
      {
        db,
        actor: systemActor,
        clock: deps.clock ?? systemClock,
        ip: null,
        auditKey: deps.auditKey,
      },
      { ...options, files: deps.files },
    );
    return true;
  });
}

/**
 * `base`: only the regions, organisations, accounts and projects, for a test that builds the rest
 * itself (a full load takes most of a minute on a loaded two-core machine).
 */
export interface DemoOptions {
  base?: boolean;
  /** Stops after the problems: what a test of them needs, without the approvals, milestones… after. */
  through?: 'problems';
}

async function loadInto(ctx: Ctx, options: DemoOptions & { files?: FileStore }) {
  // First, so the demo accounts may be given the published demo password (refused elsewhere).
  await markDemoInstallation(ctx.db, ctx.clock.now());
  for (const region of demoRegions) await createRegion(ctx, region);
  const organisationIds = new Map<string, string>();
  for (const { key, ...organisation } of demoOrganisations) {
    const created = await createOrganisation(ctx, {
      ...organisation,
      sector: organisation.sector ?? null,
      contactPerson: null,
      contactPhone: null,
    });
    organisationIds.set(key, created.id);
  }
  const userIds = new Map<string, string>();
  for (const account of demoAccounts) {
    const created = await createUser(ctx, {
      username: account.username,
      displayName: account.displayName,
      phone: null,
      organisationId: organisationIds.get(account.organisation)!,
      roles: account.roles,
      password: demoPassword,
    });
    userIds.set(account.username, created.id);
  }
  const departmentsBySector = new Map(
    demoOrganisations
      .filter((o) => o.kind === 'department')
      .map((o) => [o.sector!, organisationIds.get(o.key)!]),
  );
  departmentsBySector.set('能源', organisationIds.get('drc')!);
  await loadDemoProjects(ctx, {
    organisations: organisationIds,
    departmentsBySector,
    leaders: ['leader1', 'leader2'].map((u) => userIds.get(u)!),
    serviceOfficers: [userIds.get('officer1')!],
  });
  if (!options.base) await loadRecords(ctx, options);
  // The demo's admins sign in with the password alone, so a trial needs no phone; production keeps the
  // default (`tuijin init`: two-factor required of the three admins) and the security admin can turn it on here.
  const { version, ...policy } = await getSecurityPolicy(ctx.db);
  await updateSecurityPolicy(ctx, { ...policy, twoFactorForAdmins: false, version });
  // The demo password is documented, so demo accounts are not forced to change it at first login.
  const usernames = demoAccounts.map((a) => a.username);
  await ctx.db.update(users).set({ mustChangePassword: false }).where(inArray(users.username, usernames));
  await recordAudit(ctx.db, ctx, {
    action: 'demo.load',
    detail: {
      regions: demoRegions.length,
      accounts: usernames,
      ...(options.base ? { base: true } : {}),
      ...(options.through ? { through: options.through } : {}),
    },
  });
}

/** A year of work on the demo projects: plans, reports, problems, warnings and what follows them. */
async function loadRecords(ctx: Ctx, options: DemoOptions & { files?: FileStore }) {
  await loadDemoPlans(ctx);
  // After the demo plans: only projects with a plan for the year report.
  await loadDemoReports(ctx);
  await loadDemoProblems(ctx);
  if (options.through === 'problems') return;
  await loadDemoWarnings(ctx);
  await loadDemoEvaluation(ctx);
  await loadDemoApprovals(ctx);
  await issueDeemedNoticesAndTell(ctx);
  await loadDemoMilestones(ctx);
  // After warnings and milestones: letters go to last month's red projects, quoting their figures.
  await loadDemoProjectLetters(ctx);
  // After problems and warnings: the meetings' agendas take up red projects and overdue tasks.
  await loadDemoDispatch(ctx);
  // Zones, the Spring Festival stoppages and resumptions, the whitelist.
  await loadDemoResumption(ctx);
  // After the projects' starts are dated: money on started and unstarted projects, and the pipeline.
  await loadDemoFunds(ctx);
  // After reports and funds: the statistics bureau's figures of the reporting month, for 三数比对.
  await loadDemoStatistics(ctx);
  // 一项目一策 on a few projects, some measures past their date.
  await loadDemoServicePlans(ctx);
  // After the projects' starts are dated: the ceremonies fall on the days projects really started.
  await loadDemoCampaigns(ctx);
  // After the projects' starts are dated: demands (one raised as a problem) and the city's quotas,
  // some allocated to projects not started.
  await loadDemoFactors(ctx);
  // 政银企对接: the bank list, the year's meetings pushing projects, and each pair followed up.
  await loadDemoBanks(ctx);
  // After the projects' starts are dated: leads through the year, some linked to 招商引资 projects.
  await loadDemoPromotion(ctx);
  // 一日一督查: the week's inspections of 蕉城 and 福安 sites, findings through their loop, one overdue raised.
  await loadDemoInspections(ctx);
  // After reports and visits' region: 形象进度 photos, when there is a file store to keep them in.
  if (options.files) await loadDemoSitePhotos(ctx, options.files);
  // 实名制花名册 on a few 蕉城 and 福安 projects; no health watch on.
  await loadDemoWorkforce(ctx);
}
