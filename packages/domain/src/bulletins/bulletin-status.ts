import { AppError } from '../errors';

/** 通报: draft (草稿, figures refreshable) → reviewed (已审核) → issued (已签发, frozen for good). */
export const bulletinStatuses = ['draft', 'reviewed', 'issued'] as const;
export type BulletinStatus = (typeof bulletinStatuses)[number];

export const bulletinActions = ['refresh', 'review', 'issue', 'remove'] as const;
export type BulletinAction = (typeof bulletinActions)[number];

/**
 * The lifecycle as a table: for each action, the statuses it may start from and the status it
 * leaves (`null`: the bulletin is gone). Refreshing the figures sends a reviewed bulletin back to
 * draft; only a reviewed one is issued; an issued one is never refreshed or removed.
 */
export const bulletinTransitions: Record<
  BulletinAction,
  { from: readonly BulletinStatus[]; to: BulletinStatus | null }
> = {
  refresh: { from: ['draft', 'reviewed'], to: 'draft' },
  review: { from: ['draft'], to: 'reviewed' },
  issue: { from: ['reviewed'], to: 'issued' },
  remove: { from: ['draft', 'reviewed'], to: null },
};

export const canTransitionBulletin = (status: BulletinStatus, action: BulletinAction) =>
  bulletinTransitions[action].from.includes(status);

/** Why `action` may not be taken on a bulletin in `status`, as the office reads it. */
function refusal(status: BulletinStatus, action: BulletinAction): string {
  if (action === 'refresh') return '已签发的通报数据已冻结，不能刷新';
  if (action === 'review') return '只有草稿可以审核';
  if (action === 'remove') return '已签发的通报不能删除';
  return status === 'issued' ? '通报已签发' : '通报须先审核，才能签发';
}

/** The status `action` leaves; CONFLICT (the bulletin moved on meanwhile, or never could) if it may not. */
export function transitionBulletin(status: BulletinStatus, action: BulletinAction): BulletinStatus | null {
  if (!canTransitionBulletin(status, action)) throw new AppError('CONFLICT', refusal(status, action));
  return bulletinTransitions[action].to;
}
