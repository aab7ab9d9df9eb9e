import type { BulletinSnapshot, ScreenBulletin } from '@tuijin/contracts';
import { isPublicBulletinSection } from '@tuijin/domain';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { bulletins } from '../../db/schema';

const rankLines = (lines: { rank: number; name: string }[]) =>
  lines.map((l) => ({ rank: l.rank, name: l.name }));

/**
 * 通报晾晒: the latest issued bulletin of the region whose office chose sections for the public
 * screen, carrying only those of the aggregate sections (headline figures, region ranking, 红黑榜);
 * null when none is published. Project-level sections never leave here, even if stored.
 */
export async function publicBulletin(db: Queryable, regionCode: string): Promise<ScreenBulletin | null> {
  const [row] = await db
    .select()
    .from(bulletins)
    .where(
      and(
        eq(bulletins.regionCode, regionCode),
        eq(bulletins.status, 'issued'),
        isNotNull(bulletins.publicSections),
      ),
    )
    .orderBy(desc(bulletins.issuedAt), desc(bulletins.periodEnd))
    .limit(1);
  if (!row) return null;
  const snapshot = row.snapshot as BulletinSnapshot;
  const sections = ((row.publicSections as string[] | null) ?? []).filter(isPublicBulletinSection);
  const chosen = new Set(sections);
  const screen: ScreenBulletin = {
    title: row.title,
    serial: row.serial,
    issuedOn: row.issuedOn,
    sections,
  };
  if (chosen.has('headline'))
    screen.headline = snapshot.headline.map((f) => ({
      label: f.label,
      value: f.value,
      unit: f.unit,
      yearOnYear: f.yearOnYear,
    }));
  if (chosen.has('regions'))
    screen.regions = snapshot.regions.map((r) => ({
      name: r.name,
      completionRate: r.completionRate,
      progressGap: r.progressGap,
      rank: r.rank,
    }));
  if (chosen.has('redBlack'))
    screen.redBlack = snapshot.redBlack && {
      quarter: snapshot.redBlack.quarter,
      red: rankLines(snapshot.redBlack.red),
      black: rankLines(snapshot.redBlack.black),
    };
  return screen;
}
