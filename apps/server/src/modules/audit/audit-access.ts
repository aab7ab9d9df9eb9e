import { endpoints } from '@tuijin/contracts';
import { type Actor, AppError, type AuditAction } from '@tuijin/domain';
import { getTableColumns, getTableName, is, type SQL, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../context';
import type { Database } from '../../db/database';
import { queryRows } from '../../db/rows';
import * as schema from '../../db/schema';
import { type AuditInput, recordAuditNow } from './record-audit';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler records its own audit event for what it sends (the audit export): no second one. */
    auditedByHandler?: boolean;
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tables whose records are addressed by a uuid `id`: a 404 naming such an id that one of them
 * holds is a record outside the caller's scope (out of jurisdiction is NOT_FOUND, same body as a
 * missing id), which the log records as a refusal.
 */
const uuidTables: string[] = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .filter(
    (table) =>
      (getTableColumns(table) as Record<string, { columnType?: string }>).id?.columnType === 'PgUUID',
  )
  .map((table) => getTableName(table));

/** Which of those tables hold a record with one of these ids (one statement, only on a 404). */
async function tablesHolding(db: Database, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0 || uuidTables.length === 0) return [];
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const probes: SQL[] = uuidTables.map(
    (name) =>
      sql`select ${name}::text as name where exists (select 1 from ${sql.identifier(name)} where id in (${list}))`,
  );
  const rows = await queryRows<{ name: string }>(db, sql.join(probes, sql` union all `));
  return rows.map((row) => row.name);
}

/** A table's record type as the log names it elsewhere: `monthly_reports` → `monthlyReport`. */
const entityTypeOfTable = (table: string) =>
  table
    .replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())
    .replace(/ies$/, 'y')
    .replace(/s$/, '');

/** The session probe answers "not signed in" with a 401; that is how a client asks, not a refusal. */
const sessionProbePaths = new Set<string>([endpoints.me.path]);

/** A stored file served as it was uploaded (project files, attachments, documents) rather than an export built for the request. */
const isStoredFile = (url: string) => /\/(content|files\/:format)$/.test(url);

const errorOf = (error: unknown) =>
  error instanceof AppError ? { code: error.code, message: error.message } : undefined;

/**
 * What the log records about a response, or null for an ordinary one (decided in memory: an
 * ordinary successful request costs no database round trip). Refusals: 401 `access.unauthenticated`,
 * 403 `access.denied`, and a 404 whose route names the uuid of a record that exists (outside the
 * caller's scope) `access.notFound`. Downloads (a response sent as an attachment): a stored file
 * `file.download`, anything built for the request (Excel, Word, PDF) `export.download`.
 */
async function accessEventOf(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): Promise<AuditInput | null> {
  const config = request.routeOptions.config;
  const url = request.routeOptions.url;
  if (request.is404 || !url?.startsWith('/api/') || config?.access === undefined) return null;
  const status = reply.statusCode;
  const base = { method: request.method, route: url, params: request.params as Record<string, unknown> };
  const refused = (action: AuditAction, more: Record<string, unknown> = {}): AuditInput => ({
    action,
    detail: { ...base, status, ...errorOf(error), ...more },
  });
  if (status < 400) {
    const disposition = reply.getHeader('content-disposition');
    if (typeof disposition !== 'string' || !disposition.startsWith('attachment') || config.auditedByHandler)
      return null;
    const fileName = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    return {
      action: isStoredFile(url) ? 'file.download' : 'export.download',
      detail: {
        ...base,
        fileName: fileName ? decodeURIComponent(fileName) : null,
        contentType: reply.getHeader('content-type') ?? null,
      },
    };
  }
  if (config.access === 'public') return null;
  if (status === 401) return sessionProbePaths.has(url) ? null : refused('access.unauthenticated');
  if (status === 403) {
    return error instanceof AppError && error.code === 'PASSWORD_CHANGE_REQUIRED'
      ? null
      : refused('access.denied');
  }
  if (status === 404 && error instanceof AppError && error.code === 'NOT_FOUND') {
    const ids = Object.values(base.params ?? {}).filter(
      (value): value is string => typeof value === 'string' && uuidPattern.test(value),
    );
    const tables = await tablesHolding(db, ids);
    if (tables.length === 0) return null;
    const entityId = ids[0] ?? null;
    return {
      ...refused('access.notFound', { tables }),
      entityType: entityTypeOfTable(tables[0] ?? ''),
      ...(entityId ? { entityId } : {}),
    };
  }
  return null;
}

/**
 * Audits refusals and downloads for every route, after the handler and before the answer is sent
 * (so the event is committed when the client sees the answer). A failure to record is logged and
 * does not change the answer. The event's region is the actor's, so a supervisor reads the refusals
 * of people in their jurisdiction; an anonymous one is for the audit admin.
 */
export function installAccessAudit(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock; auditKey: Buffer; anonymous: Actor },
) {
  const errors = new WeakMap<FastifyRequest, unknown>();
  app.addHook('onError', async (request, _reply, error) => {
    errors.set(request, error);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const status = reply.statusCode;
    // The hot path: an ordinary answer is decided on its status and headers alone.
    if (status < 400 && !reply.hasHeader('content-disposition')) return payload;
    if (status >= 400 && status !== 401 && status !== 403 && status !== 404) return payload;
    try {
      const event = await accessEventOf(deps.db, request, reply, errors.get(request));
      if (event) {
        const actor = request.actor ?? deps.anonymous;
        await recordAuditNow(
          deps.db,
          { actor, clock: deps.clock, ip: request.ip ?? null, auditKey: deps.auditKey },
          { regionPath: request.actor ? actor.regionPath || null : null, ...event },
        );
      }
    } catch (failure) {
      request.log.error({ err: failure }, 'could not record the access audit event');
    }
    return payload;
  });
}
