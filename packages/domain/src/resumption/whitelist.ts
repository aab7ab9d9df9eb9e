/**
 * 白名单 (四保白名单): a jurisdiction's list of projects whose labour, logistics, materials and funds
 * are guaranteed so they keep building (Luohe's 125 projects). A project is included at a level
 * (省级 / 市级 / 县级) on a date, for criteria from a fixed list, with a reason and what is guaranteed;
 * it is removed on a date with a reason. Rules ({@link whitelistProblems}): at least one criterion;
 * the inclusion date not in the future; a project on one level's list once at a time; removal not
 * before inclusion, not in the future, with a reason, and only once.
 */
export const whitelistLevels = ['provincial', 'city', 'county'] as const;
export type WhitelistLevel = (typeof whitelistLevels)[number];
export const whitelistLevelNames: Record<WhitelistLevel, string> = {
  provincial: '省级',
  city: '市级',
  county: '县级',
};

/** The criteria a project may be whitelisted for (四保: 保重点、保民生、保产业链供应链、保外贸…). */
export const whitelistCriteria = [
  'keyProject',
  'livelihood',
  'supplyChain',
  'foreignTrade',
  'epidemicSupplies',
  'infrastructure',
] as const;
export type WhitelistCriterion = (typeof whitelistCriteria)[number];
export const whitelistCriterionNames: Record<WhitelistCriterion, string> = {
  keyProject: '省市重点项目',
  livelihood: '保障民生',
  supplyChain: '产业链供应链关键环节',
  foreignTrade: '外贸出口',
  epidemicSupplies: '防疫物资生产',
  infrastructure: '重大基础设施',
};

/** What inclusion guarantees. */
export const whitelistGuarantees = ['labour', 'logistics', 'materials', 'funds', 'energy'] as const;
export type WhitelistGuarantee = (typeof whitelistGuarantees)[number];
export const whitelistGuaranteeNames: Record<WhitelistGuarantee, string> = {
  labour: '用工',
  logistics: '物流',
  materials: '原材料',
  funds: '资金',
  energy: '能源',
};

/** Problems with an inclusion, as VALIDATION_FAILED details (empty when fine). */
export function whitelistInclusionProblems(
  input: { includedOn: string; criteria: readonly string[] },
  today: string,
  alreadyListedAtLevel: boolean,
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (input.criteria.length === 0) out.push({ path: 'criteria', message: '至少选择一项入选条件' });
  if (input.includedOn > today) out.push({ path: 'includedOn', message: '纳入日期不能晚于今天' });
  if (alreadyListedAtLevel) out.push({ path: 'projectId', message: '项目已在本级白名单中' });
  return out;
}

/** Problems with a removal, as VALIDATION_FAILED details (empty when fine). */
export function whitelistRemovalProblems(
  entry: { includedOn: string; removedOn: string | null },
  input: { removedOn: string; reason: string },
  today: string,
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (entry.removedOn) out.push({ path: 'removedOn', message: `已于 ${entry.removedOn} 移出白名单` });
  if (input.removedOn > today) out.push({ path: 'removedOn', message: '移出日期不能晚于今天' });
  if (input.removedOn < entry.includedOn)
    out.push({ path: 'removedOn', message: `不能早于纳入日期 ${entry.includedOn}` });
  if (!input.reason.trim()) out.push({ path: 'reason', message: '请填写移出原因' });
  return out;
}

/** Whether an entry is on the list on `date`: included by then and not yet removed. */
export const onWhitelistOn = (entry: { includedOn: string; removedOn: string | null }, date: string) =>
  entry.includedOn <= date && (!entry.removedOn || entry.removedOn > date);
