import { createInflateRaw } from 'node:zlib';

/** What {@link inflateBounded} found: the bytes, or that the member expands past the limit, or is damaged. */
export type Inflated =
  | { outcome: 'ok'; bytes: Buffer }
  | { outcome: 'overLimit'; produced: number }
  | { outcome: 'damaged' };

/**
 * Inflates a raw-deflate member as a stream of 64 KB pieces, counting what comes out, and stops the
 * moment the count passes `limit` — so a member that lies about its size (a zip bomb declaring a few
 * bytes) costs at most `limit` plus one piece of memory and the time to inflate that much, never
 * what it would really expand to.
 */
export function inflateBounded(data: Buffer, limit: number): Promise<Inflated> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    const pieces: Buffer[] = [];
    let produced = 0;
    let settled = false;
    const settle = (result: Inflated) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    inflater.on('data', (piece: Buffer) => {
      produced += piece.length;
      if (produced > limit) {
        settle({ outcome: 'overLimit', produced });
        inflater.destroy();
        return;
      }
      pieces.push(piece);
    });
    inflater.on('error', () => settle({ outcome: 'damaged' }));
    inflater.on('end', () => settle({ outcome: 'ok', bytes: Buffer.concat(pieces, produced) }));
    inflater.end(data);
  });
}
