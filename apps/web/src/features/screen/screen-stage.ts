/** The big screen's design size: everything is laid out for a 1920×1080 display. */
export const stageDesign = { width: 1920, height: 1080 } as const;

/**
 * How the 1920×1080 stage fits a window: one scale for both axes (so nothing stretches), the
 * largest that keeps the whole stage inside, and the offsets that centre it — bars of the screen's
 * ground colour above and below, or left and right (letterboxing).
 */
export function stageFit(width: number, height: number) {
  const scale = Math.max(Math.min(width / stageDesign.width, height / stageDesign.height), 0.01);
  return {
    scale,
    left: Math.max((width - stageDesign.width * scale) / 2, 0),
    top: Math.max((height - stageDesign.height * scale) / 2, 0),
  };
}
