import { hasUnsafeCharacters } from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';

/** Finds the first string holding a NUL byte or lone surrogate anywhere in a parsed body or query. */
export function findUnsafeString(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasUnsafeCharacters(value) ? path || '(body)' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnsafeString(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnsafeCharacters(key)) return path || '(body)';
      const found = findUnsafeString(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Rejects input carrying NUL bytes or lone surrogates — in the body, the query or a path parameter —
 * with a 400 naming the field (PostgreSQL would 500).
 */
export function guardInput(body: unknown, query: unknown, params: unknown = null): void {
  const found = findUnsafeString(body) ?? findUnsafeString(query) ?? findUnsafeString(params);
  if (found) {
    throw new AppError('VALIDATION_FAILED', `${found}: 包含不允许的控制字符或无效字符`, [
      { path: found, message: '包含不允许的控制字符或无效字符' },
    ]);
  }
}

/**
 * Refuses a query parameter the route does not declare with a 400 naming it and the ones it takes:
 * a misspelt filter (`?regoin=`) silently ignored would answer a wider list than the caller meant.
 * Routes that declare no keys (registered outside the contracts table) are not checked.
 */
export function refuseUnknownQuery(query: unknown, declared: readonly string[] | undefined): void {
  if (!declared || !query || typeof query !== 'object') return;
  const unknown = Object.keys(query).filter((key) => !declared.includes(key));
  if (unknown.length === 0) return;
  const accepted =
    declared.length > 0 ? `此接口接受的查询参数：${declared.join('、')}` : '此接口不接受查询参数';
  const message = `未知的查询参数：${unknown.join('、')}（${accepted}）`;
  throw new AppError(
    'VALIDATION_FAILED',
    message,
    unknown.map((key) => ({ path: `query.${key}`, message: `未知的查询参数（${accepted}）` })),
  );
}
