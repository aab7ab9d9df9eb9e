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
 * The first key that an object of a (valid) JSON text holds twice, with where it is (`a.b[2].c`), or
 * null. `JSON.parse` keeps the last of two equal keys, so `{"amount":1,"amount":9}` would pass one
 * check and store another value; such a body is refused instead. Keys are compared decoded, so
 * `"a"` and `"\u0061"` are the same key.
 */
export function findDuplicateJsonKey(text: string): { key: string; path: string } | null {
  // One frame per open object or array: an object's keys so far, or an array's next index.
  const frames: { keys: Set<string> | null; name: string; index: number }[] = [];
  let expectKey = false;
  let lastKey = '';
  const pathOf = () =>
    frames
      .slice(1)
      .map((frame) => frame.name)
      .join('');
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x22) {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === 0x5c) {
          escaped = true;
          i++;
        } else if (inner === 0x22) break;
      }
      if (!expectKey) continue;
      const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
      const keys = frames[frames.length - 1]?.keys;
      if (keys?.has(key)) {
        const where = pathOf();
        return { key, path: where ? `${where.replace(/^\./, '')}.${key}` : key };
      }
      keys?.add(key);
      lastKey = key;
      expectKey = false;
    } else if (char === 0x7b || char === 0x5b) {
      const parent = frames[frames.length - 1];
      const name = !parent ? '' : parent.keys ? `.${lastKey}` : `[${parent.index}]`;
      frames.push({ keys: char === 0x7b ? new Set() : null, name, index: 0 });
      expectKey = char === 0x7b;
    } else if (char === 0x7d || char === 0x5d) {
      frames.pop();
      expectKey = false;
    } else if (char === 0x2c) {
      const frame = frames[frames.length - 1];
      if (frame && !frame.keys) frame.index++;
      expectKey = Boolean(frame?.keys);
    }
  }
  return null;
}

/**
 * Replaces Fastify's JSON body parser with the same parser (prototype poisoning refused) behind a
 * nesting-depth check and a duplicate-key check, so a too-deep body is a 400 VALIDATION_FAILED — anonymously too, since
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
    parseJson(request, body as string, (error, parsed) => {
      // Scanned only once the text parsed: a malformed body keeps the parser's own message.
      const duplicate = error ? null : findDuplicateJsonKey(body as string);
      if (duplicate) {
        const message = `请求内容中的键“${duplicate.key}”出现了两次`;
        done(new AppError('VALIDATION_FAILED', message, [{ path: duplicate.path, message }]), undefined);
        return;
      }
      done(error, parsed);
    });
  });
}
