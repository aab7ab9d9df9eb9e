import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, workers } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';
import { decryptIdNumber, encryptIdNumber, idNumberCipherOf, idNumberIndex } from './id-number-crypto';
import { reencryptIdNumbers } from './reencrypt-id-numbers';
import { testIdNumber, workerBody } from './workforce-test-kit';

describe('ID number ciphers', () => {
  const number = testIdNumber(731);

  it.each([
    ['aes-256-gcm', /^v1:/],
    ['sm4-cbc-hmac-sm3', /^sm4:/],
  ] as const)('round-trips under %s, naming the algorithm in the stored value', (algorithm, prefix) => {
    const stored = encryptIdNumber(testAuditKey, number, algorithm);
    expect(stored).toMatch(prefix);
    expect(idNumberCipherOf(stored)).toBe(algorithm);
    expect(decryptIdNumber(testAuditKey, stored)).toBe(number);
    // A fresh IV each time: the same number never gives the same stored value.
    expect(encryptIdNumber(testAuditKey, number, algorithm)).not.toBe(stored);
  });

  it('detects a tampered SM4 value by its HMAC-SM3 before decrypting, and another key', () => {
    const stored = encryptIdNumber(testAuditKey, number, 'sm4-cbc-hmac-sm3');
    const [tag, iv, data, mac] = stored.split(':');
    const bytes = Buffer.from(data!, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => decryptIdNumber(testAuditKey, [tag, iv, bytes.toString('base64'), mac].join(':'))).toThrow(
      /HMAC-SM3/,
    );
    expect(() => decryptIdNumber(Buffer.from('another installation key, 32 b.'), stored)).toThrow(/HMAC-SM3/);
    expect(() => decryptIdNumber(testAuditKey, `sm9:${iv}:${data}:${mac}`)).toThrow(/unknown/);
  });

  it('keeps the blind index independent of the cipher', () => {
    expect(idNumberIndex(testAuditKey, number)).toBe(idNumberIndex(testAuditKey, number));
  });
});

describe('switching the field cipher and re-encrypting stored rows', () => {
  let t: TestApp;
  let projectId = '';
  let contractorId = '';
  beforeAll(async () => {
    t = await createTestApp();
    projectId = await insertTestProject(t, {
      regionCode: '350902',
      ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
      name: '蕉城区国密测试项目',
    });
    const owner = await t.as('owner1');
    const made = await owner.post(`/api/projects/${projectId}/contractors`, {
      name: '国密劳务',
      role: 'labour',
    });
    expect(made.status).toBe(200);
    contractorId = made.body.contractors[0].id;
  }, 120_000);
  afterAll(async () => t.close());

  const stored = () =>
    t.db.select({ id: workers.id, cipher: workers.idNumberCipher }).from(workers).orderBy(asc(workers.id));
  const setCipher = async (fieldCipher: string) => {
    const security = await t.as('security');
    const policy = (await security.get('/api/security-policy')).body;
    expect((await security.put('/api/security-policy', { ...policy, fieldCipher })).status).toBe(200);
  };

  it('encrypts new workers with the algorithm the security policy names, and reads both', async () => {
    const owner = await t.as('owner1');
    const first = await owner.post(
      `/api/projects/${projectId}/workers`,
      workerBody(contractorId, testIdNumber(741)),
    );
    expect(first.status).toBe(200);
    await setCipher('sm4-cbc-hmac-sm3');
    const second = await owner.post(
      `/api/projects/${projectId}/workers`,
      workerBody(contractorId, testIdNumber(742), { name: '国密工人' }),
    );
    expect(second.status).toBe(200);
    const rows = new Map((await stored()).map((r) => [r.id, r.cipher]));
    expect(idNumberCipherOf(rows.get(first.body.id)!)).toBe('aes-256-gcm');
    expect(idNumberCipherOf(rows.get(second.body.id)!)).toBe('sm4-cbc-hmac-sm3');
    // The owner unit reads both whole.
    expect((await owner.get(`/api/workers/${first.body.id}`)).body.worker.idNumber).toBe(testIdNumber(741));
    expect((await owner.get(`/api/workers/${second.body.id}`)).body.worker.idNumber).toBe(testIdNumber(742));
  });

  it('re-encrypts every stored row to SM4 in audited batches, keeping every number, and a second run changes nothing', async () => {
    const before = await stored();
    const plain = new Map(before.map((r) => [r.id, decryptIdNumber(testAuditKey, r.cipher)]));
    const stale = before.filter((r) => idNumberCipherOf(r.cipher) !== 'sm4-cbc-hmac-sm3').length;
    expect(stale).toBeGreaterThan(0);
    const deps = { db: t.db, clock: t.clock, auditKey: testAuditKey };
    const outcome = await reencryptIdNumbers(deps, 'sm4-cbc-hmac-sm3');
    expect(outcome).toEqual({
      to: 'sm4-cbc-hmac-sm3',
      examined: before.length,
      reencrypted: stale,
      already: before.length - stale,
    });
    const after = await stored();
    expect(after.every((r) => idNumberCipherOf(r.cipher) === 'sm4-cbc-hmac-sm3')).toBe(true);
    for (const row of after) expect(decryptIdNumber(testAuditKey, row.cipher)).toBe(plain.get(row.id));
    const events = await t.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'workforce.idNumber.reencrypt'));
    const counted = events.reduce((sum, e) => sum + (e.detail as { count: number }).count, 0);
    expect(counted).toBe(stale);
    expect(events[0]!.detail).toMatchObject({
      to: 'sm4-cbc-hmac-sm3',
      from: { 'aes-256-gcm': expect.any(Number) },
    });
    expect((await reencryptIdNumbers(deps, 'sm4-cbc-hmac-sm3')).reencrypted).toBe(0);
  });

  it('stops at a tampered value, naming the worker, and keeps none of that batch', async () => {
    const [victim] = await stored();
    const parts = victim!.cipher.split(':');
    const data = Buffer.from(parts[2]!, 'base64');
    data[0]! ^= 1;
    parts[2] = data.toString('base64');
    await t.db
      .update(workers)
      .set({ idNumberCipher: parts.join(':') })
      .where(eq(workers.id, victim!.id));
    await expect(
      reencryptIdNumbers({ db: t.db, clock: t.clock, auditKey: testAuditKey }, 'aes-256-gcm'),
    ).rejects.toThrow(victim!.id);
    const rows = await stored();
    expect(rows.filter((r) => idNumberCipherOf(r.cipher) === 'aes-256-gcm')).toHaveLength(0);
  });
});
