import { describe, expect, it } from 'vitest';
import { cleanFileName, maxFileNameLength } from './file-names';

describe('cleanFileName', () => {
  it.each([
    [
      'the right-to-left override that shows invoice‮fdp.exe as a PDF',
      'invoice\u202efdp.exe',
      'invoicefdp.exe',
    ],
    ['bidi marks and isolates', '\u200e报告\u200f\u2066a\u2069\u202a.pdf', '报告a.pdf'],
    ['C0 and C1 controls and DEL', 'a\u0000b\u0007c\u001f\u007f\u0085\u009f.docx', 'abc.docx'],
    ['a path, keeping only the last segment', '..\\..\\windows\\批复.pdf', '批复.pdf'],
    ['zero-width characters and a BOM', '\ufeff照\u200b片.jpg', '照片.jpg'],
    ['nothing left', '\u202e\u0000', 'file'],
    ['a dot-dot name', '..', 'file'],
  ])('removes %s', (_, input, expected) => {
    expect(cleanFileName(input)).toBe(expected);
  });

  it('caps a long name in its stem, keeping the extension', () => {
    const name = `${'很长的文件名'.repeat(40)}.pdf`;
    const cleaned = cleanFileName(name);
    expect([...cleaned]).toHaveLength(maxFileNameLength);
    expect(cleaned.endsWith('.pdf')).toBe(true);
    expect(cleaned.startsWith('很长的文件名')).toBe(true);
  });

  it('keeps a short name as it is, and cuts an over-long extension with the rest', () => {
    expect(cleanFileName('2026年3月月报.xlsx')).toBe('2026年3月月报.xlsx');
    expect([...cleanFileName(`a.${'x'.repeat(300)}`)]).toHaveLength(maxFileNameLength);
  });
});
