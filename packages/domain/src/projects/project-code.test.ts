import { describe, expect, it } from 'vitest';
import { parseProjectCode, projectCodeProblems } from './project-code';

const known = (code: string) => ['350902', '350900', '350000'].includes(code);

describe('project code', () => {
  it('splits a valid code into its parts', () => {
    expect(parseProjectCode('2020-350902-47-01-012345')).toEqual({
      year: 2020,
      regionCode: '350902',
      industry: '47',
      type: '01',
      serial: '012345',
    });
  });

  it.each([
    ['2020-350902-47-01-012345', []],
    ['2020-3509-47-01-012345', ['格式']],
    ['2020-350902-47-01-01234', ['格式']],
    ['2020/350902/47/01/012345', ['格式']],
    ['2020-990101-47-01-012345', ['990101']],
    ['2009-350902-47-01-012345', ['年份 2009']],
    ['2030-350902-47-01-012345', ['年份 2030']],
    ['2020-350902-00-01-012345', ['行业代码']],
  ])('%s', (code, expected) => {
    const problems = projectCodeProblems(code, known, 2026);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((fragment, i) => {
      expect(problems[i]).toContain(fragment);
    });
  });
});
