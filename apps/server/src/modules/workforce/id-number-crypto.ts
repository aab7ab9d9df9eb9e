import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const cipherInfo = 'tuijin/worker-id-number';
const indexInfo = 'tuijin/worker-id-number-index';

const keys = new WeakMap<Buffer, { cipher: Buffer; index: Buffer }>();

/** The two keys derived by HKDF-SHA256 from the installation's audit key (never the key itself). */
function keysOf(auditKey: Buffer) {
  let derived = keys.get(auditKey);
  if (!derived) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', auditKey, Buffer.alloc(0), info, 32));
    derived = { cipher: derive(cipherInfo), index: derive(indexInfo) };
    keys.set(auditKey, derived);
  }
  return derived;
}

/**
 * Encrypts a normalised 身份证号码: AES-256-GCM under the key HKDF derives from the audit key (info
 * `tuijin/worker-id-number`), a random 96-bit IV per value, stored `v1:iv:tag:data` (base64).
 */
export function encryptIdNumber(auditKey: Buffer, idNumber: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keysOf(auditKey).cipher, iv);
  const data = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(
    ':',
  );
}

/** The 身份证号码 of a stored value; a tampered value or another key throws. */
export function decryptIdNumber(auditKey: Buffer, stored: string): string {
  const [version, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown id number cipher');
  const decipher = createDecipheriv('aes-256-gcm', keysOf(auditKey).cipher, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * 盲索引: a keyed HMAC-SHA256 of the normalised number (its own derived key), so the same person is
 * found again (re-import updates; a duplicate in a project is refused) without storing the number.
 */
export function idNumberIndex(auditKey: Buffer, idNumber: string): string {
  return createHmac('sha256', keysOf(auditKey).index).update(idNumber).digest('hex');
}
