import { createCipheriv, createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * 商用密码 (GM/T) primitives through Node's OpenSSL: SM3 (GB/T 32905-2016, 256-bit hash) and SM4
 * (GB/T 32907-2016, 128-bit block cipher, here in CBC mode with PKCS#7 padding). OpenSSL has no
 * SM4-GCM, so authenticated encryption is SM4-CBC then HMAC-SM3 over IV and ciphertext
 * (encrypt-then-MAC), see {@link sm4CbcHmacSm3Seal}.
 */
export const smAlgorithms = { hash: 'sm3', cipher: 'sm4-cbc' } as const;

/** SM3 digest of the bytes. */
export const sm3 = (data: Buffer | string): Buffer => createHash(smAlgorithms.hash).update(data).digest();

/** HMAC-SM3 (RFC 2104 with SM3) of the bytes under the key. */
export const hmacSm3 = (key: Buffer, ...parts: Buffer[]): Buffer => {
  const mac = createHmac(smAlgorithms.hash, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
};

/** SM4-CBC with PKCS#7 padding; `key` and `iv` are 16 bytes. */
export function sm4CbcEncrypt(key: Buffer, iv: Buffer, plain: Buffer): Buffer {
  const cipher = createCipheriv(smAlgorithms.cipher, key, iv);
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}

export function sm4CbcDecrypt(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const decipher = createDecipheriv(smAlgorithms.cipher, key, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** One raw SM4 block encryption (ECB of one block, no padding): what GB/T 32907's example shows. */
export function sm4EncryptBlock(key: Buffer, block: Buffer): Buffer {
  const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

/**
 * Encrypt-then-MAC: SM4-CBC under `encKey` with the given IV, then HMAC-SM3 under `macKey` over
 * `context ‖ iv ‖ ciphertext` (the context — what the value is — keeps a value from being moved to
 * another field). Returns the ciphertext and the 32-byte tag.
 */
export function sm4CbcHmacSm3Seal(
  keys: { encKey: Buffer; macKey: Buffer },
  iv: Buffer,
  plain: Buffer,
  context: string,
): { data: Buffer; tag: Buffer } {
  const data = sm4CbcEncrypt(keys.encKey, iv, plain);
  return { data, tag: hmacSm3(keys.macKey, Buffer.from(context), iv, data) };
}

/** Checks the HMAC-SM3 tag first (in constant time) and only then decrypts; a bad tag throws. */
export function sm4CbcHmacSm3Open(
  keys: { encKey: Buffer; macKey: Buffer },
  iv: Buffer,
  data: Buffer,
  tag: Buffer,
  context: string,
): Buffer {
  const expected = hmacSm3(keys.macKey, Buffer.from(context), iv, data);
  if (tag.length !== expected.length || !timingSafeEqual(tag, expected)) {
    throw new Error('SM4 field value failed its HMAC-SM3 check (tampered, or another key)');
  }
  return sm4CbcDecrypt(keys.encKey, iv, data);
}
