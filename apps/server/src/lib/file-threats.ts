import type { FileRefusal } from '@tuijin/domain';
import { isOle, isZip } from './file-sniff';
import { readZipEntry, zipEntries } from './zip-directory';

/** Limits on what a zip-based upload (OOXML, OFD) may expand to; real office files are far below. */
export const archiveLimits = {
  /** All members together, uncompressed. */
  maxExpandedBytes: 200 * 1024 * 1024,
  /** Uncompressed ÷ compressed of one member above `ratioFloorBytes`: real XML parts stay under 100, deflate tops out near 1030. */
  maxRatio: 500,
  ratioFloorBytes: 1024 * 1024,
  /** How deep an embedded OLE object or nested zip is opened. */
  maxDepth: 3,
};

/** Macro carriers: the VBA part of OOXML, and macro-enabled Office files embedded in a document. */
const macroName = /(^|\/)vbaproject\.bin$|\.(xlsm|xltm|xlam|docm|dotm|pptm|potm|ppsm|ppam)$/i;
/** Programs, scripts, installers and archives (which would carry programs past this check). */
const programName =
  /\.(exe|dll|scr|com|pif|cpl|msi|msp|bat|cmd|ps1|vbs|vbe|js|jse|wsf|wsh|hta|jar|lnk|reg|sh|elf|apk|zip|rar|7z|cab|gz|tar|iso)$/i;

const utf16 = (text: string) => Buffer.from(text, 'utf16le');
const vbaStorage = utf16('_VBA_PROJECT');
const packagerStream = utf16('Ole10Native');

/**
 * Whether the bytes hold a Windows (MZ … PE) or Linux (ELF) program anywhere, as an embedded
 * object's raw stream would. The PE check follows the MZ header's pointer to its `PE\0\0` mark,
 * so a stray "MZ" in compressed image data does not count.
 */
export function containsProgram(bytes: Buffer): boolean {
  for (let at = bytes.indexOf('MZ', 0, 'latin1'); at >= 0; at = bytes.indexOf('MZ', at + 1, 'latin1')) {
    if (at + 0x40 > bytes.length) break;
    const pe = at + bytes.readUInt32LE(at + 0x3c);
    if (pe > at && pe + 4 <= bytes.length && pe - at < 0x10000 && bytes.readUInt32BE(pe) === 0x50450000) {
      return true;
    }
  }
  for (
    let at = bytes.indexOf('\x7fELF', 0, 'latin1');
    at >= 0;
    at = bytes.indexOf('\x7fELF', at + 1, 'latin1')
  ) {
    const [cls, data, version] = [bytes[at + 4], bytes[at + 5], bytes[at + 6]];
    if ((cls === 1 || cls === 2) && (data === 1 || data === 2) && version === 1) return true;
  }
  return false;
}

/** A legacy compound file: VBA macros, a packager object (an embedded file of any kind), or a program. */
function oleThreat(bytes: Buffer): FileRefusal | null {
  if (bytes.includes(vbaStorage)) return 'macro';
  if (bytes.includes(packagerStream) || containsProgram(bytes)) return 'executable';
  return null;
}

/**
 * A zip-based file: every member is inflated (never past the size it declares, never past the
 * total cap) and checked — macros, programs by name or content, embedded OLE objects and nested
 * zips in turn — so neither a lying header nor a nested archive gets a bomb or a program through.
 */
function zipThreat(bytes: Buffer, depth: number): FileRefusal | null {
  const entries = zipEntries(bytes);
  if (!entries) return 'damaged';
  if (entries.some((entry) => entry.isEncrypted)) return 'encrypted';
  if (entries.some((entry) => macroName.test(entry.name))) return 'macro';
  if (entries.some((entry) => programName.test(entry.name))) return 'executable';
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= archiveLimits.ratioFloorBytes && ratio > archiveLimits.maxRatio) {
      return 'archiveBomb';
    }
  }
  if (declared > archiveLimits.maxExpandedBytes) return 'archiveBomb';
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    let content: Buffer | null;
    try {
      content = readZipEntry(bytes, entry, entry.uncompressedSize);
    } catch {
      return 'archiveBomb';
    }
    if (!content) return 'damaged';
    const threat = containerThreat(content, depth + 1) ?? (containsProgram(content) ? 'executable' : null);
    if (threat) return threat === 'damaged' ? null : threat;
  }
  return null;
}

function containerThreat(bytes: Buffer, depth: number): FileRefusal | null {
  if (depth > archiveLimits.maxDepth) return isZip(bytes) || isOle(bytes) ? 'archiveBomb' : null;
  if (isZip(bytes)) return zipThreat(bytes, depth);
  if (isOle(bytes)) return oleThreat(bytes);
  return null;
}

/**
 * Why a container file must be refused, or null: OOXML/OFD carrying macros (`vbaProject.bin`, an
 * embedded .xlsm…), programs or archives, encrypted members or a decompression bomb; a legacy Office
 * file with VBA macros, a packager object or an embedded program. Photos and PDFs answer null here.
 */
export const fileThreat = (bytes: Buffer): FileRefusal | null => containerThreat(bytes, 0);
