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
