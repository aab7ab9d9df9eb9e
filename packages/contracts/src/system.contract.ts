import { z } from 'zod';
import { Health } from './auth.contract';
import { endpoint } from './endpoint';

/**
 * Readiness for a load balancer: `ready` when this instance may take requests — its database
 * answers and accepts writes, every migration it ships is applied, and it is not shutting down.
 */
export const Readiness = z.object({
  status: z.enum(['ready', 'unavailable']),
  database: z.enum(['pglite', 'postgresql']),
  checks: z.object({
    /** `down`: no answer within the ping's limit; `readOnly`: a standby or a read-only transaction. */
    database: z.enum(['ok', 'down', 'readOnly']),
    /** `behind`: the database lacks a migration this instance ships (another instance is migrating). */
    migrations: z.enum(['current', 'behind', 'unknown']),
    /** The instance received SIGTERM and finishes what it is serving. */
    draining: z.boolean(),
  }),
});
export type Readiness = z.infer<typeof Readiness>;

/** The system module's endpoints (the server registers them, the client calls them). */
export const systemEndpoints = {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    summary: '存活检查（进程在服务，不查数据库）',
    tag: 'system',
    response: Health,
  }),
  ready: endpoint({
    method: 'GET',
    path: '/api/ready',
    summary: '就绪检查（数据库可写、迁移已是最新、未在停止）',
    tag: 'system',
    response: Readiness,
  }),
} as const;
