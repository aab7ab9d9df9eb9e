import { getCiphers, getHashes, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hmacSm3,
  sm3,
  sm4CbcDecrypt,
  sm4CbcEncrypt,
  sm4CbcHmacSm3Open,
  sm4CbcHmacSm3Seal,
  sm4EncryptBlock,
} from './sm-crypto';

const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');

describe('commercial cryptography known answers', () => {
  it('has SM3 and SM4-CBC in this Node build', () => {
    expect(getHashes()).toContain('sm3');
    expect(getCiphers()).toContain('sm4-cbc');
  });

  it('SM3 of "abc" (GB/T 32905-2016, example 1)', () => {
    expect(sm3('abc').toString('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('SM3 of the 64-byte "abcd" × 16 message (GB/T 32905-2016, example 2)', () => {
    expect(sm3('abcd'.repeat(16)).toString('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('SM4 encrypts the example block (GB/T 32907-2016, appendix A.1) and CBC decrypts back', () => {
    const key = hex('0123456789abcdef fedcba9876543210');
    expect(sm4EncryptBlock(key, key).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    const iv = Buffer.alloc(16);
    const data = sm4CbcEncrypt(key, iv, key);
    // CBC with a zero IV: the first block is the plain ECB block; PKCS#7 adds one padding block.
    expect(data.subarray(0, 16).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    expect(sm4CbcDecrypt(key, iv, data)).toEqual(key);
  });

  it('HMAC-SM3 differs by key and is 32 bytes', () => {
    const a = hmacSm3(Buffer.from('k1'), Buffer.from('abc'));
    expect(a).toHaveLength(32);
    expect(a).not.toEqual(hmacSm3(Buffer.from('k2'), Buffer.from('abc')));
  });
});

describe('SM4-CBC + HMAC-SM3 (encrypt-then-MAC)', () => {
  const keys = { encKey: randomBytes(16), macKey: randomBytes(32) };
  const iv = randomBytes(16);
  const sealed = sm4CbcHmacSm3Seal(keys, iv, Buffer.from('110101199003074514'), 'worker.idNumber');

  it('opens what it sealed', () => {
    expect(sm4CbcHmacSm3Open(keys, iv, sealed.data, sealed.tag, 'worker.idNumber').toString()).toBe(
      '110101199003074514',
    );
  });

  it('refuses a flipped ciphertext bit, a flipped IV bit, another field and another key', () => {
    const flipped = Buffer.from(sealed.data);
    flipped[0]! ^= 1;
    expect(() => sm4CbcHmacSm3Open(keys, iv, flipped, sealed.tag, 'worker.idNumber')).toThrow(/HMAC-SM3/);
    const otherIv = Buffer.from(iv);
    otherIv[3]! ^= 0x80;
    expect(() => sm4CbcHmacSm3Open(keys, otherIv, sealed.data, sealed.tag, 'worker.idNumber')).toThrow();
    expect(() => sm4CbcHmacSm3Open(keys, iv, sealed.data, sealed.tag, 'worker.phone')).toThrow();
    const other = { encKey: keys.encKey, macKey: randomBytes(32) };
    expect(() => sm4CbcHmacSm3Open(other, iv, sealed.data, sealed.tag, 'worker.idNumber')).toThrow();
  });
});
