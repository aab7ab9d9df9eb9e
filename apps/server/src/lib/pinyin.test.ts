import { describe, expect, it } from 'vitest';
import { pinyinInitials } from './pinyin';

describe('pinyinInitials', () => {
  it.each([
    ['时代新能源锂电池生产基地', 'sdxnyldcscjd'],
    ['5G基站建设', '5gjzjs'],
    ['宁德·蕉城区 城市道路', 'ndjcqcsdl'],
  ])('%s → %s', (name, initials) => {
    expect(pinyinInitials(name)).toBe(initials);
  });
});
