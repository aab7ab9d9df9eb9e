import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { FieldCipher } from '@tuijin/domain';
import { sm4CbcHmacSm3Open, sm4CbcHmacSm3Seal } from '../../lib/sm-crypto';

const cipherInfo = 'tuijin/worker-id-number';
const indexInfo = 'tuijin/worker-id-number-index';
const sm4Info = 'tuijin/worker-id-number/sm4-cbc';
const sm3MacInfo = 'tuijin/worker-id-number/hmac-sm3';
/** What the SM4 value is, bound into its MAC so it cannot be moved to another field. */
const macContext = 'workers.id_number';

interface DerivedKeys {
  cipher: Buffer;
  index: Buffer;
  sm4: { encKey: Buffer; macKey: Buffer };
}

const keys = new WeakMap<Buffer, DerivedKeys>();

/**
 * The keys derived from the installation's audit key (never the key itself, and never stored in the
 * database): AES-256 and the blind-index key by HKDF-SHA256 as before, the SM4 key (16 bytes) and the
 * HMAC-SM3 key (32 bytes) by HKDF-SM3, each under its own info string.
 */
function keysOf(auditKey: Buffer): DerivedKeys {
  let derived = keys.get(auditKey);
  if (!derived) {
    const derive = (digest: string, info: string, length: number) =>
      Buffer.from(hkdfSync(digest, auditKey, Buffer.alloc(0), info, length));
    derived = {
      cipher: derive('sha256', cipherInfo, 32),
      index: derive('sha256', indexInfo, 32),
      sm4: { encKey: derive('sm3', sm4Info, 16), macKey: derive('sm3', sm3MacInfo, 32) },
    };
    keys.set(auditKey, derived);
  }
  return derived;
}

const b64 = (bytes: Buffer) => bytes.toString('base64');

/**
 * The algorithm a stored value names by its prefix: `v1:iv:tag:data` is AES-256-GCM (the first
 * format), `sm4:iv:data:mac` is SM4-CBC with an HMAC-SM3 tag (encrypt-then-MAC); null for neither.
 */
export function idNumberCipherOf(stored: string): FieldCipher | null {
  if (stored.startsWith('v1:')) return 'aes-256-gcm';
  if (stored.startsWith('sm4:')) return 'sm4-cbc-hmac-sm3';
  return null;
}

/**
 * Encrypts a normalised 身份证号码 with the algorithm the security policy names, under a key derived
 * from the audit key, with a random IV per value: AES-256-GCM stored `v1:iv:tag:data`, or SM4-CBC +
 * HMAC-SM3 stored `sm4:iv:data:mac` (base64 parts).
 */
export function encryptIdNumber(
  auditKey: Buffer,
  idNumber: string,
  algorithm: FieldCipher = 'aes-256-gcm',
): string {
  const plain = Buffer.from(idNumber, 'utf8');
  if (algorithm === 'sm4-cbc-hmac-sm3') {
    const iv = randomBytes(16);
    const { data, tag } = sm4CbcHmacSm3Seal(keysOf(auditKey).sm4, iv, plain, macContext);
    return ['sm4', b64(iv), b64(data), b64(tag)].join(':');
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keysOf(auditKey).cipher, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return ['v1', b64(iv), b64(cipher.getAuthTag()), b64(data)].join(':');
}

/** The 身份证号码 of a stored value, by the algorithm it names; a tampered value or another key throws. */
export function decryptIdNumber(auditKey: Buffer, stored: string): string {
  const [version, first, second, third] = stored.split(':');
  if (!first || !second || third === undefined) throw new Error('unknown id number cipher');
  const bytes = (part: string) => Buffer.from(part, 'base64');
  if (version === 'sm4') {
    return sm4CbcHmacSm3Open(
      keysOf(auditKey).sm4,
      bytes(first),
      bytes(second),
      bytes(third),
      macContext,
    ).toString('utf8');
  }
  if (version !== 'v1') throw new Error('unknown id number cipher');
  const decipher = createDecipheriv('aes-256-gcm', keysOf(auditKey).cipher, bytes(first));
  decipher.setAuthTag(bytes(second));
  return Buffer.concat([decipher.update(bytes(third)), decipher.final()]).toString('utf8');
}

/**
 * 盲索引: a keyed HMAC-SHA256 of the normalised number (its own derived key), so the same person is
 * found again (re-import updates; a duplicate in a project is refused) without storing the number.
 * It does not depend on the cipher, so re-encrypting a row leaves its index alone.
 */
export function idNumberIndex(auditKey: Buffer, idNumber: string): string {
  return createHmac('sha256', keysOf(auditKey).index).update(idNumber).digest('hex');
}
