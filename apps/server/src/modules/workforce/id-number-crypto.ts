import { decryptField, encryptField, fieldIndex } from '../../lib/field-crypto';

const cipherInfo = 'tuijin/worker-id-number';
const indexInfo = 'tuijin/worker-id-number-index';

/**
 * Encrypts a normalised 身份证号码: AES-256-GCM under the key HKDF derives from the audit key (info
 * `tuijin/worker-id-number`), a random 96-bit IV per value, stored `v1:iv:tag:data` (base64).
 */
export const encryptIdNumber = (auditKey: Buffer, idNumber: string): string =>
  encryptField(auditKey, cipherInfo, idNumber);

/** The 身份证号码 of a stored value; a tampered value or another key throws. */
export const decryptIdNumber = (auditKey: Buffer, stored: string): string =>
  decryptField(auditKey, cipherInfo, stored);

/**
 * 盲索引: a keyed HMAC-SHA256 of the normalised number (its own derived key), so the same person is
 * found again (re-import updates; a duplicate in a project is refused) without storing the number.
 */
export const idNumberIndex = (auditKey: Buffer, idNumber: string): string =>
  fieldIndex(auditKey, indexInfo, idNumber);
