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
