import { AppError } from '@tuijin/domain';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { idempotencyKeys } from '../db/schema';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { actorId: string; key: string } | null;
  }
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A claim whose request never finished (a crash between commit and store) is released after this. */
const staleClaimMs = 60_000;

/**
 * Idempotency keys: a state-changing request may carry `Idempotency-Key`. The first request with a
 * key claims it; its response (below 500) is stored and replayed for any retry with the same key by
 * the same person, so a double submit or a retry after a dropped connection stores nothing twice.
 * A retry while the first is still running is a CONFLICT; a 5xx releases the key for a retry.
 */
export function installIdempotency(app: FastifyInstance, db: Database, now: () => Date) {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !mutating.has(request.method)) return;
    if (key.length === 0 || key.length > 100) {
      throw new AppError('VALIDATION_FAILED', 'Idempotency-Key 长度须为 1–100', [
        { path: 'Idempotency-Key', message: '长度须为 1–100' },
      ]);
    }
    const actorId = request.actor?.userId ?? `anonymous:${request.ip}`;
    const path = request.url;
    await db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.actorId, actorId),
          eq(idempotencyKeys.key, key),
          lt(idempotencyKeys.createdAt, new Date(now().getTime() - staleClaimMs)),
          eq(idempotencyKeys.statusCode, 0),
        ),
      );
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ actorId, key, method: request.method, path, statusCode: 0, createdAt: now() })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) {
      request.idempotency = { actorId, key };
      return;
    }
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, key)));
    if (!stored) throw new AppError('CONFLICT', '请求正在处理，请稍后重试');
    if (stored.method !== request.method || stored.path !== path) {
      throw new AppError('VALIDATION_FAILED', '该 Idempotency-Key 已用于另一个请求', [
        { path: 'Idempotency-Key', message: '已用于另一个请求' },
      ]);
    }
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
