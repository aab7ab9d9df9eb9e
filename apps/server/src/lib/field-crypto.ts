import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const keys = new WeakMap<Buffer, Map<string, Buffer>>();

/** A 256-bit key derived by HKDF-SHA256 from the installation's audit key for one purpose (`info`), never the key itself. */
function keyOf(auditKey: Buffer, info: string): Buffer {
  let derived = keys.get(auditKey);
  if (!derived) {
    derived = new Map();
    keys.set(auditKey, derived);
  }
  let key = derived.get(info);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', auditKey, Buffer.alloc(0), info, 32));
    derived.set(info, key);
  }
  return key;
}

/**
 * Encrypts a sensitive field at rest: AES-256-GCM under the key HKDF derives from the audit key for
 * the field's purpose `info`, a random 96-bit IV per value, stored `v1:iv:tag:data` (base64).
 */
export function encryptField(auditKey: Buffer, info: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(auditKey, info), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(
    ':',
  );
}

/** The plain text of a value {@link encryptField} stored for `info`; a tampered value, another key or purpose throws. */
export function decryptField(auditKey: Buffer, info: string, stored: string): string {
  const [version, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error(`unknown cipher for ${info}`);
  const decipher = createDecipheriv('aes-256-gcm', keyOf(auditKey, info), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * 盲索引: a keyed HMAC-SHA256 of a value under its own derived key (`info`), so equal values are found
 * again without storing them.
 */
export function fieldIndex(auditKey: Buffer, info: string, value: string): string {
  return createHmac('sha256', keyOf(auditKey, info)).update(value).digest('hex');
}
