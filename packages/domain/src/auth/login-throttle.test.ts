import { describe, expect, it } from 'vitest';
import { accountThrottle, loginDelaySeconds } from './login-throttle';
import { defaultSecurityPolicy as policy } from './security-policy';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 0, 5, 8, minute, second));

describe('loginDelaySeconds', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [4, 2],
    [6, 8],
    [9, 60],
    [20, 60],
  ])('after %i failures waits %i s', (failures, seconds) => {
    expect(loginDelaySeconds(failures, 3)).toBe(seconds);
  });
});

describe('accountThrottle', () => {
  it('lets the first two failures pass without a CAPTCHA or delay', () => {
    expect(accountThrottle([at(0), at(1)], policy, at(1, 1))).toEqual({
      lockedUntil: null,
      notBefore: null,
      captchaRequired: false,
      failures: 2,
    });
  });

  it('asks for a CAPTCHA from the third failure and makes the next attempt wait', () => {
    const state = accountThrottle([at(0), at(1), at(2)], policy, at(2));
    expect(state.captchaRequired).toBe(true);
    expect(state.notBefore).toEqual(at(2, 1));
    expect(accountThrottle([at(0), at(1), at(2)], policy, at(2, 2)).notBefore).toBeNull();
  });

  it('locks the account at ten failures within the window, for thirty minutes', () => {
    const failures = Array.from({ length: 10 }, (_, i) => at(i));
    expect(accountThrottle(failures, policy, at(10)).lockedUntil).toEqual(at(39));
    expect(accountThrottle(failures.slice(0, 9), policy, at(10)).lockedUntil).toBeNull();
    // The lock outlasts the window: it ends thirty minutes after the tenth failure.
    expect(accountThrottle(failures, policy, at(38)).lockedUntil).toEqual(at(39));
    expect(accountThrottle(failures, policy, at(39)).lockedUntil).toBeNull();
  });

  it('forgets failures older than the window', () => {
    const old = [at(0), at(1), at(2), at(3)];
    const state = accountThrottle(old, policy, at(30));
    expect(state).toMatchObject({ captchaRequired: false, notBefore: null, failures: 0 });
  });

  it('does not lock ten failures spread over more than the window', () => {
    const spread = Array.from({ length: 10 }, (_, i) => at(i * 2));
    expect(accountThrottle(spread, policy, at(19)).lockedUntil).toBeNull();
  });
});
