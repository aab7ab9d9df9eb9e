import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { DatabaseHandle } from '../../db/database';
import { openDatabase } from '../../db/open-database';
import { queryRows } from '../../db/rows';
import { demoPassword } from '../../demo/load-demo';
import { withDatabase } from '../../testing/global-setup';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { fileStoreFor } from '../file-store';
import { inspectDatabase } from './backup-contents';
import { type BackupManifest, manifestFile } from './backup-manifest';
import { type RestoreTarget, restoreBackup } from './restore-backup';
import { runScheduledBackup } from './scheduled-backups';
import { verifyBackup } from './verify-backup';
import { filesUnder, writeBackup } from './write-backup';

let t: TestApp;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await t.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const databaseUrl = () => (t.database as { databaseUrl?: string }).databaseUrl;
const source = () => ({
  database: t.database,
  databaseUrl: databaseUrl(),
  filesDir: t.filesDir,
  auditKey: testAuditKey,
  clock: t.clock,
});

/** The SHA-256 of every file the store holds, by stored name (a directory on PGlite, chunks on PostgreSQL). */
async function storedFiles(database: Pick<DatabaseHandle, 'db' | 'kind'>, filesDir: string) {
  const names =
    database.kind === 'pglite'
      ? filesUnder(filesDir)
      : (
          await queryRows<{ stored_name: string }>(
            database.db,
            sql`select distinct stored_name from stored_file_chunks order by stored_name`,
          )
        ).map((r) => r.stored_name);
  const store = fileStoreFor(database, filesDir);
  const hashes: Record<string, string> = {};
  for (const name of names) {
    const hash = createHash('sha256');
    for await (const chunk of store.open(name)) hash.update(chunk as Buffer);
    hashes[name] = hash.digest('hex');
  }
  return hashes;
}

