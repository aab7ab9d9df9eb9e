import { createHash } from 'node:crypto';
import { AppError } from '@tuijin/domain';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database, Queryable } from '../db/database';
import { idempotencyKeys } from '../db/schema';
import { canonicalJson } from '../modules/audit';

/** An `Idempotency-Key` as a request carries it: whose, which, and what it was sent with. */
export interface IdempotencyClaim {
  actorId: string;
  key: string;
  method: string;
  path: string;
  /** SHA-256 of the body's canonical JSON: a key sent again with another body is refused. */
  requestHash: string;
}

/** A stored answer to replay instead of running the request again. */
export interface StoredAnswer {
  statusCode: number;
  response: unknown;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The key's claim, taken before the handler (routes whose handler does not claim it itself). */
    idempotency: IdempotencyClaim | null;
    /** The key of a route that claims it inside its own transaction (`claimInTransaction`). */
    idempotencyKey: IdempotencyClaim | null;
  }
  interface FastifyContextConfig {
    /** The handler claims the key and stores its answer in the transaction of its change. */
    idempotentInTransaction?: boolean;
  }
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A claim whose request never finished (a crash between commit and store) is released after this. */
const staleClaimMs = 60_000;

const reused = () => new AppError('IDEMPOTENCY_KEY_REUSED');

/** The claim a request's key makes, or null when it carries none (or is not a state change). */
function claimOf(request: FastifyRequest): IdempotencyClaim | null {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !mutating.has(request.method)) return null;
  if (key.length === 0 || key.length > 100) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key 长度须为 1–100', [
      { path: 'Idempotency-Key', message: '长度须为 1–100' },
    ]);
  }
  return {
    actorId: request.actor?.userId ?? `anonymous:${request.ip}`,
    key,
    method: request.method,
    path: request.url,
    requestHash: createHash('sha256')
      .update(canonicalJson(request.body ?? null))
      .digest('hex'),
  };
}

/** Inserts the key's claim (no answer yet); false when the key is already claimed. */
async function insertClaim(db: Queryable, claim: IdempotencyClaim, now: Date): Promise<boolean> {
  const { actorId, key, method, path, requestHash } = claim;
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ actorId, key, method, path, requestHash, statusCode: 0, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return claimed.length > 0;
}

/** Refuses a stored claim that was made by another request (method, path or body). */
function assertSameRequest(stored: typeof idempotencyKeys.$inferSelect, claim: IdempotencyClaim) {
  if (stored.method !== claim.method || stored.path !== claim.path) throw reused();
  if (stored.requestHash !== null && stored.requestHash !== claim.requestHash) throw reused();
}

/**
 * Claims the key inside the caller's transaction, before its change: answers null when this
 * request is the first (the caller goes on and `storeInTransaction` before commit), or the stored
 * answer of the request that claimed it first. The insert waits for a transaction holding the same
 * key to end: if it committed, its answer is here to replay; if it rolled back, this request is
 * the first. So the change and its answer commit together or not at all — a retry after a dropped
 * connection or a crash at any point either replays the first answer or performs the change once.
 */
export async function claimInTransaction(
  tx: Queryable,
  claim: IdempotencyClaim,
  now: Date,
): Promise<StoredAnswer | null> {
  if (await insertClaim(tx, claim, now)) return null;
  const [stored] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actorId, claim.actorId), eq(idempotencyKeys.key, claim.key)));
  if (!stored) throw new AppError('CONFLICT', '请求正在处理，请稍后重试');
  assertSameRequest(stored, claim);
  // A claim left by the outside-transaction path of a request still running.
  if (!stored.statusCode) throw new AppError('CONFLICT', '相同的请求正在处理，请稍后');
  return { statusCode: stored.statusCode, response: stored.response };
}

/** Stores the answer of a claim made by {@link claimInTransaction}, in the same transaction. */
export async function storeInTransaction(tx: Queryable, claim: IdempotencyClaim, answer: StoredAnswer) {
  await tx
    .update(idempotencyKeys)
    .set({ statusCode: answer.statusCode, response: answer.response })
    .where(and(eq(idempotencyKeys.actorId, claim.actorId), eq(idempotencyKeys.key, claim.key)));
}

/**
 * Idempotency keys: a state-changing request may carry `Idempotency-Key`. The first request with a
 * key claims it; its answer is stored and replayed for any retry with the same key by the same
 * person, so a double submit or a retry after a dropped connection stores nothing twice. The same
 * key with another method, path or body is refused (`IDEMPOTENCY_KEY_REUSED`, 422), never replayed.
 *
 * Routes marked `idempotentInTransaction` claim and store inside the transaction of their change
 * (`claimInTransaction`), which leaves no window at all. Elsewhere the key is claimed before the
 * handler and its answer (below 500) stored after it: a retry while the first still runs is a
 * CONFLICT, a 5xx releases the key for a retry, and a crash between the handler's commit and the
 * store leaves a claim that is released after a minute.
 */
export function installIdempotency(app: FastifyInstance, db: Database, now: () => Date) {
  app.decorateRequest('idempotency', null);
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (request, reply) => {
    const claim = claimOf(request);
    if (!claim) return;
    if (request.routeOptions.config.idempotentInTransaction) {
      request.idempotencyKey = claim;
      return;
    }
    const where = and(eq(idempotencyKeys.actorId, claim.actorId), eq(idempotencyKeys.key, claim.key));
    await db
      .delete(idempotencyKeys)
      .where(
        and(
          where,
          lt(idempotencyKeys.createdAt, new Date(now().getTime() - staleClaimMs)),
          eq(idempotencyKeys.statusCode, 0),
        ),
      );
    if (await insertClaim(db, claim, now())) {
      request.idempotency = claim;
      return;
    }
    const [stored] = await db.select().from(idempotencyKeys).where(where);
    if (!stored) throw new AppError('CONFLICT', '请求正在处理，请稍后重试');
    assertSameRequest(stored, claim);
    if (!stored.statusCode) throw new AppError('CONFLICT', '相同的请求正在处理，请稍后');
    reply.header('idempotent-replayed', 'true');
    return reply.status(stored.statusCode).send(stored.response);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    const where = and(eq(idempotencyKeys.actorId, claim.actorId), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode >= 500) {
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    let body: unknown = null;
    try {
      body = typeof payload === 'string' ? JSON.parse(payload) : null;
    } catch {
      body = null;
    }
    await db.update(idempotencyKeys).set({ statusCode: reply.statusCode, response: body }).where(where);
    return payload;
  });
}
