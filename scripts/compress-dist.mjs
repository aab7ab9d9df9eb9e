// Writes `name.br` and `name.gz` beside each text file of a built web app, once at build time, so
// the server sends them as they are (no compression on the request path). Skips small files,
// files that do not shrink, and files whose compressed twins are already newer than them.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const compressible = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
const minBytes = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (compressible.test(entry.name)) yield path;
  }
}

const isFresh = (twin, source) => existsSync(twin) && statSync(twin).mtimeMs >= statSync(source).mtimeMs;

/** Compresses every compressible file under `dir`; answers how many files it wrote. */
export function compressDist(dir) {
  let written = 0;
  for (const path of files(dir)) {
    const bytes = readFileSync(path);
    if (bytes.length < minBytes) continue;
    const encodings = [
      [
        `${path}.br`,
        () =>
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
      ],
      [`${path}.gz`, () => gzipSync(bytes, { level: 9 })],
    ];
    for (const [twin, compress] of encodings) {
      if (isFresh(twin, path)) continue;
      const packed = compress();
      if (packed.length >= bytes.length) continue;
      writeFileSync(twin, packed);
      written += 1;
    }
  }
  return written;
}

// `node scripts/compress-dist.mjs <dir>` compresses a directory by hand (and lets tests use the real thing).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/compress-dist.mjs <dir>');
  console.log(`compressed ${compressDist(dir)} files`);
}
