import { ApiError, createClient } from '@tuijin/contracts';

/** The one API client of the web app: same-origin `/api`, session cookie sent automatically. */
export const api = createClient();

export { ApiError };

/** True when the error is an API answer carrying the given code. */
export const hasCode = (error: unknown, code: string): error is ApiError =>
  error instanceof ApiError && error.code === code;

/**
 * A fresh idempotency key for one submit. `crypto.randomUUID` exists only in secure contexts, and
 * intranet deployments often serve plain HTTP, so fall back to a v4 UUID from `getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
