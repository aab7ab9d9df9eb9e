import type { FileTypeId } from '@tuijin/domain';

/** How much of a file's start and end is read for a second identity. */
const window = 4096;

/**
 * What a browser or an interpreter would take for markup or a script: HTML documents and their
 * active tags, SVG, server pages. Matched case-insensitively in the file's head and tail.
 */
const activeMarkup =
  /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|script[\s>]|iframe[\s>]|object[\s>]|embed[\s>]|svg[\s>]|meta\s+http-equiv|\?php|%@)|javascript:/i;

const latin1 = (bytes: Buffer) => bytes.toString('latin1');

const endOfDirectory = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const directoryHeader = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

/**
 * Whether an unzip tool would find an archive in the bytes: an end-of-central-directory record in
 * the last 64 KB (where a reader looks for it) with a central-directory header before it. Tools
 * allow for data in front of the archive, so its offsets are not checked.
 */
function holdsZip(bytes: Buffer): boolean {
  const end = bytes.lastIndexOf(endOfDirectory);
  if (end < 0 || end < bytes.length - 22 - 65_535) return false;
  const directory = bytes.lastIndexOf(directoryHeader, end);
  return directory >= 0;
}

/**
 * Whether a photo or PDF is also something else (a polyglot that a browser, an unzip tool or an
 * interpreter would read differently): a zip archive appended or embedded (its end-of-directory
 * record found and its directory consistent — a JPEG/PDF + ZIP), or HTML/script markup in its first
 * or last {@link window} bytes (an image or PDF that sniffs as a web page). Office documents and zip
 * attachments are checked member by member by `fileThreat` instead.
 */
export function isPolyglot(bytes: Buffer, type: FileTypeId): boolean {
  const isSimple = ['jpeg', 'png', 'gif', 'webp', 'pdf'].includes(type);
  if (!isSimple) return false;
  if (holdsZip(bytes)) return true;
  const head = latin1(bytes.subarray(0, window));
  const tail = latin1(bytes.subarray(Math.max(window, bytes.length - window)));
  return activeMarkup.test(head) || activeMarkup.test(tail);
}
