import { AuditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppPage } from '../page-types';

/** The pages of the menu group 系统, in menu order. */
export const systemPages: AppPage[] = [
  {
    path: '/security-policy',
    group: 'system',
    label: 'securityPolicy',
    icon: <SafetyCertificateOutlined />,
    permission: 'securityPolicy.read',
    Component: lazy(() => import('../../features/security/SecurityPolicyPage')),
  },
  {
    path: '/audit',
    group: 'system',
    label: 'audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    Component: lazy(() => import('../../features/audit/AuditPage')),
  },
];
