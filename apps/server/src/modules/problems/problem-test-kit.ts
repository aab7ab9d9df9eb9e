import { systemActor } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { organisations, projects, regions, users } from '../../db/schema';
import type { TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';

/** A use-case context acting as the system on the test app's database and clock. */
export const systemTestCtx = (t: TestApp): Ctx => ({
  db: t.db,
  actor: systemActor,
  clock: t.clock,
  ip: null,
  auditKey: testAuditKey,
});

export async function organisationId(t: TestApp, name: string): Promise<string> {
  const [org] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (!org) throw new Error(`no organisation ${name}`);
  return org.id;
}

export async function userId(t: TestApp, username: string): Promise<string> {
  const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return user!.id;
}

let serial = 0;

/**
 * Adds a project of the test's own (never one of the demo's), so counts do not depend on demo data:
 * in a region, owned by an organisation, with a sector and optional leader/department.
 */
export async function insertTestProject(
  t: TestApp,
  input: {
    regionCode: string;
    ownerOrganisationId: string;
    sector?: string | null;
    leaderUserId?: string | null;
    responsibleDepartmentId?: string | null;
    name?: string;
  },
): Promise<string> {
  serial += 1;
  const [region] = await t.db
    .select({ path: regions.path })
    .from(regions)
    .where(eq(regions.code, input.regionCode));
  const [row] = await t.db
    .insert(projects)
    .values({
      name: input.name ?? `问题测试项目${serial}-${Math.random().toString(36).slice(2, 8)}`,
      nameInitials: 'wtcsxm',
      ownerOrganisationId: input.ownerOrganisationId,
      regionCode: input.regionCode,
      regionPath: region!.path,
      levels: ['county'],
      domain: '基础设施',
      sector: input.sector ?? null,
      totalInvestmentWanYuan: '1000',
      startYear: 2026,
      endYear: 2027,
      constructionType: 'new',
      stage: 'underway',
      leaderUserId: input.leaderUserId ?? null,
      responsibleDepartmentId: input.responsibleDepartmentId ?? null,
    })
    .returning({ id: projects.id });
  return row!.id;
}

/** 09:00 Beijing time on a China date. */
export const beijingMorning = (date: string) => new Date(`${date}T01:00:00.000Z`);
