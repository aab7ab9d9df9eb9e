import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const licensePath = `${root}LICENSE`;

/** SHA-256 of https://www.apache.org/licenses/LICENSE-2.0.txt, byte for byte (LF line ends). */
const apache2Sha256 = 'cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30';

const sections = [
  '1. Definitions.',
  '2. Grant of Copyright License.',
  '3. Grant of Patent License.',
  '4. Redistribution.',
  '5. Submission of Contributions.',
  '6. Trademarks.',
  '7. Disclaimer of Warranty.',
  '8. Limitation of Liability.',
  '9. Accepting Warranty or Additional Liability.',
];

describe('the repository licence', () => {
  it('carries the Apache License 2.0 text in LICENSE at the root', () => {
    expect(existsSync(licensePath)).toBe(true);
    const text = readFileSync(licensePath, 'utf8');
    expect(text).toContain('Apache License');
    expect(text).toContain('Version 2.0, January 2004');
    expect(text).toContain('http://www.apache.org/licenses/');
    for (const section of sections) expect(text).toContain(section);
    expect(text).toContain('END OF TERMS AND CONDITIONS');
    expect(createHash('sha256').update(readFileSync(licensePath)).digest('hex')).toBe(apache2Sha256);
  });

  it('is the licence package.json declares', () => {
    const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { license?: string };
    expect(manifest.license).toBe('Apache-2.0');
  });
});
