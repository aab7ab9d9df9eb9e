/** The longest file name kept (in characters), extension included. */
export const maxFileNameLength = 120;
/** An extension longer than this is not kept apart when a name is shortened. */
const maxExtensionLength = 16;

/**
 * C0 and C1 control characters and DEL; the bidirectional marks and overrides (U+200E/U+200F LRM/RLM,
 * U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, U+061C ALM) that make
 * `invoice‮fdp.exe` display as `invoiceexe.pdf`; zero-width and BOM characters.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const hidden = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A file name as people will see it and as it is stored: the last path segment only, NFC, with
 * control and bidi characters removed, trimmed, at most {@link maxFileNameLength} characters — a
 * long name is shortened in its stem, so its extension stays — and `file` when nothing is left.
 */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).at(-1) ?? '').normalize('NFC').replace(hidden, '').trim();
  if (!base || base === '.' || base === '..') return 'file';
  const characters = [...base];
  if (characters.length <= maxFileNameLength) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot) : '';
  const keep = [...extension].length <= maxExtensionLength ? extension : '';
  const stem = [...(keep ? base.slice(0, dot) : base)];
  return `${stem
    .slice(0, maxFileNameLength - [...keep].length)
    .join('')
    .trimEnd()}${keep}`;
}
