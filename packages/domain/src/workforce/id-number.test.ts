import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  checkIdNumber,
  composeCreditCode,
  composeIdNumber,
  idNumberCheckChar,
  maskIdNumber,
} from './id-number';

const today = '2026-12-07';

describe('checkIdNumber (GB 11643, ISO 7064 MOD 11-2)', () => {
  it.each([
    // The standard's own example (check character X) and a published specimen ending in a digit.
    ['11010519491231002X', '1949-12-31'],
    ['440524198001010013', '1980-01-01'],
  ])('reads %s', (value, birthDate) => {
    expect(checkIdNumber(value, today)).toEqual({ ok: true, value, birthDate });
  });

  it('computes the check character by MOD 11-2, X for 10', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(composeIdNumber('350902', '19850315', 123)).toMatch(/^35090219850315123[\dX]$/);
    const made = composeIdNumber('350981', '19920229', 7);
    expect(checkIdNumber(made, today)).toEqual({ ok: true, value: made, birthDate: '1992-02-29' });
  });

  it.each([
    ['', 'blank'],
    ['  ', 'blank'],
    ['35090219900101123', 'format'],
    ['3509021990010112345', 'format'],
    ['35090219900101123Y', 'format'],
    ['350902199002301230', 'birthDate'],
    ['350902199013011230', 'birthDate'],
    ['350902189912311230', 'birthDate'],
    ['350902202712011230', 'future'],
  ] as const)('refuses %j as %s', (value, problem) => {
    expect(checkIdNumber(value, today)).toEqual({ ok: false, problem });
  });

  it('refuses a wrong check character and reads full-width digits and a small x', () => {
    const good = composeIdNumber('350902', '19900101', 12);
    const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    expect(checkIdNumber(wrong, today)).toEqual({ ok: false, problem: 'checksum' });
    const fullWidth = good.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(checkIdNumber(` ${fullWidth} `, today)).toMatchObject({ ok: true, value: good });
    expect(checkIdNumber('11010519491231002x', today)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('accepts a birth on 29 February of a leap year only, and one born today', () => {
    expect(checkIdNumber(composeIdNumber('350902', '20000229', 1), today).ok).toBe(true);
    expect(checkIdNumber(composeIdNumber('350902', '19000229', 1), today)).toEqual({
      ok: false,
      problem: 'birthDate',
    });
    expect(checkIdNumber(composeIdNumber('350902', '20261207', 1), today).ok).toBe(true);
    expect(checkIdNumber(composeIdNumber('350902', '20261208', 1), today)).toEqual({
      ok: false,
      problem: 'future',
    });
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 3 and the last 4 characters', () => {
    expect(maskIdNumber('350902199001011234')).toBe('350***********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('123')).toBe('***');
  });
});

describe('checkCreditCode (GB 32100)', () => {
  it('accepts a code whose check character is right and refuses others', () => {
    const code = composeCreditCode('91350900MA2XN0A0K');
    expect(checkCreditCode(code)).toEqual({ ok: true, value: code });
    expect(checkCreditCode(code.toLowerCase())).toEqual({ ok: true, value: code });
    const wrong = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
    expect(checkCreditCode(wrong)).toEqual({ ok: false, problem: 'checksum' });
    expect(checkCreditCode('91350900MA2XN0A0')).toEqual({ ok: false, problem: 'format' });
    expect(checkCreditCode('91350900MA2XN0A0IZ')).toEqual({ ok: false, problem: 'format' });
  });

  it('accepts a published code (Huawei Technologies)', () => {
    expect(checkCreditCode('914403001922038216').ok).toBe(true);
  });
});
