/**
 * 投资项目统一代码: `YYYY-RRRRRR-DD-TT-NNNNNN` — the year it was assigned, the six-digit GB/T 2260
 * code of the approving region, the two-digit industry (国民经济行业 major group), the two-digit
 * project type, and a six-digit serial number, e.g. `2020-350902-47-01-012345`.
 */
export const projectCodePattern = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;

export interface ParsedProjectCode {
  year: number;
  regionCode: string;
  industry: string;
  type: string;
  serial: string;
}

/** Splits a code into its parts, or returns null when its shape is wrong. */
export function parseProjectCode(code: string): ParsedProjectCode | null {
  const match = projectCodePattern.exec(code);
  if (!match) return null;
  const [, year, regionCode, industry, type, serial] = match;
  return { year: Number(year), regionCode: regionCode!, industry: industry!, type: type!, serial: serial! };
}

/**
 * Problems with a project code, as messages: wrong shape, an implausible year, or a region part
 * that is not a known region code (`knownRegion` answers from the region table).
 */
export function projectCodeProblems(
  code: string,
  knownRegion: (code: string) => boolean,
  currentYear: number,
): string[] {
  const parsed = parseProjectCode(code);
  if (!parsed)
    return ['项目代码格式应为“年份-6位区划代码-2位行业-2位类型-6位流水号”，如 2020-350902-47-01-012345'];
  const problems: string[] = [];
  if (parsed.year < 2014 || parsed.year > currentYear + 1)
    problems.push(`项目代码中的年份 ${parsed.year} 不合理`);
  if (!knownRegion(parsed.regionCode))
    problems.push(`项目代码中的区划代码 ${parsed.regionCode} 不是已知的行政区划代码`);
  if (parsed.industry === '00') problems.push('项目代码中的行业代码不能为 00');
  return problems;
}
