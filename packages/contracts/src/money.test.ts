import { wanYuanTypingCases } from '@tuijin/domain';
import { describe, expect, it } from 'vitest';
import { WanYuan } from './money';
import { SignedWanYuan } from './reports.contract';

describe('the contracts read a typed amount as the domain does', () => {
  it.each(wanYuanTypingCases)('%j → %s', (typed, value) => {
    for (const schema of [WanYuan, SignedWanYuan]) {
      const read = schema.safeParse(typed);
      expect(read.success ? read.data : null).toBe(value);
    }
  });
});
