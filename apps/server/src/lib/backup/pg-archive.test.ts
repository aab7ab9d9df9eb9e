import { describe, expect, it } from 'vitest';
import { decodeCopyField } from './pg-archive';

describe('reading a field of COPY text as pg_restore writes it', () => {
  it.each([
    ['\\N', null],
    ['plain 文字', 'plain 文字'],
    ['a\\tb\\nc\\rd', 'a\tb\nc\rd'],
    ['back\\\\slash', 'back\\slash'],
    ['{"note": "第一行\\\\n第二行"}', '{"note": "第一行\\n第二行"}'],
    ['\\\\N', '\\N'],
    ['\\x41\\102', 'AB'],
    ['end\\\\', 'end\\'],
  ])('%s → %s', (field, value) => {
    expect(decodeCopyField(field)).toBe(value);
  });
});
