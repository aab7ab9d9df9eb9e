import { type FieldCipher, systemActor } from '@tuijin/domain';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Clock } from '../../context';
import type { Database } from '../../db/database';
import { workers } from '../../db/schema';
import { recordAudit } from '../audit';
import { decryptIdNumber, encryptIdNumber, idNumberCipherOf } from './id-number-crypto';

export interface IdNumbersReencrypted {
  to: FieldCipher;
  /** Rows read (every worker, removed ones too: they hold a number at rest as well). */
  examined: number;
  /** Rows whose value was re-encrypted now. */
  reencrypted: number;
  /** Rows already under the target algorithm, left alone. */
  already: number;
}

const batchSize = 500;

/**
 * Re-encrypts every stored 身份证号码 that is not yet under `to` (AES-256-GCM ↔ SM4-CBC + HMAC-SM3),
 * in batches of {@link batchSize} rows, each batch one transaction with its own
 * `workforce.idNumber.reencrypt` audit event (how many, from which algorithm). A row is only
 * rewritten if its value is still the one read, so a concurrent edit is never overwritten, and a
 * run can be repeated or resumed after an interruption: rows already under `to` are skipped. A value
 * that fails its integrity check stops the run with the worker's id (nothing of that batch is kept).
 */
export async function reencryptIdNumbers(
  deps: { db: Database; clock: Clock; auditKey: Buffer },
  to: FieldCipher,
): Promise<IdNumbersReencrypted> {
  const outcome: IdNumbersReencrypted = { to, examined: 0, reencrypted: 0, already: 0 };
  const ctx = { actor: systemActor, clock: deps.clock, ip: null, auditKey: deps.auditKey };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await deps.db
      .select({ id: workers.id, cipher: workers.idNumberCipher })
      .from(workers)
      .where(gt(workers.id, after))
      .orderBy(asc(workers.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    outcome.examined += rows.length;
    const stale = rows.filter((row) => idNumberCipherOf(row.cipher) !== to);
    outcome.already += rows.length - stale.length;
    if (stale.length === 0) continue;
    const from: Record<string, number> = {};
    const changed = await deps.db.transaction(async (tx) => {
      let count = 0;
      for (const row of stale) {
        let plain: string;
        try {
          plain = decryptIdNumber(deps.auditKey, row.cipher);
        } catch {
          throw new Error(`工人 ${row.id} 的身份证号码密文无法解密或校验失败（被篡改，或密钥不同），已停止`);
        }
        const updated = await tx
          .update(workers)
          .set({ idNumberCipher: encryptIdNumber(deps.auditKey, plain, to) })
          .where(and(eq(workers.id, row.id), eq(workers.idNumberCipher, row.cipher)))
          .returning({ id: workers.id });
        if (updated.length === 0) continue;
        count += 1;
        const algorithm = idNumberCipherOf(row.cipher) ?? 'unknown';
        from[algorithm] = (from[algorithm] ?? 0) + 1;
      }
      await recordAudit(tx, ctx, {
        action: 'workforce.idNumber.reencrypt',
        entityType: 'workers',
        entityId: 'id_number_cipher',
        regionPath: null,
        detail: { to, count, from },
      });
      return count;
    });
    outcome.reencrypted += changed;
  }
  return outcome;
}
