import { projectVisible } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { actorSource, toActor } from '../auth';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('project scope: SQL and policy agree', () => {
  it.each([
    'ningde',
    'jiaocheng',
    'fuan',
    'owner1',
    'leader1',
    'leader2',
    'officer1',
    'zhujian',
    'supervisor',
  ])('lists for %s exactly the projects the policy lets them open', async (username) => {
    const [row] = await actorSource(t.db).where(eq(users.username, username));
    const actor = toActor(row!);
    const all = await t.db.select().from(projects);
    const expected = all
      .filter((p) => projectVisible(actor, p))
      .map((p) => p.id)
      .sort();
    const listed = (await (await t.as(username)).get('/api/projects?pageSize=200')).body;
    expect(listed.data.map((p: { id: string }) => p.id).sort()).toEqual(expected);
    expect(listed.totals.count).toBe(expected.length);
  });
});