/** Uploads a PDF as the demo owner through the API; answers the project, the file row and its bytes. */
async function uploadPdf(size: number) {
  const owner = await t.as('owner1');
  const project = (await owner.get('/api/projects?pageSize=1')).body.data[0];
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n%'), randomBytes(size), Buffer.from('\n%%EOF\n')]);
  const boundary = '----tuijin-backup';
  const uploaded = await t.app.inject({
    method: 'POST',
    url: `/api/projects/${project.id}/files`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: owner.cookie },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="备份演练.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(uploaded.statusCode, uploaded.body).toBe(200);
  return { projectId: project.id as string, fileId: uploaded.json().data[0].id as string, pdf };
}

/** A fresh, empty place to restore into: a new directory (PGlite) or a new empty database (PostgreSQL). */
async function freshTarget(): Promise<RestoreTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tuijin-restore-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const target: RestoreTarget = { dataDir, filesDir: join(dataDir, 'files') };
  const url = databaseUrl();
  if (!url) return target;
  const name = `tuijin_r_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await dropper.end();
  });
  return { ...target, databaseUrl: withDatabase(process.env.TEST_DATABASE_URL!, name) };
}

const backupDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tuijin-backup-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** Loading a PGlite snapshot takes seconds, and tens of them on a loaded two-core machine. */
const slow = 300_000;

describe('the restore drill', () => {
  let manifest: BackupManifest;
  let out: string;
  let before: { projectId: string; fileId: string; pdf: Buffer }[];
  let filesAtBackup: Record<string, string>;

  beforeAll(async () => {
    // A file of several chunks and a small one, so both paths of the store travel.
    before = [await uploadPdf(600 * 1024), await uploadPdf(2_000)];
    out = backupDir();
    manifest = await writeBackup(source(), out);
    filesAtBackup = await storedFiles(t.database, t.filesDir);
  }, slow);

  it('writes a manifest that names the engine, migration level, counts, audit heads, key and every part', async () => {
    expect(manifest.engine).toBe(t.database.kind);
    expect(manifest.migration.newest).toMatch(/^\d{4}_/);
    expect(manifest.counts['public.projects']).toBeGreaterThan(0);
    expect(manifest.counts['public.project_files']).toBeGreaterThanOrEqual(2);
    expect(manifest.audit.events).toBe(manifest.counts['public.audit_events']);
    expect(manifest.audit.heads.length).toBeGreaterThan(0);
    expect(manifest.auditKeyFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(readFileSync(join(out, manifestFile), 'utf8')).not.toContain(testAuditKey.toString('hex'));
    const databasePart = t.database.kind === 'pglite' ? 'database.tar.gz' : 'database.pgdump';
    expect(manifest.parts.map((p) => p.path)).toContain(databasePart);
    if (t.database.kind === 'pglite')
      for (const name of Object.keys(filesAtBackup))
        expect(manifest.parts.map((p) => p.path)).toContain(`files/${name}`);
    // The run is in the source's audit log, after the snapshot.
    const [event] = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_events order by id desc limit 1`,
    );
    expect(event?.action).toBe('backup.create');
  });

  it(
    'verifies: every checksum, the counts and the audit chain with every HMAC',
    async () => {
      const verification = await verifyBackup(out, testAuditKey);
      expect(verification.problems).toEqual([]);
      expect(verification.isKeyChecked).toBe(true);
      expect(verification.auditEvents).toBe(manifest.audit.events);
      // Without the key only the links are checked, and the result says so.
      const linksOnly = await verifyBackup(out, Buffer.alloc(32, 9));
      expect(linksOnly.problems).toEqual([]);
      expect(linksOnly.isKeyChecked).toBe(false);
    },
    slow,
  );

  it(
    'restores into a fresh place with the same counts, the same file bytes served by the app, and an intact chain',
    async () => {
      const later = await uploadPdf(1_000);
      const target = await freshTarget();
      const outcome = await restoreBackup(out, target, { auditKey: testAuditKey, clock: t.clock });
      expect(outcome.auditEvents).toBe(manifest.audit.events);

      const restored = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
      cleanups.push(() => restored.close());
      const contents = await inspectDatabase(restored.db, testAuditKey);
      expect(contents.chain).toEqual({ intact: true, firstBrokenId: null, isKeyChecked: true });
      // The same rows as backed up; the restore adds its own audit event, the later upload is gone.
      expect(contents.counts).toEqual({
        ...manifest.counts,
        'public.audit_events': manifest.counts['public.audit_events']! + 1,
      });
      expect(await storedFiles(restored, target.filesDir)).toEqual(filesAtBackup);

      const app = await buildApp({
        database: restored,
        auditKey: testAuditKey,
        clock: t.clock,
        loginRatePerMinute: 100_000,
        filesDir: target.filesDir,
      });
      cleanups.push(() => app.close());
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'owner1', password: demoPassword },
        remoteAddress: '10.1.1.1',
      });
      expect(login.statusCode).toBe(200);
      const cookie = `tuijin_session=${login.cookies.find((c) => c.name === 'tuijin_session')!.value}`;
      const download = (file: { projectId: string; fileId: string }) =>
        app.inject({
          method: 'GET',
          url: `/api/projects/${file.projectId}/files/${file.fileId}/content`,
          headers: { cookie },
        });
      for (const file of before) {
        const response = await download(file);
        expect(response.statusCode).toBe(200);
        expect(sha256(response.rawPayload)).toBe(sha256(file.pdf));
      }
      expect((await download(later)).statusCode).toBe(404);
      // The audit admin's chain check through the API, as an assessor would run it on the restored system.
      const auditAdmin = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'auditor', password: demoPassword },
        remoteAddress: '10.1.1.1',
      });
      expect(auditAdmin.statusCode).toBe(200);
      const verify = await app.inject({
        method: 'GET',
        url: '/api/audit-events/verification',
        headers: {
          cookie: `tuijin_session=${auditAdmin.cookies.find((c) => c.name === 'tuijin_session')!.value}`,
        },
      });
      expect(verify.statusCode).toBe(200);
      expect(verify.json()).toMatchObject({ intact: true, firstBrokenId: null });
      // The restore's event, the two logins and the two downloads (audited since issue 20) at least;
      // the chain holds them all.
      const downloads = await queryRows<{ n: number }>(
        restored.db,
        sql`select count(*)::int as n from audit_events where action = 'file.download'`,
      );
      expect(downloads[0]?.n).toBe(2);
      expect(verify.json().checked).toBeGreaterThanOrEqual(manifest.audit.events + 5);
    },
    slow,
  );

  it(
    'refuses to restore over a place that holds data, unless forced',
    async () => {
      const target = await freshTarget();
      await restoreBackup(out, target, { auditKey: testAuditKey, clock: t.clock });
      await expect(restoreBackup(out, target, { auditKey: testAuditKey, clock: t.clock })).rejects.toThrow(
        /不是空的：恢复只写入全新的位置；确认要覆盖其中的全部数据时，加 --force 重试/,
      );
      const forced = await restoreBackup(out, target, {
        auditKey: testAuditKey,
        clock: t.clock,
        force: true,
      });
      expect(forced.auditEvents).toBe(manifest.audit.events);
    },
    slow,
  );

  it('refuses another audit key, naming the fingerprint it needs, before touching the target', async () => {
    const target = await freshTarget();
    await expect(
      restoreBackup(out, target, { auditKey: Buffer.alloc(32, 9), clock: t.clock }),
    ).rejects.toThrow(`恢复需要备份时的审计密钥（指纹 ${manifest.auditKeyFingerprint}）`);
    await expect(restoreBackup(out, target, { auditKey: null, clock: t.clock })).rejects.toThrow(/当前没有/);
  });

  it(
    'finds a damaged part and a stray file, and a restore refuses the damaged backup',
    async () => {
      const damaged = backupDir();
      rmSync(damaged, { recursive: true });
      cpSync(out, damaged, { recursive: true });
      const part = manifest.parts[0]!.path;
      const bytes = readFileSync(join(damaged, part));
      bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
      writeFileSync(join(damaged, part), bytes);
      writeFileSync(join(damaged, 'extra.txt'), 'not in the manifest');
      const verification = await verifyBackup(damaged, testAuditKey);
      expect(verification.problems).toEqual([
        expect.stringContaining(`部件 ${part} 与清单不符`),
        '清单之外的文件 extra.txt',
      ]);
      await expect(
        restoreBackup(damaged, await freshTarget(), { auditKey: testAuditKey, clock: t.clock }),
      ).rejects.toThrow(/备份已损坏，未作任何改动/);
    },
    slow,
  );
});

