import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedDemoDir, demoCacheKey, keepDemoDir } from './demo-cache';

function tree() {
  const root = mkdtempSync(join(tmpdir(), 'tuijin-cache-'));
  mkdirSync(join(root, 'apps/server/src'), { recursive: true });
  writeFileSync(join(root, 'apps/server/src/a.ts'), 'export const a = 1;');
  writeFileSync(join(root, 'package-lock.json'), '{}');
  return root;
}

describe('the kept demo directory', () => {
  it('has a key that changes with a source file and with the day in China, not with a test file', () => {
    const root = tree();
    const morning = new Date('2026-12-06T01:00:00Z');
    const key = demoCacheKey(root, morning);
    expect(demoCacheKey(root, new Date('2026-12-06T15:59:00Z'))).toBe(key);
    expect(demoCacheKey(root, new Date('2026-12-06T16:00:00Z'))).not.toBe(key);
    writeFileSync(join(root, 'apps/server/src/a.test.ts'), 'it()');
    expect(demoCacheKey(root, morning)).toBe(key);
    writeFileSync(join(root, 'apps/server/src/a.ts'), 'export const a = 2;');
    expect(demoCacheKey(root, morning)).not.toBe(key);
  });

  it('is found only once kept whole, and keeping it drops the older one', () => {
    const root = tree();
    expect(cachedDemoDir(root)).toBeUndefined();
    const loaded = mkdtempSync(join(tmpdir(), 'tuijin-loaded-'));
    writeFileSync(join(loaded, 'PG_VERSION'), '17');
    const kept = keepDemoDir(loaded, root);
    expect(cachedDemoDir(root)).toBe(kept);
    writeFileSync(join(root, 'apps/server/src/a.ts'), 'export const a = 3;');
    expect(cachedDemoDir(root)).toBeUndefined();
    const again = keepDemoDir(loaded, root);
    expect(again).not.toBe(kept);
    expect(cachedDemoDir(root)).toBe(again);
    expect(() => writeFileSync(join(kept, 'x'), '')).toThrow();
  });
});
