import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashed build output: the name changes with the content, so a browser may keep it for a year. */
export const immutableCaching = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all): revalidate on every load so a new build shows at once. */
export const revalidateCaching = 'no-cache';

/** Whether a served file is one of the build's hashed assets (`assets/name-hash.js`, its .br/.gz). */
const isHashedAsset = (path: string) => path.includes(`${sep}assets${sep}`) || path.includes('/assets/');

/**
 * Serves the built web app (apps/web/dist) when it is there: files compressed at build time
 * (`name.br`, `name.gz` written by scripts/build-web.mjs) go to clients that accept them with
 * `Content-Encoding` and `Vary: Accept-Encoding`, hashed assets are cached as immutable, and every
 * other GET outside /api answers index.html (no-cache) for the client-side router. Answers whether
 * the web app is served.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string | null | undefined) {
  const root = webDist && existsSync(join(webDist, 'index.html')) ? webDist : null;
  if (root)
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: 'index.html',
      preCompressed: true,
      setHeaders: (reply, path) => {
        reply.header('cache-control', isHashedAsset(path) ? immutableCaching : revalidateCaching);
      },
    });
  app.setNotFoundHandler((request, reply) => {
    if (root && request.method === 'GET' && !request.url.startsWith('/api'))
      return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
  });
  return root !== null;
}
