/**
 * Neutralises text for a spreadsheet cell: text beginning with `=`, `+`, `-`, `@`, tab or carriage
 * return would run as a formula (CSV/formula injection) when a reader opens or re-saves the file,
 * so it gets a leading apostrophe.
 */
export function safeCellText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 5987 Content-Disposition for a download with a Chinese file name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
