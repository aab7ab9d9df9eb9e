import {
  CarryOutOutlined,
  EditOutlined,
  FieldTimeOutlined,
  FundProjectionScreenOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppPage } from '../page-types';

/** The pages of the menu group 计划与月报, in menu order. */
export const planReportPages: AppPage[] = [
  {
    path: '/plans',
    group: 'plansReports',
    label: 'plans',
    icon: <FundProjectionScreenOutlined />,
    permission: 'project.read',
    Component: lazy(() => import('../../features/plans/AnnualPlansPage')),
  },
  {
    path: '/reports/fill',
    group: 'plansReports',
    label: 'reportFill',
    icon: <EditOutlined />,
    permission: 'report.submit',
    Component: lazy(() => import('../../features/reports/ReportFormPage')),
  },
  {
    path: '/reports/review',
    group: 'plansReports',
    label: 'reportReview',
    icon: <CarryOutOutlined />,
    permission: 'report.review',
    Component: lazy(() => import('../../features/reports/ReviewQueuePage')),
  },
  {
    path: '/reports/status',
    group: 'plansReports',
    label: 'reportStatus',
    icon: <ProfileOutlined />,
    permission: 'report.review',
    Component: lazy(() => import('../../features/reports/StatusBoardPage')),
  },
  {
    path: '/reports/calendar',
    group: 'plansReports',
    label: 'reportingCalendar',
    icon: <FieldTimeOutlined />,
    permission: 'reportingCalendar.manage',
    Component: lazy(() => import('../../features/reports/ReportingCalendarPage')),
  },
];
