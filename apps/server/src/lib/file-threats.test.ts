import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  cleanDocx,
  cleanOle,
  cleanXlsx,
  cleanZip,
  docm,
  docxWithEmbeddedProgram,
  nestedZip,
  oleWithMacros,
  oleWithProgram,
  underDeclaredBomb,
  xlsm,
  zipBomb,
  zipOfMany,
  zipWithProgram,
  zipWithRar,
  zipWithScript,
} from '../testing/hostile-files';
import { inflateBounded } from './bounded-inflate';
import { archiveLimits, containsProgram, fileThreat } from './file-threats';

describe('fileThreat', () => {
  it.each([
    ['an .xlsm (xl/vbaProject.bin)', xlsm, 'macro'],
    ['a .docm named .docx', docm, 'macro'],
    ['a .docx with a packager object holding a program', docxWithEmbeddedProgram, 'executable'],
    ['a zip holding setup.exe', zipWithProgram, 'executable'],
    ['a zip holding a PowerShell script', zipWithScript, 'executable'],
    ['a zip holding a RAR it cannot open', zipWithRar, 'nestedArchive'],
    ['a zip bomb (20 MB from a few KB)', zipBomb, 'archiveBomb'],
    ['a zip bomb that declares 100 bytes for 8 MB', underDeclaredBomb, 'sizeMismatch'],
    ['a zip of more members than the limit', () => zipOfMany(archiveLimits.maxEntries + 1), 'tooManyEntries'],
    ['zips nested deeper than the limit', () => nestedZip(archiveLimits.maxDepth + 2), 'nestedArchive'],
    ['a legacy OLE file with VBA macros', async () => oleWithMacros(), 'macro'],
    ['a legacy OLE file with an embedded program', async () => oleWithProgram(), 'executable'],
  ])('refuses %s', async (_, build, reason) => {
    expect(await fileThreat(await build())).toBe(reason);
  });

  it.each([
    ['a clean .docx', cleanDocx],
    ['a clean .xlsx', cleanXlsx],
    ['a clean zip attachment', cleanZip],
    ['zips nested within the limit', () => nestedZip(archiveLimits.maxDepth)],
    ['a clean legacy .doc', async () => cleanOle()],
    ['a PDF', async () => Buffer.from('%PDF-1.7\n')],
  ])('accepts %s', async (_, build) => {
    expect(await fileThreat(await build())).toBeNull();
  });

  it('refuses a member that inflates past the size its header declares', async () => {
    const zip = await cleanDocx();
    const lying = Buffer.from(zip);
    // Patch the central directory's declared size of word/document.xml down to 1 byte.
    const entry = lying.lastIndexOf(Buffer.from('word/document.xml')) - 46;
    expect(lying.readUInt32LE(entry)).toBe(0x02014b50);
    lying.writeUInt32LE(1, entry + 24);
    expect(await fileThreat(lying)).toBe('sizeMismatch');
  });

  it('refuses a member that inflates to less than it declares', async () => {
    const lying = Buffer.from(await cleanZip());
    const entry = lying.lastIndexOf(Buffer.from('readme.txt')) - 46;
    lying.writeUInt32LE(lying.readUInt32LE(entry + 24) + 10, entry + 24);
    expect(await fileThreat(lying)).toBe('sizeMismatch');
  });

  it('does not take a stray "MZ" in compressed data for a program', () => {
    const noise = deflateRawSync(Buffer.from('MZ'.repeat(5000)));
    expect(containsProgram(Buffer.concat([Buffer.from('MZ'), noise]))).toBe(false);
  });
});

describe('inflateBounded', () => {
  it('stops at the limit without inflating the rest (64 MB of zeros, 1 MB allowed)', async () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    const before = process.memoryUsage().arrayBuffers;
    const result = await inflateBounded(bomb, 1024 * 1024);
    expect(result.outcome).toBe('overLimit');
    if (result.outcome === 'overLimit') expect(result.produced).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('answers the bytes within the limit, and damaged for what is not deflate', async () => {
    const result = await inflateBounded(deflateRawSync(Buffer.from('推进')), 100);
    expect(result).toEqual({ outcome: 'ok', bytes: Buffer.from('推进') });
    expect((await inflateBounded(Buffer.from([0xff, 0xff, 0xff]), 100)).outcome).toBe('damaged');
  });
});
