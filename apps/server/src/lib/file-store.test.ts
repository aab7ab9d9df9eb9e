import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { auditEvents, storedFileChunks } from '../db/schema';
import { createTestApp, type TestApp } from '../testing/test-app';
import { testAuditKey } from '../testing/test-constants';
import { databaseFileStore, fileChunkBytes, fileStoreFor } from './file-store';
import { moveFilesIntoDatabase } from './move-files';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const bytesOf = async (stream: NodeJS.ReadableStream) => {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
};
const chunksOf = async (storedName: string) =>
  (
    await t.db
      .select({ n: count() })
      .from(storedFileChunks)
      .where(eq(storedFileChunks.storedName, storedName))
  )[0]!.n;

describe('the file store in the database', () => {
  it('keeps a file in chunks under its stored name and streams it back whole', async () => {
    const store = databaseFileStore(t.db, () => new Date('2026-12-07T10:00:00Z'));
    const bytes = randomBytes(2 * fileChunkBytes + 1234);
    const name = await store.put(bytes, 'pdf');
    expect(name).toMatch(/^2026\/12\/[0-9a-f-]{36}\.pdf$/);
    expect(await chunksOf(name)).toBe(3);
    expect((await bytesOf(store.open(name))).equals(bytes)).toBe(true);
    expect(await store.exists(name)).toBe(true);
    const empty = await store.put(Buffer.alloc(0), 'txt');
    expect(await store.exists(empty)).toBe(true);
    expect((await bytesOf(store.open(empty))).length).toBe(0);
    await store.remove(name);
    expect(await store.exists(name)).toBe(false);
    expect(await chunksOf(name)).toBe(0);
    // Only the store's own names: nothing a user typed becomes a key.
    await expect(store.exists('../../etc/passwd')).rejects.toThrow(/invalid stored file name/);
  });

  it('is what a server on PostgreSQL uses, so another instance serves a file one instance took', async () => {
    const store = fileStoreFor(t.database, t.filesDir);
    const name = await store.put(Buffer.from('%PDF-1.4\n%%EOF\n'), 'pdf');
    const onDisk = readdirSync(t.filesDir, { recursive: true }).map(String);
    if (t.database.kind === 'pglite') {
      expect(onDisk).toContain(name);
      return;
    }
    expect(onDisk).not.toContain(name);
    expect(await chunksOf(name)).toBe(1);

    const owner = await t.as('owner1');
    const project = (await owner.get('/api/projects?pageSize=1')).body.data[0];
    const boundary = '----tuijin-files';
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/files`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: owner.cookie },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="批复.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(uploaded.statusCode).toBe(200);
    const file = uploaded.json().data[0];
    // A second instance with a data directory of its own (another machine) serves the same bytes.
    const other = await buildApp({
      database: t.database,
      clock: t.clock,
      auditKey: testAuditKey,
      filesDir: mkdtempSync(join(tmpdir(), 'tuijin-other-instance-')),
    });
    try {
      const download = await other.inject({
        method: 'GET',
        url: `/api/projects/${project.id}/files/${file.id}/content`,
        headers: { cookie: owner.cookie },
      });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(pdf)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('moves the files of a directory into the database, checked, again without copying twice, and audited', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tuijin-move-'));
    mkdirSync(join(root, '2026', '03'), { recursive: true });
    const names = [
      '2026/03/0b6f5a52-4f0c-4c1e-9f55-1b7a8a0c1d01.jpg',
      '2026/03/0b6f5a52-4f0c-4c1e-9f55-1b7a8a0c1d02.pdf',
    ];
    const big = randomBytes(fileChunkBytes + 10);
    writeFileSync(join(root, names[0]!), big);
    writeFileSync(join(root, names[1]!), Buffer.from('%PDF-1.4\n'));
    writeFileSync(join(root, 'README.txt'), 'not a stored file');
    const deps = { db: t.db, clock: t.clock, auditKey: testAuditKey };

    const first = await moveFilesIntoDatabase(deps, root);
    expect(first).toEqual({ moved: 2, present: 0, foreign: ['README.txt'], removed: 0 });
    const store = databaseFileStore(t.db);
    expect((await bytesOf(store.open(names[0]!))).equals(big)).toBe(true);
    expect(await chunksOf(names[0]!)).toBe(2);

    const again = await moveFilesIntoDatabase(deps, root, { remove: true });
    expect(again).toEqual({ moved: 0, present: 2, foreign: ['README.txt'], removed: 0 });
    const [events] = await t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'fileStore.moveToDatabase'), eq(auditEvents.entityType, 'fileStore')),
      );
    expect(events!.n).toBe(2);

    // With --remove a moved file leaves the directory once it is read back equal.
    const third = '2026/03/0b6f5a52-4f0c-4c1e-9f55-1b7a8a0c1d03.png';
    writeFileSync(join(root, third), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const moved = await moveFilesIntoDatabase(deps, root, { remove: true });
    expect(moved).toMatchObject({ moved: 1, present: 2, removed: 1 });
    expect(readdirSync(join(root, '2026', '03')).sort()).toEqual(names.map((n) => n.slice(8)).sort());
  });
});
