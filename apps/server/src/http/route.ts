import type { Endpoint } from '@tuijin/contracts';
import { type Actor, AppError, can, type Permission } from '@tuijin/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../context';
import type { Database } from '../db/database';
import { isRetryableError } from './error-handler';
import { claimInTransaction, storeInTransaction } from './idempotency';

/**
 * Fault injection for the crash drill (issue 19; never set in production, and `serve` says so loudly
 * when it is): the process dies the moment a keyed request's transaction has committed, before any
 * byte of the answer is written — the worst moment for a client, which then retries with its key.
 */
const crashAfterCommit = process.env.TUIJIN_FAULT_CRASH_AFTER_COMMIT === '1';

/** Back-off before each retry of a keyed request the database dropped (ms; a failover takes seconds). */
const retryDelaysMs = [100, 300, 900, 2_700] as const;

/**
 * Who may call a route: `public` (no session), `authenticated` (any signed-in person), or a
 * permission. Every route must say one; the app refuses to register a route that does not.
 */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Open to a session whose password must be changed first (reading the session, changing it, logging out). */
    beforePasswordChange?: boolean;
    /** The query parameters the route's contract declares; any other is refused (see input-guard). */
    queryKeys?: readonly string[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionTokenHash: string | null;
    sessionRegionPath: string | null;
    /** The session's user must change their password before anything else. */
    mustChangePassword: boolean;
  }
}

type Out<T> = [NonNullable<T>] extends [z.ZodType] ? z.output<NonNullable<T>> : undefined;

export interface HandlerArgs<E extends Endpoint> {
  params: Out<E['params']>;
  query: Out<E['query']>;
  body: Out<E['body']>;
  request: FastifyRequest;
  reply: FastifyReply;
  /** The use-case context; its actor is the signed-in person (absent on public routes). */
  ctx: Ctx;
}

export interface RouteDeps {
  makeCtx(request: FastifyRequest): Ctx;
}

/**
 * Registers one endpoint of the contracts table: its schemas validate the request and shape the
 * response and the OpenAPI document; `access` is checked before the handler runs.
 */
export function defineRoute<E extends Endpoint>(
  app: FastifyInstance,
  deps: RouteDeps,
  endpoint: E,
  access: Access,
  handler: (args: HandlerArgs<E>) => Promise<z.input<E['response']>>,
  options: {
    rateLimit?: {
      max: number;
      timeWindow: string;
      /** Count after the body is parsed (`preHandler`), so the key may read it. */
      hook?: 'onRequest' | 'preHandler';
      keyGenerator?: (request: FastifyRequest) => string;
    };
    bodyLimit?: number;
    beforePasswordChange?: boolean;
    /**
     * The whole handler runs in one transaction (its `ctx.db` is it; a use case's own transaction
     * becomes a savepoint), and an `Idempotency-Key` is claimed and its answer stored in that same
     * transaction: the change and its answer commit together, so a retry replays or writes once.
     */
    inTransaction?: boolean;
  } = {},
) {
  const run = async (request: FastifyRequest, reply: FastifyReply) => {
    const args = {
      params: request.params as Out<E['params']>,
      query: request.query as Out<E['query']>,
      body: request.body as Out<E['body']>,
      request,
      reply,
    };
    const ctx = deps.makeCtx(request);
    if (!options.inTransaction) return handler({ ...args, ctx });
    const claim = request.idempotencyKey;
    const once = () =>
      ctx.db.transaction(async (tx) => {
        if (claim) {
          const stored = await claimInTransaction(tx, claim, ctx.clock.now());
          if (stored) {
            reply.header('idempotent-replayed', 'true').status(stored.statusCode);
            return stored.response as z.input<E['response']>;
          }
        }
        const answer = await handler({ ...args, ctx: { ...ctx, db: tx as unknown as Database } });
        if (claim) await storeInTransaction(tx, claim, { statusCode: reply.statusCode, response: answer });
        return answer;
      });
    // Only a request with a key is run again: its claim commits with its change, so a retry after
    // a connection lost at any point (even at COMMIT) either replays the first answer or writes once.
    for (let attempt = 0; ; attempt += 1) {
      try {
        const answer = await once();
        if (crashAfterCommit && claim) process.kill(process.pid, 'SIGKILL');
        return answer;
      } catch (error) {
        const delay = retryDelaysMs[attempt];
        if (!claim || delay === undefined || !isRetryableError(error)) throw error;
        request.log.warn({ err: error, attempt: attempt + 1 }, 'database dropped a keyed request; retrying');
        reply.status(200);
        await new Promise((resolve) => setTimeout(resolve, delay + Math.floor(Math.random() * delay * 0.2)));
      }
    }
  };
  app.withTypeProvider<ZodTypeProvider>().route({
    method: endpoint.method,
    url: endpoint.path,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    config: {
      access,
      queryKeys: declaredKeys(endpoint.query),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.beforePasswordChange ? { beforePasswordChange: true } : {}),
      ...(options.inTransaction ? { idempotentInTransaction: true } : {}),
    },
    schema: {
      summary: endpoint.summary,
      tags: [endpoint.tag],
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response: { 200: endpoint.response },
    },
    handler: run,
  });
}

/**
 * The keys an object schema declares (through pipes and wrappers); none for a route without a query
 * schema, so a query parameter there is refused too.
 */
export function declaredKeys(schema: z.ZodType | undefined): readonly string[] {
  if (!schema) return [];
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return declaredKeys(schema.in as z.ZodType);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    return declaredKeys(schema.unwrap() as z.ZodType);
  }
  throw new Error('a query schema must be an object schema');
}

/** The access check run before every handler: deny by default. */
export function checkAccess(access: Access | undefined, actor: Actor | null): void {
  if (access === undefined) throw new AppError('FORBIDDEN', '接口未声明访问权限');
  if (access === 'public') return;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (access === 'authenticated') return;
  if (!can(actor, access)) throw new AppError('FORBIDDEN');
}
