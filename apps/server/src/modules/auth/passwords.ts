import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHashAlgorithm } from '@tuijin/domain';

/** argon2id parameters (OWASP's 19 MiB, t=2 profile); they are stored in each PHC hash string. */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * PBKDF2-HMAC-SM3 parameters for new hashes (GB/T 32905 SM3 inside RFC 8018 PBKDF2): 16 random salt
 * bytes, 32 output bytes, an iteration count in the range OWASP gives for PBKDF2-HMAC-SHA256-class
 * functions. A stored hash carries its own count, so raising this re-hashes at the next login.
 */
export const pbkdf2Sm3Parameters = { iterations: 210_000, saltBytes: 16, keyBytes: 32 } as const;

const pbkdf2Async = promisify(pbkdf2);
const pbkdf2Prefix = '$pbkdf2-sm3$';

/** `$pbkdf2-sm3$i=<iterations>$<salt base64>$<key base64>`: names the algorithm and its parameters. */
const pbkdf2Pattern = /^\$pbkdf2-sm3\$i=(\d{1,7})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

async function hashPbkdf2Sm3(password: string): Promise<string> {
  const { iterations, saltBytes, keyBytes } = pbkdf2Sm3Parameters;
  const salt = randomBytes(saltBytes);
  const key = await pbkdf2Async(password.normalize('NFC'), salt, iterations, keyBytes, 'sm3');
  return `${pbkdf2Prefix}i=${iterations}$${salt.toString('base64')}$${key.toString('base64')}`;
}

async function verifyPbkdf2Sm3(stored: string, password: string): Promise<boolean> {
  const match = pbkdf2Pattern.exec(stored);
  if (!match) return false;
  const iterations = Number(match[1]);
  const salt = Buffer.from(match[2]!, 'base64');
  const expected = Buffer.from(match[3]!, 'base64');
  if (iterations < 1 || expected.length < 16) return false;
  const key = await pbkdf2Async(password.normalize('NFC'), salt, iterations, expected.length, 'sm3');
  return timingSafeEqual(key, expected);
}

/**
 * Hashes a password with the given algorithm (argon2id unless the security policy chose
 * PBKDF2-HMAC-SM3); the result is a self-describing string that names its algorithm and parameters.
 */
export function hashPassword(
  password: string,
  algorithm: PasswordHashAlgorithm = 'argon2id',
): Promise<string> {
  return algorithm === 'pbkdf2-sm3' ? hashPbkdf2Sm3(password) : hash(password, options);
}

/** The algorithm a stored hash names, or null for a string no verifier knows. */
export function passwordHashAlgorithmOf(stored: string): PasswordHashAlgorithm | null {
  if (stored.startsWith('$argon2id$')) return 'argon2id';
  if (stored.startsWith(pbkdf2Prefix)) return 'pbkdf2-sm3';
  return null;
}

/**
 * Whether a stored hash should be replaced at the next successful login: it was made by another
 * algorithm than the policy's, or by PBKDF2-HMAC-SM3 with fewer iterations than today's.
 */
export function passwordHashNeedsUpgrade(stored: string, algorithm: PasswordHashAlgorithm): boolean {
  if (passwordHashAlgorithmOf(stored) !== algorithm) return true;
  if (algorithm !== 'pbkdf2-sm3') return false;
  return Number(pbkdf2Pattern.exec(stored)?.[1] ?? 0) < pbkdf2Sm3Parameters.iterations;
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash, by the algorithm the hash names. With no stored hash
 * (unknown user) it still spends one verification on a dummy hash, so a wrong username and a wrong
 * password take similar time.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored?.startsWith('$argon2')) {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }
  if (stored?.startsWith(pbkdf2Prefix)) return verifyPbkdf2Sm3(stored, password);
  dummyHash ??= hashPassword('tuijin-timing-equaliser');
  await verify(await dummyHash, password).catch(() => false);
  return false;
}
