/** How the pages show figures the API sends as plain decimals, for tests to look for them. */

/** The popovers group exact figures by thousands ("2802430.553" → "2,802,430.553"); the API does not. */
export function grouped(figure: string): string {
  const [whole = '', fraction] = figure.split('.');
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

/** The headline cards show whole 万元: "2802430.553" → "2,802,431". */
export function wholeWanYuan(figure: string): string {
  return Number(figure).toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/** City and province cards show 亿元 to two places, rounded half up: "396300" → "39.63", "1234567.5" → "123.46". */
export function yiYuan(figure: string): string {
  const [whole = '0', fraction = ''] = figure.replace('-', '').split('.');
  const units = BigInt(`${whole}${fraction.padEnd(4, '0').slice(0, 4)}`); // 10^-4 万元
  const hundredths = (units + 500_000n) / 1_000_000n; // 1 亿元 = 10^4 万元 = 10^8 units; 0.01 亿元 = 10^6
  const text = hundredths.toString().padStart(3, '0');
  return grouped(`${text.slice(0, -2)}.${text.slice(-2)}`);
}
