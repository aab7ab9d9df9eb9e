import { GlobalOutlined, HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppPage } from '../page-types';

/** The pages outside the menu groups: 首页 on top, and the basemap settings (opened from 挂图作战). */
export const homePages: AppPage[] = [
  {
    path: '/',
    label: 'home',
    icon: <HomeOutlined />,
    Component: lazy(() => import('../../features/home/HomePage')),
  },
  {
    path: '/settings/basemap',
    label: 'basemap',
    icon: <GlobalOutlined />,
    permission: 'settings.manage',
    Component: lazy(() => import('../../features/map/BasemapSettingsPage')),
  },
];
