import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials of a name for search: each Chinese character gives the first letter of its
 * reading, Latin letters and digits are kept (lower case), everything else is dropped.
 * 时代新能源锂电池 → sdxnyldc; 5G基站 → 5gjz.
 */
export function pinyinInitials(name: string): string {
  const readings = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return readings
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
