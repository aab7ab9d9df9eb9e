import { AppError } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';

/** Deepest nesting of objects and arrays a JSON body may have; the deepest real body (GeoJSON) needs ~8. */
export const maxJsonDepth = 64;

/**
 * Whether a JSON text nests objects/arrays deeper than `limit`, found by one scan of its characters
 * (brackets inside strings do not count) before anything parses or walks it — a body nested 10,000
 * deep would otherwise exhaust the stack of every recursive walker after it.
 */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth++;
      if (depth > limit) return true;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return false;
}

/**
 * Replaces Fastify's JSON body parser with the same parser (prototype poisoning refused) behind a
 * nesting-depth check, so a too-deep body is a 400 VALIDATION_FAILED — anonymously too, since
 * bodies are parsed before any route handler.
 */
export function installJsonBodyParser(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonNestsDeeperThan(body as string, maxJsonDepth)) {
      const message = `请求内容嵌套超过 ${maxJsonDepth} 层`;
      done(new AppError('VALIDATION_FAILED', message, [{ path: '(body)', message }]), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
}
