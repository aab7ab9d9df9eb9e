import type { Bulletin, PublicScreen, Screen } from '@tuijin/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let county: Person;
let bulletin: Bulletin;
let projectNames: string[];

const openScreen = (regionCode: string) => t.call(null, 'GET', `/api/public/screen/${regionCode}`);

const publish = (publicSections: string[] | null) =>
  city.post(`/api/bulletins/${bulletin.id}/publication`, { version: bulletin.version, publicSections });

/** The city's February bulletin, generated from the data, reviewed and issued (at 10 March 2026). */
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-10T02:00:00Z'));
  city = await t.as('ningde');
  county = await t.as('jiaocheng');
  projectNames = (await t.db.select({ name: projects.name }).from(projects)).map((p) => p.name);
  const created = await city.post('/api/bulletins', { kind: 'monthly', period: '2026-02' });
  if (created.status !== 200) throw new Error(JSON.stringify(created.body));
  const reviewed = await city.post(`/api/bulletins/${created.body.id}/review`, {
    version: created.body.version,
  });
  const issued = await city.post(`/api/bulletins/${created.body.id}/issue`, {
    version: reviewed.body.version,
  });
  if (issued.status !== 200) throw new Error(JSON.stringify(issued.body));
  bulletin = issued.body as Bulletin;
}, 180_000);
afterAll(async () => t?.close());

describe('通报晾晒 on the public screen', () => {
  it('shows nothing until the office publishes sections of the issued bulletin', async () => {
    expect(bulletin.serial).toBe('宁重点办通报〔2026〕1号');
    expect((await openScreen('350900')).status).toBe(404);
    expect(((await city.get('/api/screen')).body as Screen).bulletin).toBeNull();
  });

  it('refuses a project-level section on the field, and changes nothing', async () => {
    const refused = await publish(['headline', 'warnings']);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.details[0]).toEqual({
      path: 'publicSections',
      message: '公开大屏只能晾晒汇总数据：总体情况、各地进展及排名、红黑榜',
    });
    expect((await city.get(`/api/bulletins/${bulletin.id}`)).body.publicSections).toBeNull();
    expect((await openScreen('350900')).status).toBe(404);
  });

  it('shows the chosen headline figures and region ranking anonymously, with no project names', async () => {
    const published = await publish(['headline', 'regions']);
    expect(published.status).toBe(200);
    bulletin = published.body as Bulletin;
    const open = await openScreen('350900');
    expect(open.status).toBe(200);
    const shown = (open.body as PublicScreen).bulletin!;
    expect(shown).toMatchObject({
      title: bulletin.title,
      serial: '宁重点办通报〔2026〕1号',
      issuedOn: '2026-03-10',
      sections: ['headline', 'regions'],
    });
    const completed = bulletin.snapshot.headline.find((f) => f.key === 'completedYtd')!;
    expect(shown.headline).toContainEqual({
      label: completed.label,
      value: completed.value,
      unit: completed.unit,
      yearOnYear: completed.yearOnYear,
    });
    expect(shown.regions!.map((r) => r.name)).toEqual(bulletin.snapshot.regions.map((r) => r.name));
    expect(shown.regions![0]).toEqual({
      name: bulletin.snapshot.regions[0]!.name,
      completionRate: bulletin.snapshot.regions[0]!.completionRate,
      progressGap: bulletin.snapshot.regions[0]!.progressGap,
      rank: bulletin.snapshot.regions[0]!.rank,
    });
    expect(shown.redBlack).toBeUndefined();
    const text = JSON.stringify(open.body);
    expect(projectNames.some((name) => text.includes(name))).toBe(false);
    expect(text).not.toContain('provenance');
    // The command screen shows the same; the county's own screen is not the city's.
    expect(((await city.get('/api/screen')).body as Screen).bulletin).toEqual(shown);
    expect(((await county.get('/api/screen')).body as Screen).bulletin).toBeNull();
    expect((await openScreen('350902')).status).toBe(404);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'bulletin.publish'), eq(auditEvents.entityId, bulletin.id)));
    expect(event?.detail).toMatchObject({ publicSections: ['headline', 'regions'] });
  });

  it('takes it down again when the sections are cleared', async () => {
    const cleared = await publish(null);
    expect(cleared.status).toBe(200);
    bulletin = cleared.body as Bulletin;
    expect(bulletin.publicSections).toBeNull();
    expect((await openScreen('350900')).status).toBe(404);
    expect(((await city.get('/api/screen')).body as Screen).bulletin).toBeNull();
  });
});
