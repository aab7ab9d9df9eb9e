import { type SizeBandKey, sizeBand, sizeBandKeys } from '@tuijin/domain';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * The domain's 投资规模 bands (`sizeBand`: min ≤ total < max) in SQL over a total-investment
 * column, so the project list's filter, the cockpit's filter and its grouping agree with `isInSizeBand`.
 */
export function inSizeBand(column: AnyColumn | SQL, key: SizeBandKey): SQL {
  const { min, max } = sizeBand(key);
  const terms: SQL[] = [];
  if (min !== null) terms.push(sql`${column} >= ${min}::numeric`);
  if (max !== null) terms.push(sql`${column} < ${max}::numeric`);
  return terms.length === 0 ? sql`true` : sql.join(terms, sql` and `);
}

/** The disjoint band key of a total-investment column (`sizeBandOf` in SQL). */
export function sizeBandKeySql(column: AnyColumn | SQL): SQL {
  return sql`case ${sql.join(
    sizeBandKeys.map((key) => sql`when ${inSizeBand(column, key)} then ${key}`),
    sql` `,
  )} end`;
}
