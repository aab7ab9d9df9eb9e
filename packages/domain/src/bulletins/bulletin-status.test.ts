import { describe, expect, it } from 'vitest';
import {
  bulletinActions,
  bulletinStatuses,
  canTransitionBulletin,
  transitionBulletin,
} from './bulletin-status';

describe('the bulletin lifecycle', () => {
  it.each([
    ['draft', 'review', 'reviewed'],
    ['reviewed', 'issue', 'issued'],
    ['reviewed', 'refresh', 'draft'],
    ['draft', 'refresh', 'draft'],
    ['draft', 'remove', null],
    ['reviewed', 'remove', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(transitionBulletin(from, action)).toBe(to);
  });

  it('never moves an issued bulletin, and issues only a reviewed one, saying why', () => {
    for (const action of bulletinActions) expect(canTransitionBulletin('issued', action)).toBe(false);
    expect(() => transitionBulletin('draft', 'issue')).toThrow('通报须先审核，才能签发');
    expect(() => transitionBulletin('issued', 'issue')).toThrow('通报已签发');
    expect(() => transitionBulletin('issued', 'refresh')).toThrow('已签发的通报数据已冻结，不能刷新');
    expect(() => transitionBulletin('reviewed', 'review')).toThrow('只有草稿可以审核');
    expect(bulletinStatuses).toEqual(['draft', 'reviewed', 'issued']);
  });
});
