/**
 * Region levels: GB/T 2260 province, city (prefecture) and county/district, plus non-standard units
 * (development zones 开发区, industrial parks) that sit beside counties under a city or county.
 */
export const regionLevels = ['province', 'city', 'county', 'zone'] as const;
export type RegionLevel = (typeof regionLevels)[number];

/** A GB/T 2260 code: six digits. */
export const gbCodePattern = /^\d{6}$/;
/** A non-standard unit: its parent's GB/T 2260 code, a dash and a short upper-case tag (`350900-DQ`). */
export const zoneCodePattern = /^\d{6}-[A-Z0-9]{1,8}$/;

/**
 * The level a GB/T 2260 code names by its shape: `XX0000` province, `XXXX00` city, else county.
 * Municipal districts of direct-controlled cities follow the same shape.
 */
export function levelOfGbCode(code: string): Exclude<RegionLevel, 'zone'> | null {
  if (!gbCodePattern.test(code) || code.startsWith('00')) return null;
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/**
 * Problems with a region code under its parent, as messages; empty when valid. A county's code
 * must start with its city's four digits and a city's with its province's two; a zone's code
 * starts with its parent's code.
 */
export function regionCodeProblems(
  code: string,
  level: RegionLevel,
  parent: { code: string; level: RegionLevel } | null,
): string[] {
  if (level === 'zone') {
    if (!zoneCodePattern.test(code))
      return ['开发区等非标准单位代码格式应为“上级代码-字母数字”，如 350900-DQ'];
    if (!parent) return ['开发区等非标准单位必须有上级区划'];
    if (!code.startsWith(`${parent.code.slice(0, 6)}-`)) return [`代码应以上级区划代码 ${parent.code} 开头`];
    return [];
  }
  const shape = levelOfGbCode(code);
  if (!shape) return ['行政区划代码应为 6 位数字（GB/T 2260）'];
  if (shape !== level) return [`代码 ${code} 的形式与层级“${regionLevelNames[level]}”不符`];
  if (level === 'province') return parent ? ['省级区划不能有上级'] : [];
  if (!parent) return ['市、县级区划必须有上级区划'];
  const expectedPrefix = level === 'city' ? parent.code.slice(0, 2) : parent.code.slice(0, 4);
  if (parent.level === 'zone') return ['区划不能挂在开发区之下'];
  if (!code.startsWith(expectedPrefix)) return [`代码应以上级区划代码前缀 ${expectedPrefix} 开头`];
  return [];
}

export const regionLevelNames: Record<RegionLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  zone: '开发区/园区',
};

/** The materialised path of a node: its parent's path, a dot, its own code. */
export const childPath = (parentPath: string | null, code: string) =>
  parentPath ? `${parentPath}.${code}` : code;
