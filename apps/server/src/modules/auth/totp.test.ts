import { describe, expect, it } from 'vitest';
import { newTotpSecret, totpCodeAt, totpQrDataUrl, totpUri, verifyTotpCode } from './totp';

// RFC 6238 appendix B's SHA-1 secret, "12345678901234567890" in base32.
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP codes (RFC 6238)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('gives the RFC test vector at %i s', (seconds, code) => {
    expect(totpCodeAt(rfcSecret, at(seconds))).toBe(code);
    expect(verifyTotpCode(rfcSecret, code, at(seconds), null)).toBe(Math.floor(seconds / 30));
  });

  it('takes a code one 30-second step early or late, and refuses two steps away', () => {
    const now = at(1_800_000_000);
    const secret = newTotpSecret();
    expect(verifyTotpCode(secret, totpCodeAt(secret, at(1_800_000_000 - 30)), now, null)).not.toBeNull();
    expect(verifyTotpCode(secret, totpCodeAt(secret, at(1_800_000_000 + 30)), now, null)).not.toBeNull();
    expect(verifyTotpCode(secret, totpCodeAt(secret, at(1_800_000_000 - 61)), now, null)).toBeNull();
    expect(verifyTotpCode(secret, totpCodeAt(secret, at(1_800_000_000 + 61)), now, null)).toBeNull();
  });

  it('never takes a code of a step at or before the last one used (no replay inside the window)', () => {
    const now = at(1_800_000_000);
    const secret = newTotpSecret();
    const code = totpCodeAt(secret, now);
    const step = verifyTotpCode(secret, code, now, null);
    expect(step).toBe(60_000_000);
    expect(verifyTotpCode(secret, code, now, step)).toBeNull();
    expect(verifyTotpCode(secret, totpCodeAt(secret, at(1_800_000_000 - 30)), now, step)).toBeNull();
    expect(verifyTotpCode(secret, totpCodeAt(secret, at(1_800_000_000 + 30)), now, step)).toBe(step! + 1);
  });

  it('refuses what is not six digits', () => {
    const secret = newTotpSecret();
    expect(verifyTotpCode(secret, '12345', at(1_800_000_000), null)).toBeNull();
    expect(verifyTotpCode(secret, 'abcdef', at(1_800_000_000), null)).toBeNull();
  });

  it('draws the enrolment QR code here as an SVG data URL of the otpauth address', async () => {
    const uri = totpUri(rfcSecret, 'auditor');
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+:auditor\?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ/);
    const url = await totpQrDataUrl(uri);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString()).toContain('<svg');
  });
});
