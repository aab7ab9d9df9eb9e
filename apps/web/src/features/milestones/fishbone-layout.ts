import { fitLabel } from './gantt-geometry';

/**
 * Pure layout of the 鱼刺图 (Ishikawa diagram): a horizontal spine ending in the head on the right,
 * one slanted bone per category, alternating above and below the spine in the order given (the
 * server sends the largest category first, so it stands leftmost above), and each cause a short
 * horizontal branch off its bone carrying its title. Branches never reach the neighbouring bone.
 */

export interface FishboneCauseInput {
  kind: string;
  id: string;
  title: string;
  detail: string;
  since: string | null;
  link: string;
}

export interface FishboneBoneInput<C extends FishboneCauseInput = FishboneCauseInput> {
  category: string;
  causes: readonly C[];
}

export interface PlacedCause<C extends FishboneCauseInput = FishboneCauseInput> {
  cause: C;
  /** The branch, from its free end (x1) to the bone (x2), at height y. */
  x1: number;
  x2: number;
  y: number;
  /** Its title, cut to the branch's length. */
  label: string;
}

export interface PlacedBone<C extends FishboneCauseInput = FishboneCauseInput> {
  category: string;
  side: 'up' | 'down';
  /** The bone from its outer end to the spine. */
  outerX: number;
  outerY: number;
  jointX: number;
  jointY: number;
  label: string;
  causes: PlacedCause<C>[];
  /** In the last row when the bone has more causes than fit: how many are not drawn (另有 n 项). */
  more: { x1: number; y: number; count: number } | null;
}

export interface FishboneLayout<C extends FishboneCauseInput = FishboneCauseInput> {
  width: number;
  height: number;
  spine: { x1: number; x2: number; y: number };
  head: { x: number; y: number; width: number; height: number };
  bones: PlacedBone<C>[];
}

export const fishboneMetrics = {
  margin: 16,
  headWidth: 128,
  headHeight: 44,
  rowGap: 24,
  categoryHeight: 28,
  maxCauses: 6,
  fontSize: 12,
  minWidth: 640,
} as const;

/**
 * Places the bones and causes in a box `width` wide (at least 640 px). Every bone has the same
 * height, set by the fullest bone, so the drawing is symmetric about the spine; a bone draws at most
 * `maxCauses` rows, the last of them "另有 n 项" when it has more.
 */
export function layoutFishbone<C extends FishboneCauseInput>(
  bones: readonly FishboneBoneInput<C>[],
  width: number,
): FishboneLayout<C> {
  const m = fishboneMetrics;
  const boxWidth = Math.max(m.minWidth, Math.floor(width));
  const shownMost = Math.max(1, ...bones.map((bone) => Math.min(m.maxCauses, bone.causes.length)));
  const boneHeight = (shownMost + 1) * m.rowGap;
  const slant = Math.min(60, boneHeight * 0.4);
  const spineY = m.margin + m.categoryHeight + boneHeight;
  const spineStart = m.margin;
  const spineEnd = boxWidth - m.margin - m.headWidth;
  const perSide = Math.max(1, Math.ceil(bones.length / 2));
  const slot = (spineEnd - spineStart - slant) / perSide;
  const branchLength = Math.max(40, slot - 12);

  const placed = bones.map((bone, index): PlacedBone<C> => {
    const side = index % 2 === 0 ? 'up' : 'down';
    const direction = side === 'up' ? -1 : 1;
    const jointX = spineStart + slant + slot * (Math.floor(index / 2) + 1) - 4;
    const outerX = jointX - slant;
    const outerY = spineY + direction * boneHeight;
    const overflows = bone.causes.length > m.maxCauses;
    const shown = overflows ? bone.causes.slice(0, m.maxCauses - 1) : bone.causes;
    // Row k (from 0) lies k + 1 row gaps in from the bone's outer end.
    const rowAt = (k: number) => {
      const fromOuter = (k + 1) * m.rowGap;
      const x2 = outerX + slant * (fromOuter / boneHeight);
      return { x1: x2 - branchLength, x2, y: outerY - direction * fromOuter };
    };
    const causes = shown.map(
      (cause, k): PlacedCause<C> => ({
        cause,
        ...rowAt(k),
        label: fitLabel(cause.title, branchLength - 6, m.fontSize),
      }),
    );
    const moreRow = rowAt(shown.length);
    return {
      category: bone.category,
      side,
      outerX,
      outerY,
      jointX,
      jointY: spineY,
      label: fitLabel(`${bone.category}（${bone.causes.length}）`, slot, 13),
      causes,
      more: overflows ? { x1: moreRow.x1, y: moreRow.y, count: bone.causes.length - shown.length } : null,
    };
  });

  return {
    width: boxWidth,
    height: spineY + boneHeight + m.categoryHeight + m.margin,
    spine: { x1: spineStart, x2: spineEnd, y: spineY },
    head: { x: spineEnd, y: spineY - m.headHeight / 2, width: m.headWidth, height: m.headHeight },
    bones: placed,
  };
}
