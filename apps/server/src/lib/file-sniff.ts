import type { FileKind, FileTypeId } from '@tuijin/domain';
import { fileTypes } from '@tuijin/domain';
import { zipEntries } from './zip-directory';

/** What a file really is, told by its bytes, never by its name. */
export interface SniffedType {
  id: FileTypeId;
  mimeType: string;
  extension: string;
  kind: FileKind;
}

const mimeTypes: Record<FileTypeId, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  zip: 'application/zip',
};

const typed = (id: FileTypeId): SniffedType => ({
  id,
  mimeType: mimeTypes[id],
  extension: id === 'jpeg' ? 'jpg' : id,
  kind: fileTypes[id].kind,
});

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/** A zip (local file header `PK\3\4`): OOXML, OFD, or a plain archive. */
export const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);

/** A legacy OLE2 compound file: Word/Excel/PowerPoint 97-2003 (also encrypted OOXML). */
export const isOle = (bytes: Uint8Array) =>
  startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Which office format a zip is, by the part its format requires (read from the central directory); a plain archive is `zip`, one without a readable directory null. */
function zipDocumentType(bytes: Uint8Array): FileTypeId | null {
  const entries = zipEntries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!entries) return null;
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('ppt/presentation.xml')) return 'pptx';
  if (names.has('OFD.xml')) return 'ofd';
  return 'zip';
}

/**
 * Identifies the accepted kinds of upload by their magic bytes: JPEG, PNG, GIF and WebP photos; PDF,
 * OOXML (docx, xlsx, pptx), OFD and legacy OLE2 Office documents, and zip archives. Everything else
 * — executables, HTML, SVG, scripts, other archives — answers null and is refused. Whether the file is safe (macros,
 * embedded programs, zip bombs) is `fileThreat`'s question.
 */
export function sniffFileType(bytes: Uint8Array, originalName: string): SniffedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return typed('jpeg');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return typed('png');
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return typed('gif');
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return typed('webp');
  if (ascii(bytes, 0, 5) === '%PDF-') return typed('pdf');
  if (isZip(bytes)) {
    // A zip that is no office document is a plain archive; `fileThreat` has opened every member.
    const id = zipDocumentType(bytes);
    return id ? typed(id) : null;
  }
  if (isOle(bytes)) {
    const lower = originalName.toLowerCase();
    if (lower.endsWith('.xls')) return typed('xls');
    if (lower.endsWith('.ppt')) return typed('ppt');
    return typed('doc');
  }
  return null;
}
