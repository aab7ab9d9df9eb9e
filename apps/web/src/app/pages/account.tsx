import { KeyOutlined, SafetyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppPage } from '../page-types';

/** The pages of the menu group 个人, in menu order. */
export const accountPages: AppPage[] = [
  {
    path: '/password',
    group: 'account',
    label: 'password',
    icon: <KeyOutlined />,
    Component: lazy(() => import('../../features/auth/ChangePasswordPage')),
  },
  {
    path: '/two-factor',
    group: 'account',
    label: 'twoFactor',
    icon: <SafetyOutlined />,
    Component: lazy(() => import('../../features/auth/TwoFactorPage')),
  },
];
