import { describe, expect, it } from 'vitest';
import { stageFit } from './screen-stage';

describe('stageFit', () => {
  it.each([
    [1920, 1080, { scale: 1, left: 0, top: 0 }],
    [3840, 2160, { scale: 2, left: 0, top: 0 }],
    [1366, 768, { scale: 768 / 1080, left: (1366 - 1920 * (768 / 1080)) / 2, top: 0 }],
    [1280, 1024, { scale: 1280 / 1920, left: 0, top: (1024 - 720) / 2 }],
  ])('fits %i×%i without clipping, centred', (width, height, fit) => {
    const answer = stageFit(width, height);
    expect(answer.scale).toBeCloseTo(fit.scale, 6);
    expect(answer.left).toBeCloseTo(fit.left, 6);
    expect(answer.top).toBeCloseTo(fit.top, 6);
    expect(answer.left * 2 + 1920 * answer.scale).toBeLessThanOrEqual(width + 1e-6);
    expect(answer.top * 2 + 1080 * answer.scale).toBeLessThanOrEqual(height + 1e-6);
  });
});
