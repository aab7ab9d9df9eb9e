import { hash } from '@node-rs/argon2';
import { inArray } from 'drizzle-orm';
import type { Database } from '../db/database';
import { users } from '../db/schema';
import { demoAccounts, demoPassword } from '../demo/ningde';

/**
 * The test template's demo accounts get their (unchanged) password hashed with argon2id at its
 * least cost: a run signs in a couple of thousand times, and at the product's parameters (19 MiB,
 * t=2; `modules/auth/passwords.ts`) each verification spends ≈20 ms of a core. Verification follows
 * the parameters a hash names, so the product's own hashing is what every account a test creates
 * still gets.
 */
export async function cheapenDemoPasswords(db: Database): Promise<void> {
  const cheap = await hash(demoPassword, { algorithm: 2, memoryCost: 64, timeCost: 1, parallelism: 1 });
  await db
    .update(users)
    .set({ passwordHash: cheap })
    .where(
      inArray(
        users.username,
        demoAccounts.map((a) => a.username),
      ),
    );
}
