import { describe, expect, it } from 'vitest';
import { cleanDocx, cleanOle, cleanXlsx, zipWithProgram } from '../testing/hostile-files';
import { sniffFileType } from './file-sniff';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('sniffFileType', () => {
  it.each([
    ['photo.jpg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['shot.png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['a.gif', bytes('GIF89a', 0, 0), 'image/gif'],
    ['b.webp', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
    ['plan.pdf', bytes('%PDF-1.7\n'), 'application/pdf'],
  ])('recognises %s', (name, content, mimeType) => {
    expect(sniffFileType(content, name)?.mimeType).toBe(mimeType);
  });

  it('tells OOXML apart by the part its format requires, from the zip directory', async () => {
    expect(sniffFileType(await cleanDocx(), 'a.bin')?.id).toBe('docx');
    expect(sniffFileType(await cleanXlsx(), 'a.docx')?.id).toBe('xlsx');
    // A plain archive is a zip whatever its name (its members are fileThreat's question).
    expect(sniffFileType(await zipWithProgram(), 'a.docx')?.id).toBe('zip');
    expect(sniffFileType(cleanOle(), '旧表.XLS')?.id).toBe('xls');
  });

  it.each([
    ['evil.jpg', bytes('MZ', 0x90, 0, 3, 0)],
    ['evil.png', bytes(0x7f, 'ELF', 2, 1, 1)],
    ['page.jpg', bytes('<html><script>alert(1)</script>')],
    ['icon.jpg', bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ['archive.docx', bytes('PK', 3, 4, 0, 0, 'payload.exe')],
    ['empty.pdf', bytes()],
  ])('refuses %s', (name, content) => {
    expect(sniffFileType(content, name)).toBeNull();
  });
});
