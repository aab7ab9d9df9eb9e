import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditActions } from '@tuijin/domain';
import { describe, expect, it } from 'vitest';
import { enUS } from '../../i18n/en-US';
import { zhCN } from '../../i18n/zh-CN';

const key = (action: string) => action.replaceAll('.', '_');

describe('audit action labels', () => {
  it.each([
    ['zh-CN', zhCN.auditActions],
    ['en-US', enUS.auditActions],
  ])('labels every action the server records in %s', (_language, labels) => {
    const missing = auditActions.filter((action) => !(key(action) in labels));
    expect(missing).toEqual([]);
  });

  it('has no label for an action the server never records', () => {
    const known = new Set(auditActions.map(key));
    expect(Object.keys(zhCN.auditActions).filter((label) => !known.has(label))).toEqual([]);
  });
});

/** The record types the server's audit events name as literals (`entityType: 'meeting'`). */
function entityTypesInServer(dir = join(__dirname, '../../../../server/src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entityTypesInServer(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/entityType: '([a-zA-Z_]+)'/g)].map((m) => m[1]!);
  });
}

describe('audit record type labels', () => {
  it.each([
    ['zh-CN', zhCN.entityTypes],
    ['en-US', enUS.entityTypes],
  ])(
    'labels every record type the server names in %s, so the log never shows a bare code',
    (_language, labels) => {
      const found = [...new Set(entityTypesInServer())];
      expect(found.length).toBeGreaterThan(20);
      expect(found.filter((type) => !(type in labels))).toEqual([]);
    },
  );
});
