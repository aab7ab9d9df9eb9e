import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli-test-kit';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('tuijin files to-database', () => {
  it('refuses on the embedded database, whose files stay in its data directory, with the line that explains', async () => {
    process.env.TUIJIN_DATA_DIR = mkdtempSync(join(tmpdir(), 'tuijin-cli-files-'));
    delete process.env.DATABASE_URL;
    const run = await runCli('files', 'to-database');
    expect(run.code).toBe(2);
    expect(run.err).toContain('嵌入式数据库（PGlite）的上传文件保存在数据目录中，无需迁入');
  });
});
