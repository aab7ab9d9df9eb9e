import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows';
import { createTestApp, type TestApp } from '../../testing/test-app';

/** The statements of the migration that gave 计划完成率 its one name, as drizzle-kit runs them. */
const statements = readFileSync(
  new URL('../../../drizzle/0020_evaluation_plan_completion_rate.sql', import.meta.url),
  'utf8',
)
  .split('--> statement-breakpoint')
  .map((s) => s.trim());

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const stored = async (key: string) => {
  const [row] = await queryRows<{ schemes: number; runs: number; results: number }>(
    t.db,
    sql`select
      (select count(*)::int from evaluation_schemes where rules::text like ${`%"${key}"%`}) as schemes,
      (select count(*)::int from evaluation_runs where rules::text like ${`%"${key}"%`}) as runs,
      (select count(*)::int from evaluation_results where breakdown::text like ${`%"${key}"%`}) as results`,
  );
  return row!;
};

describe('the planCompletion → planCompletionRate migration', () => {
  it('renames the key in stored schemes, kept rules and result breakdowns, once, leaving the new key alone', async () => {
    const now = await stored('planCompletionRate');
    // The demo on the test date has schemes (no quarter computed yet); runs and results go the same way.
    expect(now.schemes).toBeGreaterThan(0);
    // The demo's evaluation as a deployment stored it before the rename.
    await t.db.execute(
      sql`update evaluation_schemes set rules = replace(rules::text, '"planCompletionRate"', '"planCompletion"')::jsonb`,
    );
    await t.db.execute(
      sql`update evaluation_runs set rules = replace(rules::text, '"planCompletionRate"', '"planCompletion"')::jsonb`,
    );
    await t.db.execute(
      sql`update evaluation_results set breakdown = replace(breakdown::text, '"planCompletionRate"', '"planCompletion"')::jsonb`,
    );
    expect(await stored('planCompletion')).toEqual(now);

    for (const statement of [...statements, ...statements]) await t.db.execute(sql.raw(statement));

    expect(await stored('planCompletionRate')).toEqual(now);
    expect(await stored('planCompletion')).toEqual({ schemes: 0, runs: 0, results: 0 });
    const cityOffice = await t.as('ningde');
    const schemes = await cityOffice.get('/api/evaluation-schemes');
    expect(schemes.status).toBe(200);
    expect(JSON.stringify(schemes.body)).toContain('"planCompletionRate"');
  });
});
