import type { ConstructionType, ProjectLevel } from '../projects/project-rules';
import type { ProjectStage } from '../projects/stages';

/** The level of an office's own list, from the level of its region (a zone keeps a county list). */
export function officeListLevel(regionLevel: 'province' | 'city' | 'county' | 'zone'): ProjectLevel {
  if (regionLevel === 'province') return 'provincial';
  return regionLevel === 'city' ? 'city' : 'county';
}

/**
 * The levels an imported row puts a project on. A NEW project goes on the importing office's own
 * list, plus 省重点 for a ★/■ marker. An EXISTING project (`existing` given) keeps its levels and
 * only gains 省重点 from a marker: a county's ledger lists every project in the county, city-level
 * ones included, so listing a project is no reason to add the office's level — the library decides
 * that, and re-importing an exported ledger changes nothing.
 */
export function ledgerLevels(
  isProvincial: boolean,
  officeLevel: ProjectLevel,
  existing?: readonly ProjectLevel[],
): ProjectLevel[] {
  const wanted = new Set<ProjectLevel>([
    ...(existing && existing.length > 0 ? existing : [officeLevel]),
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
 * Stage and new/continuing of a project first entered from a ledger, from its start year. A ledger
 * row carries no actual start date, so a project starting this year or later is 前期 (planned to
 * start, its planned start being the ledger's start year and month) and 新建; one that started
 * in an earlier year is 在建 and 续建. A construction-type heading of the ledger (`一、新建项目`,
 * `二、续建项目`) overrides new/continuing. Later stage changes go through the stage workflow (an
 * approved report's actual start date makes it 新开工); an update from a ledger never touches the stage.
 */
export function importedStage(
  startYear: number,
  currentYear: number,
  stated: ConstructionType | null = null,
): { stage: ProjectStage; constructionType: ConstructionType } {
  if (startYear >= currentYear) return { stage: 'preparing', constructionType: stated ?? 'new' };
  return { stage: 'underway', constructionType: stated ?? 'continuing' };
}

const newHeading = /^(?:计划|拟)?(?:新建|新开工|新开)$/u;
const continuingHeading = /^(?:续建|在建|续建及在建)$/u;

/**
 * The construction type a ledger heading states: `新建项目`, `新开工项目`, `计划新开工项目` → new;
 * `续建项目`, `在建项目` → continuing; anything else (a domain such as `产业项目`) → null. Such
 * headings group rows by 新建/续建, never by domain.
 */
export function constructionTypeOfHeading(heading: string | null): ConstructionType | null {
  const stem = heading?.replace(/\s+/g, '').replace(/(项目|类)$/u, '') ?? '';
  if (newHeading.test(stem)) return 'new';
  if (continuingHeading.test(stem)) return 'continuing';
  return null;
}

/**
 * The regions a 建设地点 cell names when it holds nothing but a region's name: its own name
 * (`蕉城区`, `东侨经济开发区`) or its name after its ancestors' (`宁德市蕉城区`, `福建省宁德市蕉城区`).
 * Ledgers, ours included, print the region there; such a cell says where the project is, not its
 * address. Empty when the cell is an address (`蕉城区漳湾镇`) or blank.
 */
export function regionsNamedBy<R extends { code: string; name: string; path: string }>(
  location: string | null,
  regions: readonly R[],
): R[] {
  const text = location?.replace(/\s+/g, '') ?? '';
  if (text === '') return [];
  const names = new Map(regions.map((r) => [r.code, r.name]));
  return regions.filter((region) => {
    if (!text.endsWith(region.name)) return false;
    const ancestors = region.path.split('.').slice(0, -1);
    let name = region.name;
    if (name === text) return true;
    for (const code of ancestors.reverse()) {
      name = `${names.get(code) ?? ''}${name}`;
      if (name === text) return true;
    }
    return false;
  });
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
