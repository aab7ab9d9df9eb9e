import { describe, expect, it } from 'vitest';
import { attachmentDisposition, safeCellText } from './excel';

describe('safeCellText', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+1', `'+1+1`],
    ['-2', `'-2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['宁德时代', '宁德时代'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, output) => {
    expect(safeCellText(input)).toBe(output);
  });

  it('names a Chinese download safely', () => {
    expect(attachmentDisposition('项目库.xlsx')).toBe(
      `attachment; filename="___.xlsx"; filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%BA%93.xlsx`,
    );
  });
});
