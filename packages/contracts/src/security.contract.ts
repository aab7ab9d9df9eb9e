import { SecurityPolicy } from '@tuijin/domain';
import { z } from 'zod';
import { Version } from './common';

export const SecurityPolicyView = SecurityPolicy.extend({ version: z.number().int() });
export type SecurityPolicyView = z.infer<typeof SecurityPolicyView>;

export const UpdateSecurityPolicy = SecurityPolicy.extend({ version: Version }).strict();
export type UpdateSecurityPolicy = z.infer<typeof UpdateSecurityPolicy>;
