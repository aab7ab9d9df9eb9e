import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';

/** The name an authenticator app shows above the code. */
export const totpIssuer = '推进 Tuijin';

/** Seconds either side of now a code is still taken: one 30-second step, for a phone's clock drift. */
const toleranceSeconds = 30;

/** A new random TOTP secret: 160 bits, base32 (what authenticator apps take typed in). */
export const newTotpSecret = (): string => generateSecret({ length: 20 });

/**
 * Checks a six-digit TOTP code (RFC 6238: SHA-1, 30-second steps) at `now`, one step either side.
 * A code of a step at or before `afterTimeStep` (the last one accepted) is refused, so a code is
 * never taken twice, even inside its window. Answers the accepted code's time step, or null.
 */
export function verifyTotpCode(
  secret: string,
  code: string,
  now: Date,
  afterTimeStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: toleranceSeconds,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The code an authenticator shows at `now` (tests and the demo compute codes from the secret with it). */
export const totpCodeAt = (secret: string, now: Date): string =>
  generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });

/** The `otpauth://` address the enrolment QR code carries. */
export const totpUri = (secret: string, username: string): string =>
  generateURI({ issuer: totpIssuer, label: username, secret });

/** The enrolment QR code as an SVG data URL, drawn here (nothing is fetched from anywhere). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
