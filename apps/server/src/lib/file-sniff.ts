/** What a file really is, told by its bytes, never by its name. */
export interface SniffedType {
  mimeType: string;
  extension: string;
  kind: 'photo' | 'document';
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/** Finds an ASCII marker in the first 64 KiB (zip local headers carry the member names). */
const containsAscii = (bytes: Uint8Array, marker: string) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 65_536)).includes(
    marker,
    0,
    'latin1',
  );

/**
 * Identifies the accepted kinds of upload by their magic bytes: JPEG, PNG, GIF and WebP photos; PDF,
 * OOXML (docx, xlsx, pptx), OFD and legacy OLE2 Office documents. Everything else — executables,
 * HTML, SVG, scripts, archives — answers null and is refused.
 */
export function sniffFileType(bytes: Uint8Array, originalName: string): SniffedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff]))
    return { mimeType: 'image/jpeg', extension: 'jpg', kind: 'photo' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mimeType: 'image/png', extension: 'png', kind: 'photo' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')
    return { mimeType: 'image/gif', extension: 'gif', kind: 'photo' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
    return { mimeType: 'image/webp', extension: 'webp', kind: 'photo' };
  if (ascii(bytes, 0, 5) === '%PDF-')
    return { mimeType: 'application/pdf', extension: 'pdf', kind: 'document' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (containsAscii(bytes, 'word/')) {
      return {
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
        kind: 'document',
      };
    }
    if (containsAscii(bytes, 'xl/')) {
      return {
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
        kind: 'document',
      };
    }
    if (containsAscii(bytes, 'ppt/')) {
      return {
        mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        extension: 'pptx',
        kind: 'document',
      };
    }
    if (containsAscii(bytes, 'OFD.xml'))
      return { mimeType: 'application/ofd', extension: 'ofd', kind: 'document' };
    return null;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const lower = originalName.toLowerCase();
    if (lower.endsWith('.xls'))
      return { mimeType: 'application/vnd.ms-excel', extension: 'xls', kind: 'document' };
    if (lower.endsWith('.ppt'))
      return { mimeType: 'application/vnd.ms-powerpoint', extension: 'ppt', kind: 'document' };
    return { mimeType: 'application/msword', extension: 'doc', kind: 'document' };
  }
  return null;
}
