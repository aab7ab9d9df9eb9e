import type { Endpoint } from '@tuijin/contracts';
import { type Actor, AppError, can, type Permission } from '@tuijin/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Ctx } from '../context';

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
    rateLimit?: { max: number; timeWindow: string };
    bodyLimit?: number;
    beforePasswordChange?: boolean;
  } = {},
) {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: endpoint.method,
    url: endpoint.path,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    config: {
      access,
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.beforePasswordChange ? { beforePasswordChange: true } : {}),
    },
    schema: {
      summary: endpoint.summary,
      tags: [endpoint.tag],
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response: { 200: endpoint.response },
    },
    handler: async (request, reply) =>
      handler({
        params: request.params as Out<E['params']>,
        query: request.query as Out<E['query']>,
        body: request.body as Out<E['body']>,
        request,
        reply,
        ctx: deps.makeCtx(request),
      }),
  });
}

/** The access check run before every handler: deny by default. */
export function checkAccess(access: Access | undefined, actor: Actor | null): void {
  if (access === undefined) throw new AppError('FORBIDDEN', '接口未声明访问权限');
  if (access === 'public') return;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (access === 'authenticated') return;
  if (!can(actor, access)) throw new AppError('FORBIDDEN');
}
