import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldVisits } from '../db/schema';
import { localFileStore } from '../lib/file-store';
import { createTestApp, type TestApp } from '../testing/test-app';
import { testAuditKey } from '../testing/test-constants';
import { loadDemoSitePhotos } from './demo-site-photos';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T10:00:00+08:00'));
  await loadDemoSitePhotos(
    { db: t.db, actor: systemActor, clock: t.clock, ip: null, auditKey: testAuditKey },
    localFileStore(mkdtempSync(join(tmpdir(), 'tuijin-demo-photos-'))),
  );
}, 120_000);
afterAll(async () => t.close());

describe('the demo’s 形象进度 photos', () => {
  it('gives a 蕉城 project a timeline of report and visit photos, the 2019 Beijing one flagged', async () => {
    const [visit] = await t.db
      .select()
      .from(fieldVisits)
      .where(eq(fieldVisits.visitorName, '蕉城区重点项目服务专班'));
    expect(visit?.visitedOn).toBe('2026-03-17');
    const county = await t.as('jiaocheng');
    const listed = (await county.get(`/api/field-visits?id=${visit!.id}&page=1&pageSize=1`)).body.data[0];
    const projectId = listed.projects[0].id as string;
    const kinds = Object.fromEntries(
      listed.photos.map((p: { name: string; evidence: { kind: string }[] }) => [
        p.name,
        p.evidence.map((f) => f.kind),
      ]),
    );
    expect(kinds).toEqual({ '走访-施工现场.jpg': [], '走访-2019北京.jpg': ['tooFar', 'tooOld'] });

    const timeline = (await county.get(`/api/projects/${projectId}/photo-timeline`)).body;
    expect(timeline.total).toBe(6);
    expect(timeline.flagged).toBe(1);
    const sources = timeline.months.flatMap((m: { photos: { source: string }[] }) =>
      m.photos.map((p) => p.source),
    );
    expect(new Set(sources)).toEqual(new Set(['report', 'visit']));
    expect(timeline.months.at(-1).month).toBe('2019-10');
  });
});
