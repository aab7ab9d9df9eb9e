import { describe, expect, it } from 'vitest';
import { type FishboneBoneInput, fishboneMetrics, layoutFishbone } from './fishbone-layout';
import { textWidth } from './gantt-geometry';

const causes = (count: number, prefix = '原因') =>
  Array.from({ length: count }, (_, index) => ({
    kind: 'problem',
    id: `${prefix}-${index}`,
    title: `${prefix}${index + 1}：征迁补偿标准未定，群众诉求较多需协调`,
    detail: '',
    since: null,
    link: `/problems/${prefix}-${index}`,
  }));

const bones = (...counts: number[]): FishboneBoneInput[] =>
  counts.map((count, index) => ({ category: `类别${index + 1}`, causes: causes(count, `c${index}`) }));

/** x of a bone's line at height y (the bone runs straight from its outer end to the spine). */
const boneXAt = (bone: { outerX: number; outerY: number; jointX: number; jointY: number }, y: number) =>
  bone.outerX + ((y - bone.outerY) / (bone.jointY - bone.outerY)) * (bone.jointX - bone.outerX);

describe('layoutFishbone', () => {
  it('alternates bones above and below the spine, the first leftmost above', () => {
    const layout = layoutFishbone(bones(3, 2, 2, 1, 1), 1078);
    expect(layout.bones.map((bone) => bone.side)).toEqual(['up', 'down', 'up', 'down', 'up']);
    const [first, second, third] = layout.bones;
    expect(first!.jointX).toBe(second!.jointX);
    expect(third!.jointX).toBeGreaterThan(first!.jointX);
    expect(first!.outerY).toBeLessThan(layout.spine.y);
    expect(second!.outerY).toBeGreaterThan(layout.spine.y);
    expect(layout.bones.every((bone) => bone.jointY === layout.spine.y)).toBe(true);
  });

  it('slants every bone towards the head on the right, which ends the spine', () => {
    const layout = layoutFishbone(bones(2, 2), 1078);
    expect(layout.bones.every((bone) => bone.outerX < bone.jointX)).toBe(true);
    expect(layout.head.x).toBe(layout.spine.x2);
    expect(layout.head.x + layout.head.width).toBe(1078 - fishboneMetrics.margin);
    expect(Math.max(...layout.bones.map((bone) => bone.jointX))).toBeLessThan(layout.spine.x2);
  });

  it('hangs each cause on its bone as a horizontal branch that stops short of the bone before it', () => {
    const layout = layoutFishbone(bones(4, 3, 4, 2), 1078);
    for (const [index, bone] of layout.bones.entries()) {
      const before = layout.bones[index - 2];
      for (const cause of bone.causes) {
        expect(cause.x2).toBeCloseTo(boneXAt(bone, cause.y));
        expect(cause.x1).toBeLessThan(cause.x2);
        expect(cause.x1).toBeGreaterThanOrEqual(fishboneMetrics.margin);
        if (before) expect(cause.x1).toBeGreaterThan(boneXAt(before, cause.y));
      }
    }
  });

  it('keeps causes between the outer end and the spine, in order from the outer end', () => {
    const layout = layoutFishbone(bones(3, 3), 900);
    const [up, down] = layout.bones;
    const upYs = up!.causes.map((cause) => cause.y);
    expect(upYs).toEqual([...upYs].sort((a, b) => a - b));
    expect(Math.min(...upYs)).toBeGreaterThan(up!.outerY);
    expect(Math.max(...upYs)).toBeLessThan(layout.spine.y);
    const downYs = down!.causes.map((cause) => cause.y);
    expect(downYs).toEqual([...downYs].sort((a, b) => b - a));
    expect(Math.min(...downYs)).toBeGreaterThan(layout.spine.y);
  });

  it('cuts titles to their branch and keeps the cause for its link', () => {
    const layout = layoutFishbone(bones(1, 1, 1, 1, 1, 1, 1, 1), 1078);
    const cause = layout.bones[0]!.causes[0]!;
    expect(textWidth(cause.label, fishboneMetrics.fontSize)).toBeLessThanOrEqual(cause.x2 - cause.x1);
    expect(cause.label.endsWith('…')).toBe(true);
    expect(cause.cause.link).toBe('/problems/c0-0');
  });

  it('draws at most the row limit and says how many more there are', () => {
    const layout = layoutFishbone(bones(9, 2), 1078);
    const [full, short] = layout.bones;
    expect(full!.causes).toHaveLength(fishboneMetrics.maxCauses - 1);
    expect(full!.more?.count).toBe(9 - (fishboneMetrics.maxCauses - 1));
    expect(short!.causes).toHaveLength(2);
    expect(short!.more).toBeNull();
  });

  it('sizes both halves by the fullest bone, so the spine sits in the middle', () => {
    const layout = layoutFishbone(bones(1, 4), 1078);
    const above = layout.spine.y;
    const below = layout.height - layout.spine.y;
    expect(above).toBe(below);
    const [up, down] = layout.bones;
    expect(layout.spine.y - up!.outerY).toBe(down!.outerY - layout.spine.y);
  });

  it('labels each bone with its category and count', () => {
    const layout = layoutFishbone([{ category: '用地', causes: causes(2) }], 1078);
    expect(layout.bones[0]!.label).toBe('用地（2）');
  });

  it('never lays out narrower than 640 px', () => {
    expect(layoutFishbone(bones(1), 320).width).toBe(640);
  });
});
