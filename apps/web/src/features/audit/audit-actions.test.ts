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
