import type { ConstructionType, ProjectLevel } from '../projects/project-rules';
import type { ProjectStage } from '../projects/stages';

/** The level of an office's own list, from the level of its region (a zone keeps a county list). */
export function officeListLevel(regionLevel: 'province' | 'city' | 'county' | 'zone'): ProjectLevel {
  if (regionLevel === 'province') return 'provincial';
  return regionLevel === 'city' ? 'city' : 'county';
}

/**
 * The levels an imported row puts a project on: every row of an office's ledger is on that office's
 * own list; a ★/■ marker adds 省重点 (县管市级 style double listing). On update the ledger only ever
 * adds levels — `existing` levels are kept — so re-importing changes nothing.
 */
export function ledgerLevels(
  isProvincial: boolean,
  officeLevel: ProjectLevel,
  existing: readonly ProjectLevel[] = [],
): ProjectLevel[] {
  const wanted = new Set<ProjectLevel>([
    ...existing,
    officeLevel,
    ...(isProvincial ? ['provincial' as const] : []),
  ]);
  return (['provincial', 'city', 'county'] as const).filter((level) => wanted.has(level));
}

/** The domain an unclassified row (no category row or column) is filed under. */
export const uncategorisedDomain = '其他';

/**
 * Maps a ledger category (`产业项目`, `基础设施项目`) to a domain dictionary name: the exact name;
 * else the name without a trailing 项目/类 (`基础设施项目` → 基础设施); else the one dictionary name
 * that contains that stem or is contained in it (`产业` → 现代产业) when exactly one does. Answers
 * `{ name, isNew }`: a category nothing matches becomes a new dictionary entry named by its stem.
 */
export function matchDomainName(
  category: string | null,
  dictionary: readonly string[],
): { name: string; isNew: boolean } {
  const text = category?.trim() || uncategorisedDomain;
  if (dictionary.includes(text)) return { name: text, isNew: false };
  const stem = text.replace(/(项目|类)$/u, '') || text;
  if (dictionary.includes(stem)) return { name: stem, isNew: false };
  const near = dictionary.filter((name) => name.includes(stem) || stem.includes(name));
  if (near.length === 1) return { name: near[0]!, isNew: false };
  return { name: stem.slice(0, 30), isNew: true };
}

/**
 * The region a merged workbook's sheet stands for: the region whose name (or its name without the
 * trailing 区/县/市, at least two characters) appears in the sheet name; the longest match wins, and
 * two different regions matching equally well is no match (null).
 */
export function regionFromSheetName<R extends { code: string; name: string }>(
  sheetName: string,
  regions: readonly R[],
): R | null {
  let best: { region: R; length: number } | null = null;
  let tie = false;
  for (const region of regions) {
    const short = region.name.replace(/(自治县|新区|区|县|市)$/u, '');
    const found = sheetName.includes(region.name)
      ? region.name.length
      : short.length >= 2 && sheetName.includes(short)
        ? short.length
        : 0;
    if (found === 0) continue;
    if (!best || found > best.length) {
      best = { region, length: found };
      tie = false;
    } else if (found === best.length && best.region.code !== region.code) tie = true;
  }
  return best && !tie ? best.region : null;
}

/**
 * Stage and new/continuing of a project first entered from a ledger, from its start year: starting
 * after this year → 前期 and 新建; this year → 新开工 and 新建; earlier → 在建 and 续建. Later stage
 * changes go through the stage workflow; an update from a ledger never touches the stage.
 */
export function importedStage(
  startYear: number,
  currentYear: number,
): { stage: ProjectStage; constructionType: ConstructionType } {
  if (startYear > currentYear) return { stage: 'preparing', constructionType: 'new' };
  if (startYear === currentYear) return { stage: 'started', constructionType: 'new' };
  return { stage: 'underway', constructionType: 'continuing' };
}

/** The year a ledger title names (`2026年宁德市重点项目建设计划表` → 2026), else null. */
export function yearFromTitle(title: string | null | undefined): number | null {
  const found = title?.match(/((?:19|20)\d{2})\s*年/);
  return found ? Number(found[1]) : null;
}

/**
 * The year whose annual plans a ledger's 年度计划投资 figures go into: the year given explicitly
 * (CLI `--year`, the form's year, the API's `year`), else the first year a title names (the
 * sheet's own title first), else the current year.
 */
export function ledgerPlanYear(
  explicit: number | null | undefined,
  titles: readonly (string | null | undefined)[],
  currentYear: number,
): number {
  if (explicit !== null && explicit !== undefined) return explicit;
  for (const title of titles) {
    const year = yearFromTitle(title);
    if (year !== null) return year;
  }
  return currentYear;
}
