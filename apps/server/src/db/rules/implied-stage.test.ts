import { impliedStage, impliedStageCases } from '@tuijin/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { queryRows } from '../rows';
import { hasStartedSql, impliedStageSql } from './implied-stage';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const date = (value: string | null) => sql`${value}::date`;

describe('impliedStageSql is the twin of the domain impliedStage', () => {
  it.each(impliedStageCases)('%s', async (_name, facts, at, expected) => {
    const columns = {
      recordedStage: sql`${facts.recordedStage}::text`,
      actualStartOn: date(facts.actualStartOn),
      actualCompletionOn: date(facts.actualCompletionOn),
      actualOperationOn: date(facts.actualOperationOn),
    };
    const [row] = await queryRows<{ stage: string; started: boolean }>(
      t.db,
      sql`select ${impliedStageSql(at, columns)} as stage, ${hasStartedSql(at, columns)} as started`,
    );
    expect(impliedStage(facts, at)).toBe(expected);
    expect(row).toEqual({
      stage: expected,
      started: ['started', 'underway', 'completed', 'operating'].includes(expected),
    });
  });
});
