/**
 * 分区推进: a jurisdiction groups its child regions into named zones, each with a goal and its own
 * target date (Ningde: 加速推进区 屏南/寿宁/柘荣 全面复工 by the end of February; 重点推进区 five
 * counties by early March; 提速推进区 古田/周宁 by mid March). Rules ({@link zoneProblems}): at least
 * one member; every member a direct child of the jurisdiction; no member twice; a region in at most
 * one zone per goal; zone names unique in the jurisdiction.
 */
export const defaultZoneGoal = '全面复工';

export interface ZoneDraft {
  name: string;
  goal: string;
  regionCodes: readonly string[];
}

/** Problems with a zone, as VALIDATION_FAILED details (empty when fine). */
export function zoneProblems(
  draft: ZoneDraft,
  childCodes: ReadonlySet<string>,
  others: readonly (ZoneDraft & { id: string })[],
  regionNames: ReadonlyMap<string, string>,
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const name = (code: string) => regionNames.get(code) ?? code;
  if (draft.regionCodes.length === 0) out.push({ path: 'regionCodes', message: '至少选择一个区划' });
  const seen = new Set<string>();
  draft.regionCodes.forEach((code, i) => {
    if (!childCodes.has(code))
      out.push({ path: `regionCodes.${i}`, message: `${name(code)}不是本级的下级区划` });
    if (seen.has(code)) out.push({ path: `regionCodes.${i}`, message: `${name(code)}重复` });
    seen.add(code);
    const clash = others.find((z) => z.goal === draft.goal && z.regionCodes.includes(code));
    if (clash)
      out.push({
        path: `regionCodes.${i}`,
        message: `${name(code)}已在「${clash.name}」中（同一目标下一个区划只能属于一个分区）`,
      });
  });
  if (others.some((z) => z.name === draft.name))
    out.push({ path: 'name', message: `已有名为「${draft.name}」的分区` });
  return out;
}
