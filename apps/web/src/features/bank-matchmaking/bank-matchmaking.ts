import { fileRoutes } from '@tuijin/contracts';
import type { BankFollowUpStatus } from '@tuijin/domain';

/** Where the push list is downloaded: the year's, for one bank or (none given) one sheet per bank. */
export function pushListUrl(year: number, bankId: string | null): string {
  const query = new URLSearchParams({ year: String(year) });
  if (bankId) query.set('bankId', bankId);
  return `${fileRoutes.exportBankPushList}?${query.toString()}`;
}

/** The follow-up fields a status asks for, so the form shows only what the rule needs. */
export type FollowUpField = 'failureReason' | 'creditGrantedWanYuan' | 'disbursed' | 'rolledOver';

export function followUpFieldsOf(status: BankFollowUpStatus): FollowUpField[] {
  switch (status) {
    case 'failed':
      return ['failureReason'];
    case 'credited':
      return ['creditGrantedWanYuan', 'rolledOver'];
    case 'disbursed':
      return ['creditGrantedWanYuan', 'disbursed', 'rolledOver'];
    default:
      return [];
  }
}

/** The statuses a follow-up's form offers: the one it has, then the moves the table allows. */
export const statusOptions = (status: BankFollowUpStatus, moves: readonly BankFollowUpStatus[]) => [
  status,
  ...moves.filter((m) => m !== status),
];

/** Status tag colours. */
export const statusColors: Record<BankFollowUpStatus, string> = {
  pushed: 'default',
  negotiating: 'blue',
  credited: 'cyan',
  disbursed: 'green',
  failed: 'red',
};
