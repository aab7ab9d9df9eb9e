import { hash, verify } from '@node-rs/argon2';

/** argon2id parameters (OWASP's 19 MiB, t=2 profile); they are stored in each PHC hash string. */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id; the result names its algorithm and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash. With no stored hash (unknown user) it still spends one
 * verification on a dummy hash, so a wrong username and a wrong password take similar time.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored?.startsWith('$argon2')) {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }
  dummyHash ??= hashPassword('tuijin-timing-equaliser');
  await verify(await dummyHash, password).catch(() => false);
  return false;
}
