import { AppError } from '@tuijin/domain';
import type { FastifyRequest } from 'fastify';

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for cookie sessions: a state-changing request from a browser must come from this
 * origin (or one listed in `allowedOrigins`). Browsers send `Origin` on such requests and
 * `Sec-Fetch-Site` too; clients that send neither (the CLI, scripts) are not browsers and hold no
 * victim's cookie. SameSite=Lax cookies are the second line.
 */
export function checkSameOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): void {
  if (!mutating.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin) {
    const own = `${request.protocol}://${request.host}`;
    if (origin === own || allowedOrigins.includes(origin)) return;
    throw new AppError('FORBIDDEN', '跨站请求被拒绝');
  }
  const site = request.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') throw new AppError('FORBIDDEN', '跨站请求被拒绝');
}
