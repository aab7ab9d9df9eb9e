import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  cleanDocx,
  cleanOle,
  cleanXlsx,
  docm,
  docxWithEmbeddedProgram,
  oleWithMacros,
  oleWithProgram,
  xlsm,
  zipBomb,
  zipWithProgram,
} from '../testing/hostile-files';
import { containsProgram, fileThreat } from './file-threats';

describe('fileThreat', () => {
  it.each([
    ['an .xlsm (xl/vbaProject.bin)', xlsm, 'macro'],
    ['a .docm named .docx', docm, 'macro'],
    ['a .docx with a packager object holding a program', docxWithEmbeddedProgram, 'executable'],
    ['a zip holding setup.exe', zipWithProgram, 'executable'],
    ['a zip bomb (20 MB from a few KB)', zipBomb, 'archiveBomb'],
    ['a legacy OLE file with VBA macros', async () => oleWithMacros(), 'macro'],
    ['a legacy OLE file with an embedded program', async () => oleWithProgram(), 'executable'],
  ])('refuses %s', async (_, build, reason) => {
    expect(fileThreat(await build())).toBe(reason);
  });

  it.each([
    ['a clean .docx', cleanDocx],
    ['a clean .xlsx', cleanXlsx],
    ['a clean legacy .doc', async () => cleanOle()],
    ['a PDF', async () => Buffer.from('%PDF-1.7\n')],
  ])('accepts %s', async (_, build) => {
    expect(fileThreat(await build())).toBeNull();
  });

  it('refuses a member that inflates past the size its header declares', async () => {
    const zip = await cleanDocx();
    const lying = Buffer.from(zip);
    // Patch the central directory's declared size of word/document.xml down to 1 byte.
    const entry = lying.lastIndexOf(Buffer.from('word/document.xml')) - 46;
    expect(lying.readUInt32LE(entry)).toBe(0x02014b50);
    lying.writeUInt32LE(1, entry + 24);
    expect(fileThreat(lying)).toBe('archiveBomb');
  });

  it('does not take a stray "MZ" in compressed data for a program', () => {
    const noise = deflateRawSync(Buffer.from('MZ'.repeat(5000)));
    expect(containsProgram(Buffer.concat([Buffer.from('MZ'), noise]))).toBe(false);
  });
});
