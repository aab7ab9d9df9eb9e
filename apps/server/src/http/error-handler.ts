import {
  AppError,
  defaultErrorMessages,
  type ErrorCode,
  type ErrorDetail,
  errorStatus,
} from '@tuijin/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

function send(
  reply: import('fastify').FastifyReply,
  code: ErrorCode,
  message: string,
  details?: ErrorDetail[],
  status = errorStatus[code],
) {
  // A 503 says when to come back: the client's retry and a load balancer wait that long.
  if (status === 503) reply.header('retry-after', String(code === 'SERVICE_BUSY' ? 2 : 5));
  return reply.status(status).send({ error: { code, message, ...(details?.length ? { details } : {}) } });
}

/**
 * The one error handler: AppError by its code; request validation as VALIDATION_FAILED with each
 * field's problem; Fastify's own 4xx (bad JSON, body too large, wrong media type) as a 400-class
 * VALIDATION_FAILED; a statement cancelled by its timeout or no free pooled connection as 503
 * SERVICE_BUSY; everything else INTERNAL, logged, with no SQL or stack reaching the client.
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(reply, error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message ?? '无效',
      }));
      const first = details[0];
      const message = first
        ? `${first.path ? `${first.path}: ` : ''}${first.message}`
        : defaultErrorMessages.VALIDATION_FAILED;
      return send(reply, 'VALIDATION_FAILED', message, details);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its contract');
      return send(reply, 'INTERNAL', defaultErrorMessages.INTERNAL);
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return send(reply, 'RATE_LIMITED', defaultErrorMessages.RATE_LIMITED);
    if (status === 413) return send(reply, 'VALIDATION_FAILED', '请求内容过大', undefined, 413);
    if (status === 415)
      return send(reply, 'VALIDATION_FAILED', '不支持的内容类型，请使用 application/json', undefined, 415);
    if (status >= 400 && status < 500)
      return send(reply, 'VALIDATION_FAILED', '请求格式错误', undefined, status);
    if (isBusyError(error)) {
      request.log.warn({ err: error }, 'database busy');
      return send(reply, 'SERVICE_BUSY', defaultErrorMessages.SERVICE_BUSY);
    }
    if (isConnectionError(error) || isTransientError(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return send(reply, 'UNAVAILABLE', defaultErrorMessages.UNAVAILABLE);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 'INTERNAL', defaultErrorMessages.INTERNAL);
  });
}

/**
 * The database is too busy for this request: a statement cancelled by `statement_timeout` (57014,
 * the analytics pool's limit) or a pool that found no free connection in time.
 */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code === '57014') return true;
  const message = (error as { message?: string }).message ?? '';
  const causeMessage = (error as { cause?: { message?: string } }).cause?.message ?? '';
  return [message, causeMessage].some((m) => m.includes('timeout exceeded when trying to connect'));
}

const sqlState = (error: unknown): string | undefined => {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code) return code;
  // node-postgres reports a connection the server closed under it without a code.
  const message = `${(error as Error)?.message ?? ''} ${(error as { cause?: Error })?.cause?.message ?? ''}`;
  return /Connection terminated|connection is closed/i.test(message) ? '08006' : undefined;
};

/**
 * A transaction the database gave up and that succeeds when run again: a serialization failure
 * (40001) or a deadlock (40P01). Answered 503 with `Retry-After`; a request with an idempotency key is
 * retried by the server first (route.ts).
 */
export function isTransientError(error: unknown): boolean {
  const code = sqlState(error);
  return code === '40001' || code === '40P01';
}

/**
 * What the server itself retries for a request with an idempotency key (whose claim commits with
 * its change, so a retry cannot write twice): a lost connection, a primary gone (failover), or a
 * transient conflict. A read-only database (25006, a standby) is not retried here: it lasts.
 */
export function isRetryableError(error: unknown): boolean {
  const code = sqlState(error);
  return (
    isTransientError(error) ||
    (typeof code === 'string' &&
      (code.startsWith('08') || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === '57P01'))
  );
}

/** Connection-level database failures, which the client sees as maintenance rather than a bug. */
export function isConnectionError(error: unknown): boolean {
  const code = sqlState(error);
  return (
    typeof code === 'string' &&
    (code.startsWith('08') ||
      code === 'ECONNREFUSED' ||
      code === 'ECONNRESET' ||
      code === '57P01' ||
      code === '25006')
  );
}
