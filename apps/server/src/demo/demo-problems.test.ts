import { PGlite } from '@electric-sql/pglite';
import { count, eq, gte, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { migratePglite } from '../db/migrate';
import * as schema from '../db/schema';
import { ensureDefaultDictionaries } from '../modules/dictionaries/dictionaries';
import { testAuditKey } from '../testing/test-constants';
import { loadDemo } from './load-demo';

const { problemClassMembers, problemLetters, problems, projects, organisations } = schema;

let client: PGlite;
let db: Database;
let seconds: number;

/**
 * The demo up to its problems into a fresh database at 2026-11-23 10:00 Beijing time, timed (what
 * comes after them — warnings, approvals, milestones… — is the template's, which every other file has).
 */
beforeAll(async () => {
  client = await PGlite.create();
  db = drizzle({ client, schema }) as unknown as Database;
  await migratePglite(db);
  await ensureDefaultDictionaries(db);
  const started = Date.now();
  await loadDemo(
    { db, auditKey: testAuditKey, clock: { now: () => new Date('2026-11-23T02:00:00Z') } },
    { through: 'problems' },
  );
  seconds = (Date.now() - started) / 1000;
}, 600_000);
afterAll(async () => client.close());

describe('demo problems', () => {
  it('loads about forty problems in every status, across several counties, in reasonable time', async () => {
    console.info(`demo with problems: ${seconds.toFixed(1)} s`);
    const byStatus = Object.fromEntries(
      (await db.select({ status: problems.status, n: count() }).from(problems).groupBy(problems.status)).map(
        (r) => [r.status, r.n],
      ),
    );
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(35);
    expect(byStatus.written_off).toBeGreaterThanOrEqual(5);
    expect(byStatus.rejected).toBe(1);
    expect(byStatus.answered).toBeGreaterThan(0);
    expect(byStatus.confirmed).toBeGreaterThan(0);
    expect(byStatus.in_progress).toBeGreaterThan(0);
    expect(byStatus.accepted).toBeGreaterThan(0);
    const regions = await db.selectDistinct({ code: problems.regionCode }).from(problems);
    expect(regions.length).toBeGreaterThanOrEqual(5);
    const hotline = await db.select({ n: count() }).from(problems).where(eq(problems.channel, 'hotline'));
    expect(hotline[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('has problems escalated twice by the job, some overdue, some open within their deadline', async () => {
    const [twice] = await db.select({ n: count() }).from(problems).where(gte(problems.level, 3));
    expect(twice!.n).toBeGreaterThan(0);
    const escalations = await db
      .select({ n: count() })
      .from(schema.problemEvents)
      .where(eq(schema.problemEvents.action, 'escalate'));
    expect(escalations[0]!.n).toBeGreaterThanOrEqual(2);
    const open = await db
      .select({ dueOn: problems.dueOn })
      .from(problems)
      .where(sql`${problems.status} in ('raised', 'accepted', 'in_progress')`);
    expect(open.some((p) => p.dueOn < '2026-11-23')).toBe(true);
    expect(open.some((p) => p.dueOn >= '2026-11-23')).toBe(true);
  });

  it('gives owner1 problems of its own, one class of linked problems and two letters, one replied', async () => {
    const mine = await db
      .select({ n: count() })
      .from(problems)
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
      .where(eq(organisations.name, '宁德市蕉城区城市建设投资开发有限公司'));
    expect(mine[0]!.n).toBeGreaterThanOrEqual(2);
    const classes = await db
      .select({ classId: problemClassMembers.classId, n: count() })
      .from(problemClassMembers)
      .groupBy(problemClassMembers.classId);
    expect(classes).toHaveLength(1);
    expect(classes[0]!.n).toBeGreaterThanOrEqual(2);
    const letters = await db.select().from(problemLetters);
    expect(letters.map((l) => l.status).sort()).toEqual(['replied', 'sent']);
    expect(letters.every((l) => l.daysOverdue > 0)).toBe(true);
  });
});
