import { describe, expect, it } from 'vitest';
import { theme, themeFor } from './theme';

describe('themeFor', () => {
  it('turns Ant Design motion off when the system asks for reduced motion, keeping the look', () => {
    const still = themeFor(true);
    expect(still.token?.motion).toBe(false);
    expect(still.token?.colorPrimary).toBe(theme.token?.colorPrimary);
    expect(still.components).toEqual(theme.components);
  });

  it('leaves motion as Ant Design has it otherwise, the same object each time', () => {
    expect(themeFor(false).token?.motion).toBeUndefined();
    expect(themeFor(false)).toBe(themeFor(false));
    expect(themeFor(true)).toBe(themeFor(true));
  });
});
