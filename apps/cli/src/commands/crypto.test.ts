import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

const dataDir = demoDataDir('tuijin-cli-crypto');

const query = async <T>(sql: string) => {
  const client = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.close();
  }
};

describe('tuijin crypto reencrypt', () => {
  it('re-encrypts the demo roster’s ID numbers with SM4, audited, and a second run changes nothing', async () => {
    const [before] = await query<{ aes: number }>(
      `select count(*)::int as aes from workers where id_number_cipher like 'v1:%'`,
    );
    expect(before!.aes).toBeGreaterThan(0);
    const run = await runCli('crypto', 'reencrypt', '--to', 'sm4');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`已用 SM4-CBC + HMAC-SM3 重新加密 ${before!.aes} 条工人身份证号码`);
    const [after] = await query<{ aes: number; sm4: number; events: number }>(
      `select (select count(*)::int from workers where id_number_cipher like 'v1:%') as aes,
              (select count(*)::int from workers where id_number_cipher like 'sm4:%') as sm4,
              (select count(*)::int from audit_events where action = 'workforce.idNumber.reencrypt') as events`,
    );
    expect(after).toMatchObject({ aes: 0, sm4: before!.aes });
    expect(after!.events).toBeGreaterThan(0);
    const again = await runCli('crypto', 'reencrypt', '--to', 'sm4');
    expect(again.out).toContain('重新加密 0 条');
  }, 180_000);

  it('refuses an algorithm it does not know, as a usage error', async () => {
    const run = await runCli('crypto', 'reencrypt', '--to', 'des');
    expect(run.code).toBe(2);
    expect(run.err).toContain('参数 --to 无效：des（应为 sm4 或 aes）');
  });
});
