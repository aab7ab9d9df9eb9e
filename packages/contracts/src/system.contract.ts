import { Health } from './auth.contract';
import { endpoint } from './endpoint';

/** The system module's endpoints (the server registers them, the client calls them). */
export const systemEndpoints = {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    summary: '健康检查',
    tag: 'system',
    response: Health,
  }),
} as const;
