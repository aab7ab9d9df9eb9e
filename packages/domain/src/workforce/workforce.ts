import type { Actor } from '../policies/actor';

/**
 * 省级行政区 (GB/T 2260 codes): the fixed list a worker's origin (籍贯/来源地) is chosen from.
 * Health watches name origins by these codes.
 */
export const provinces = [
  ['110000', '北京市'],
  ['120000', '天津市'],
  ['130000', '河北省'],
  ['140000', '山西省'],
  ['150000', '内蒙古自治区'],
  ['210000', '辽宁省'],
  ['220000', '吉林省'],
  ['230000', '黑龙江省'],
  ['310000', '上海市'],
  ['320000', '江苏省'],
  ['330000', '浙江省'],
  ['340000', '安徽省'],
  ['350000', '福建省'],
  ['360000', '江西省'],
  ['370000', '山东省'],
  ['410000', '河南省'],
  ['420000', '湖北省'],
  ['430000', '湖南省'],
  ['440000', '广东省'],
  ['450000', '广西壮族自治区'],
  ['460000', '海南省'],
  ['500000', '重庆市'],
  ['510000', '四川省'],
  ['520000', '贵州省'],
  ['530000', '云南省'],
  ['540000', '西藏自治区'],
  ['610000', '陕西省'],
  ['620000', '甘肃省'],
  ['630000', '青海省'],
  ['640000', '宁夏回族自治区'],
  ['650000', '新疆维吾尔自治区'],
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
] as const;
export type ProvinceCode = (typeof provinces)[number][0];
export const provinceCodes = provinces.map(([code]) => code) as unknown as readonly [
  ProvinceCode,
  ...ProvinceCode[],
];
export const provinceNames: Record<string, string> = Object.fromEntries(provinces);

const shortName = (name: string) =>
  name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');

/** A province typed in a sheet (福建省, 福建, 350000, 广西): its code, or null. */
export function provinceFromText(text: string | null | undefined): ProvinceCode | null {
  const value = (text ?? '').replace(/\s+/g, '');
  if (value === '') return null;
  for (const [code, name] of provinces)
    if (value === code || value === name || value === shortName(name)) return code;
  return null;
}

/** The province a region path lies in (`350000.350900.350902` → `350000`), or null. */
export function provinceOfRegionPath(regionPath: string): ProvinceCode | null {
  const first = regionPath.split('.')[0] ?? '';
  return (provinceCodes as readonly string[]).includes(first) ? (first as ProvinceCode) : null;
}

/** 施工单位的角色: 总承包, 专业分包, 劳务分包. */
export const contractorRoles = ['general', 'specialist', 'labour'] as const;
export type ContractorRole = (typeof contractorRoles)[number];
export const contractorRoleNames: Record<ContractorRole, string> = {
  general: '总承包',
  specialist: '专业分包',
  labour: '劳务分包',
};

/** 住宿安置 (宁德 practice): 企业就地安置, 乡村接纳, 政府协调. */
export const accommodationKinds = ['onSite', 'village', 'government'] as const;
export type AccommodationKind = (typeof accommodationKinds)[number];
export const accommodationNames: Record<AccommodationKind, string> = {
  onSite: '企业就地安置',
  village: '乡村接纳',
  government: '政府协调',
};

/** A value read from its code or its Chinese name (sheets carry the names). */
export function codeFromName<T extends string>(names: Record<T, string>, text: string | null): T | null {
  const value = (text ?? '').replace(/\s+/g, '');
  if (value === '') return null;
  for (const [code, name] of Object.entries(names) as [T, string][])
    if (value === code || value === name) return code;
  return null;
}

/**
 * PIPL (个人信息保护法) — only what the work needs: the whole 身份证号码 is seen by the project's
 * owner unit (role `owner`, its own project), which keeps the roster for wages (实名制工资代发);
 * every other reader (offices, departments, leaders, service officers, supervisors, admins,
 * auditors) sees the masked value only.
 */
export function seesWorkerIdNumbers(actor: Actor, project: { ownerOrganisationId: string }): boolean {
  return actor.roles.includes('owner') && actor.organisationId === project.ownerOrganisationId;
}

/** Whether a worker is on site on a date: arrived on or before it, not departed by it. */
export function isOnSite(worker: { arrivedOn: string; departedOn: string | null }, onDate: string): boolean {
  return worker.arrivedOn <= onDate && (worker.departedOn === null || worker.departedOn > onDate);
}
