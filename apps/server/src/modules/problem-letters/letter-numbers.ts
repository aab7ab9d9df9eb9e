import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { problemLetterSequences } from '../../db/schema';

/**
 * The next number of the issuing jurisdiction's letters of a kind in a year (in the caller's
 * transaction): one 提醒函 series and one 督办单 series per office and year, shared by the letters on
 * problems and on lagging projects.
 */
export async function nextLetterNumber(
  tx: Queryable,
  regionCode: string,
  kind: 'reminder' | 'supervision',
  year: number,
): Promise<number> {
  const [row] = await tx
    .insert(problemLetterSequences)
    .values({ regionCode, kind, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [problemLetterSequences.regionCode, problemLetterSequences.kind, problemLetterSequences.year],
      set: { lastNumber: sql`${problemLetterSequences.lastNumber} + 1` },
    })
    .returning({ lastNumber: problemLetterSequences.lastNumber });
  return row!.lastNumber;
}
