import { describe, expect, it } from 'vitest';
import { emptyEntry, entryGaps, findingColor, rateText, recordRequest } from './inspection-logic';

const photo = new File([new Uint8Array([1])], 'a.jpg', { type: 'image/jpeg' });
const entries = {
  a: { ...emptyEntry(), result: 'pass' as const },
  b: {
    ...emptyEntry(),
    result: 'issue' as const,
    description: ' 无防护 ',
    severity: 'major' as const,
    photos: [photo],
  },
  c: emptyEntry(),
  d: { ...emptyEntry(), result: 'issue' as const },
};

describe('the phone inspection form', () => {
  it('names the untapped items and the problems without a description', () => {
    expect(entryGaps(['a', 'b', 'c', 'd'], entries)).toEqual({ untapped: ['c'], undescribed: ['d'] });
  });

  it('sends tapped results, a finding per 发现问题 and the photos per item', () => {
    const head = {
      projectId: 'p',
      inspectedOn: '2026-12-07',
      checklistId: null,
      presetKey: 'safety',
      note: null,
      siteContact: null,
    };
    const { body, photos } = recordRequest(head, ['a', 'b', 'c'], entries);
    expect(body.results).toEqual([
      { key: 'a', result: 'pass', note: null },
      { key: 'b', result: 'issue', note: null },
    ]);
    expect(body.findings).toEqual([
      { itemKey: 'b', description: '无防护', severity: 'major', deadlineOn: null },
    ]);
    expect(photos).toEqual({ b: [photo] });
  });
});

describe('finding display', () => {
  it.each([
    ['open', true, 'error'],
    ['open', false, 'warning'],
    ['replied', false, 'processing'],
    ['closed', false, 'success'],
    ['returned', false, 'magenta'],
  ] as const)('colours a %s finding (overdue %s) %s', (status, overdue, color) => {
    expect(findingColor(status, overdue)).toBe(color);
  });

  it('shows a rate with one decimal and a dash without sites', () => {
    expect(rateText(75)).toBe('75.0%');
    expect(rateText(null)).toBe('—');
  });
});
