import { defaultSecurityPolicy, SecurityPolicy } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { settings } from '../../db/schema';

export const securityPolicyKey = 'security_policy';

/** The security policy in force and its version; defaults until the security admin saves one. */
export async function getSecurityPolicy(db: Queryable): Promise<SecurityPolicy & { version: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, securityPolicyKey));
  if (!row) return { ...defaultSecurityPolicy, version: 0 };
  const parsed = SecurityPolicy.safeParse({ ...defaultSecurityPolicy, ...(row.value as object) });
  return { ...(parsed.success ? parsed.data : defaultSecurityPolicy), version: row.version };
}
