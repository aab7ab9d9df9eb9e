import { and, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { fundAllocations, fundPayments, projects } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';

/**
 * Funds paid per project of a region's subtree between two dates (inclusive), all kinds together,
 * live payments of live allocations only: the third figure of the reconciliation (三数比对).
 */
export async function fundsPaidByProject(
  db: Queryable,
  input: { regionPath: string; from: string; to: string },
): Promise<Map<string, string>> {
  const rows = await db
    .select({
      projectId: fundAllocations.projectId,
      paid: sql<string>`sum(${fundPayments.amountWanYuan})::text`,
    })
    .from(fundPayments)
    .innerJoin(fundAllocations, sql`${fundAllocations.id} = ${fundPayments.allocationId}`)
    .innerJoin(projects, sql`${projects.id} = ${fundAllocations.projectId}`)
    .where(
      and(
        isNull(fundPayments.deletedAt),
        isNull(fundAllocations.deletedAt),
        gte(fundPayments.paidOn, input.from),
        lte(fundPayments.paidOn, input.to),
        inRegionSubtree(projects.regionPath, input.regionPath),
      ),
    )
    .groupBy(fundAllocations.projectId);
  return new Map(rows.map((r) => [r.projectId, r.paid]));
}
