import type { CreateWorker } from '@tuijin/contracts';
import {
  addCalendarDays,
  checkIdNumber,
  type ErrorDetail,
  type FieldCipher,
  idNumberProblemMessages,
  maskIdNumber,
} from '@tuijin/domain';
import type { workers } from '../../db/schema';
import { encryptIdNumber, idNumberIndex } from './id-number-crypto';

/** How far ahead an arrival may be registered (计划返岗 under a watch: 待观察). */
export const arrivalLeadDays = 30;

/** The worker's fields a form or a sheet row gives (the ID number aside). */
export type WorkerFields = Omit<CreateWorker, 'idNumber'>;

/**
 * The problems of a worker's fields on `today`, by field: a mobile phone of 11 digits, the arrival
 * at most {@link arrivalLeadDays} days ahead, a departure not before the arrival nor after today.
 */
export function workerFieldProblems(fields: WorkerFields, today: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (fields.phone && !/^1\d{10}$/.test(fields.phone))
    problems.push({ path: 'phone', message: '手机号码应为 11 位数字' });
  if (fields.arrivedOn > addCalendarDays(today, arrivalLeadDays))
    problems.push({ path: 'arrivedOn', message: `到岗日期最多可提前 ${arrivalLeadDays} 天登记` });
  if (fields.departedOn !== null) {
    if (fields.departedOn < fields.arrivedOn)
      problems.push({ path: 'departedOn', message: '离场日期不能早于到岗日期' });
    else if (fields.departedOn > today)
      problems.push({ path: 'departedOn', message: '离场日期不能晚于今天' });
  }
  return problems;
}

/** A checked 身份证号码: its stored forms (encrypted with the policy's `cipher`), or the problem's words. */
export function idNumberColumns(
  auditKey: Buffer,
  typed: string,
  today: string,
  cipher: FieldCipher,
):
  | {
      ok: true;
      value: string;
      columns: Pick<typeof workers.$inferInsert, 'idNumberCipher' | 'idNumberIndex' | 'idNumberMasked'>;
    }
  | { ok: false; message: string } {
  const reading = checkIdNumber(typed, today);
  if (!reading.ok) return { ok: false, message: idNumberProblemMessages[reading.problem] };
  return {
    ok: true,
    value: reading.value,
    columns: {
      idNumberCipher: encryptIdNumber(auditKey, reading.value, cipher),
      idNumberIndex: idNumberIndex(auditKey, reading.value),
      idNumberMasked: maskIdNumber(reading.value),
    },
  };
}

/** The audited view of a worker's fields: the ID number only as its masked value. */
export const auditedWorker = (fields: WorkerFields, masked: string) => ({ ...fields, idNumber: masked });
