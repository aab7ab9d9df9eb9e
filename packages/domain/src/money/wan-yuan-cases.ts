/**
 * How amounts may be typed, one table for every reader of a typed amount: the domain's
 * `parseWanYuan`, the ledger's cell reader (`parseAmount` in 万元), the contracts' `WanYuan` and the
 * web report form's running sums. Each test runs these rows and requires the same answer: the
 * normalised decimal string, or null when the text is refused.
 */
export const wanYuanTypingCases: [typed: string, value: string | null][] = [
  ['1000', '1000'],
  ['0012.500', '12.5'],
  ['１０００', '1000'],
  ['１２３．５', '123.5'],
  ['1,000', '1000'],
  ['１，０００', '1000'],
  ['12,345.67', '12345.67'],
  ['1,234,567', '1234567'],
  [' 8 ', '8'],
  ['3. 5', '3.5'],
  ['1\u00a0000', '1000'],
  ['1,0,00', null],
  ['12,34', null],
  ['１，００', null],
  [',100', null],
  ['100,', null],
  ['abc', null],
  ['约3', null],
  ['1.2.3', null],
];
