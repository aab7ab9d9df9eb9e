import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let auditor: Awaited<ReturnType<TestApp['as']>>;
let organisationId: string;
let startedAt: string;
const orgName = '审计日志筛选测试公司';

interface Event {
  id: string;
  at: string;
  actorName: string;
  actorDisplayName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  entityName: string | null;
  result: 'success' | 'failure';
}

const list = async (query: string) => {
  const page = await auditor.get(`/api/audit-events?pageSize=100&${query}`);
  expect(page.status).toBe(200);
  return page.body.data as Event[];
};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.advance(24 * 3_600_000);
  startedAt = t.clock.now().toISOString();
  t.clock.advance(1_000);
  const office = await t.as('jiaocheng');
  const created = await office.post('/api/organisations', {
    name: orgName,
    kind: 'owner',
    regionCode: '350902',
  });
  organisationId = created.body.id;
  t.clock.advance(60_000);
  // A failed login: a refused attempt, 结果 失败.
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'owner1', password: 'wrong-password' },
    remoteAddress: '10.9.9.9',
  });
  auditor = await t.as('auditor');
});
afterAll(async () => t.close());

describe('audit log for an auditor', () => {
  it('lists newest first with the names of the records and of the people', async () => {
    const events = await list('');
    const times = events.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    const created = events.find((e) => e.action === 'organisation.create' && e.entityId === organisationId);
    expect(created).toMatchObject({ entityType: 'organisation', entityName: orgName, result: 'success' });
    const [jiaocheng] = await t.db.select().from(users).where(eq(users.username, 'jiaocheng'));
    expect(created?.actorDisplayName).toBe(jiaocheng!.displayName);
    const project = (await list('entityType=project')).find((e) => e.entityId);
    expect(project?.entityName).toEqual(expect.any(String));
    expect(project?.entityName).not.toBe(project?.entityId);
  });

  it('filters by the person, by username or by name', async () => {
    const [jiaocheng] = await t.db.select().from(users).where(eq(users.username, 'jiaocheng'));
    for (const who of ['jiaocheng', jiaocheng!.displayName]) {
      const events = await list(`actor=${encodeURIComponent(who)}`);
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.actorName === 'jiaocheng')).toBe(true);
    }
  });

  it('filters by action prefix, record type, time range and result', async () => {
    const byAction = await list('action=organisation.');
    expect(byAction.length).toBeGreaterThan(0);
    expect(byAction.every((e) => e.action.startsWith('organisation.'))).toBe(true);
    // A whole code matches exactly: 登录成功 (auth.login) never brings 登录失败 (auth.login.failed).
    const logins = await list(`action=auth.login&from=${encodeURIComponent(startedAt)}`);
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e) => e.action === 'auth.login')).toBe(true);

    const byType = await list('entityType=organisation');
    expect(byType.every((e) => e.entityType === 'organisation')).toBe(true);
    expect(byType.map((e) => e.entityId)).toContain(organisationId);

    const inRange = await list(`from=${encodeURIComponent(startedAt)}`);
    expect(inRange.every((e) => e.at >= startedAt)).toBe(true);
    expect(inRange.map((e) => e.action)).toEqual(
      expect.arrayContaining(['organisation.create', 'auth.login.failed']),
    );
    const before = await list(`to=${encodeURIComponent(startedAt)}`);
    expect(before.every((e) => e.at <= startedAt)).toBe(true);
    expect(before.map((e) => e.entityId)).not.toContain(organisationId);

    const failures = await list(`result=failure&from=${encodeURIComponent(startedAt)}`);
    expect(failures.map((e) => e.action)).toEqual(['auth.login.failed']);
    expect(failures[0]).toMatchObject({ actorName: 'owner1', result: 'failure' });
    const successes = await list(`result=success&from=${encodeURIComponent(startedAt)}`);
    expect(successes.length).toBeGreaterThan(0);
    expect(successes.every((e) => e.result === 'success')).toBe(true);
  });

  it('refuses an unknown result with a 400 naming the field', async () => {
    const refused = await auditor.get('/api/audit-events?result=maybe');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.error.details)).toContain('result');
  });
});