describe('the nightly backup the server writes itself', () => {
  it(
    'writes and verifies one backup a day from the set hour, again after an interrupted run, and keeps only the newest',
    async () => {
      const dir = backupDir();
      const schedule = { dir, keep: 2, hour: 2 };
      const at = (iso: string) => ({ ...source(), clock: { now: () => new Date(iso) } });
      for (const day of ['tuijin-2026-12-05', 'tuijin-2026-12-06']) {
        mkdirSync(join(dir, day));
        writeFileSync(join(dir, day, manifestFile), '{}');
      }
      // Tonight's run was interrupted: its directory has no manifest.
      mkdirSync(join(dir, 'tuijin-2026-12-07'));
      writeFileSync(join(dir, 'tuijin-2026-12-07', 'database.tar.gz'), 'half');
      // 01:30 Beijing time: not yet.
      expect(await runScheduledBackup(at('2026-12-06T17:30:00Z'), schedule)).toBeNull();
      expect(await runScheduledBackup(at('2026-12-06T18:05:00Z'), schedule)).toBe(
        join(dir, 'tuijin-2026-12-07'),
      );
      expect(readdirSync(dir).sort()).toEqual(['tuijin-2026-12-06', 'tuijin-2026-12-07']);
      // Once a day: the next pass that night does nothing.
      expect(await runScheduledBackup(at('2026-12-06T19:05:00Z'), schedule)).toBeNull();
    },
    slow,
  );
});
