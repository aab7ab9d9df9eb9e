import { SecurityPolicy } from '@tuijin/domain';
import { z } from 'zod';
import { Version } from './common';
import { endpoint } from './endpoint';

export const SecurityPolicyView = SecurityPolicy.extend({ version: z.number().int() });
export type SecurityPolicyView = z.infer<typeof SecurityPolicyView>;

export const UpdateSecurityPolicy = SecurityPolicy.extend({ version: Version }).strict();
export type UpdateSecurityPolicy = z.infer<typeof UpdateSecurityPolicy>;

/** The security module's endpoints (the server registers them, the client calls them). */
export const securityEndpoints = {
  getSecurityPolicy: endpoint({
    method: 'GET',
    path: '/api/security-policy',
    summary: '安全策略',
    tag: 'security',
    response: SecurityPolicyView,
  }),
  updateSecurityPolicy: endpoint({
    method: 'PUT',
    path: '/api/security-policy',
    summary: '修改安全策略',
    tag: 'security',
    body: UpdateSecurityPolicy,
    response: SecurityPolicyView,
  }),
} as const;
