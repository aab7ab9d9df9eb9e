import { type FileRefusal, maxArchiveEntries } from '@tuijin/domain';
import { inflateBounded } from './bounded-inflate';
import { isOle, isZip } from './file-sniff';
import { type ZipEntry, zipEntries, zipEntryData } from './zip-directory';

/** Limits on what a zip-based upload (a zip attachment, OOXML, OFD) may expand to; real files are far below. */
export const archiveLimits = {
  /** All members together, uncompressed, nested archives included: counted while inflating. */
  maxExpandedBytes: 200 * 1024 * 1024,
  /** Members of one archive (a Word file has a few dozen; a folder of site photos a few hundred). */
  maxEntries: maxArchiveEntries,
  /** Uncompressed ÷ compressed of one member above `ratioFloorBytes`: real XML parts stay under 100, deflate tops out near 1030. */
  maxRatio: 500,
  ratioFloorBytes: 1024 * 1024,
  /** How deep an embedded OLE object or nested zip is opened; deeper nesting is refused. */
  maxDepth: 3,
};

/** Macro carriers: the VBA part of OOXML, and macro-enabled Office files embedded in a document. */
const macroName = /(^|\/)vbaproject\.bin$|\.(xlsm|xltm|xlam|docm|dotm|pptm|potm|ppsm|ppam)$/i;
/** Programs, scripts and installers, by the name a member carries. */
const programName =
  /\.(exe|dll|scr|com|pif|cpl|msi|msp|msc|bat|cmd|ps1|psm1|vbs|vbe|js|jse|mjs|wsf|wsh|hta|jar|class|lnk|url|reg|inf|sh|bash|py|pl|php|jsp|asp|aspx|elf|so|apk|app|dmg|deb|rpm)$/i;
/** Archives this check cannot open (a nested zip is opened and checked in turn, to `maxDepth`). */
const opaqueArchiveName = /\.(rar|7z|cab|gz|tgz|bz2|xz|tar|iso|arj|lzh|z)$/i;

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

/** What the members inflated so far have cost, shared with nested archives. */
interface Budget {
  remaining: number;
}

/**
 * One member's bytes, inflated as a stream and counted: more than it declares is a lie
 * (`sizeMismatch`, the classic bomb that declares a few bytes), past what is left of the total is
 * `archiveBomb`; fewer than it declares is a lie too. The bytes never exceed either bound.
 */
async function memberBytes(bytes: Buffer, entry: ZipEntry, budget: Budget): Promise<Buffer | FileRefusal> {
  const data = zipEntryData(bytes, entry);
  if (!data || data.length !== entry.compressedSize) return 'damaged';
  const limit = Math.min(entry.uncompressedSize, budget.remaining);
  let content: Buffer;
  if (entry.method === 0) {
    content = data;
    if (content.length > limit)
      return content.length > entry.uncompressedSize ? 'sizeMismatch' : 'archiveBomb';
  } else if (entry.method === 8) {
    const inflated = await inflateBounded(data, limit);
    if (inflated.outcome === 'damaged') return 'damaged';
    if (inflated.outcome === 'overLimit')
      return inflated.produced > entry.uncompressedSize ? 'sizeMismatch' : 'archiveBomb';
    content = inflated.bytes;
  } else {
    return 'damaged';
  }
  if (content.length !== entry.uncompressedSize) return 'sizeMismatch';
  budget.remaining -= content.length;
  return content;
}

/**
 * A zip-based file: the directory first (entry count, encryption, macro, program and opaque-archive
 * names, declared sizes and ratios), then every member inflated as a stream, counted against what
 * it declares and against the total cap, and checked — programs by content, embedded OLE objects
 * and nested zips in turn — so neither a lying header nor a nested archive gets a bomb or a
 * program through.
 */
async function zipThreat(bytes: Buffer, depth: number, budget: Budget): Promise<FileRefusal | null> {
  const entries = zipEntries(bytes);
  if (!entries) return 'damaged';
  if (entries.length > archiveLimits.maxEntries) return 'tooManyEntries';
  if (entries.some((entry) => entry.isEncrypted)) return 'encrypted';
  if (entries.some((entry) => macroName.test(entry.name))) return 'macro';
  if (entries.some((entry) => programName.test(entry.name))) return 'executable';
  if (entries.some((entry) => opaqueArchiveName.test(entry.name))) return 'nestedArchive';
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= archiveLimits.ratioFloorBytes && ratio > archiveLimits.maxRatio) {
      return 'archiveBomb';
    }
  }
  if (declared > budget.remaining) return 'archiveBomb';
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const content = await memberBytes(bytes, entry, budget);
    if (!Buffer.isBuffer(content)) return content;
    const threat =
      (await containerThreat(content, depth + 1, budget)) ?? (containsProgram(content) ? 'executable' : null);
    // A member that only looks like a zip or OLE file and is not one (damaged) is data, not a threat.
    if (threat && threat !== 'damaged') return threat;
  }
  return null;
}

async function containerThreat(bytes: Buffer, depth: number, budget: Budget): Promise<FileRefusal | null> {
  if (depth > archiveLimits.maxDepth) return isZip(bytes) || isOle(bytes) ? 'nestedArchive' : null;
  if (isZip(bytes)) return zipThreat(bytes, depth, budget);
  if (isOle(bytes)) return oleThreat(bytes);
  return null;
}

/**
 * Why a container file must be refused, or null: a zip attachment or OOXML/OFD carrying macros
 * (`vbaProject.bin`, an embedded .xlsm…), programs or scripts, archives it cannot open or nested too
 * deep, too many members, encrypted members, sizes that lie or a decompression bomb; a legacy
 * Office file with VBA macros, a packager object or an embedded program. Photos and PDFs answer
 * null here (their tricks are `polyglotOf`'s question).
 */
export const fileThreat = (bytes: Buffer): Promise<FileRefusal | null> =>
  containerThreat(bytes, 0, { remaining: archiveLimits.maxExpandedBytes });
