import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  HomeOutlined,
  IssuesCloseOutlined,
  KeyOutlined,
  OrderedListOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Permission } from '@tuijin/domain';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { zhCN } from '../i18n/zh-CN';

/**
 * One entry per page behind the login: its address, menu label and icon, and the permission it
 * needs. The router and the side menu are both built from this array, so a page and its menu item
 * cannot disagree; add a feature by adding an entry.
 */
export interface AppPage {
  path: string;
  label: keyof typeof zhCN.menu;
  icon: ReactNode;
  /** Permission the page needs; absent means everyone signed in. */
  permission?: Permission;
  /** Pages reached from another page (details) rather than from the menu. */
  hideInMenu?: boolean;
  Component: LazyExoticComponent<ComponentType>;
}

export const appPages: AppPage[] = [
  {
    path: '/',
    label: 'home',
    icon: <HomeOutlined />,
    Component: lazy(() => import('../features/home/HomePage')),
  },
  {
    path: '/cockpit',
    label: 'cockpit',
    icon: <DashboardOutlined />,
    permission: 'cockpit.read',
    Component: lazy(() => import('../features/cockpit/CockpitPage')),
  },
  {
    path: '/map',
    label: 'map',
    icon: <EnvironmentOutlined />,
    permission: 'project.read',
    Component: lazy(() => import('../features/map/MapPage')),
  },
  {
    path: '/warnings',
    label: 'warnings',
    icon: <WarningOutlined />,
    permission: 'warning.read',
    Component: lazy(() => import('../features/warnings/WarningsPage')),
  },
  {
    path: '/evaluation',
    label: 'evaluation',
    icon: <TrophyOutlined />,
    permission: 'evaluation.read',
    Component: lazy(() => import('../features/evaluation/EvaluationPage')),
  },
  {
    path: '/projects',
    label: 'projects',
    icon: <FolderOpenOutlined />,
    permission: 'project.read',
    Component: lazy(() => import('../features/projects/ProjectsPage')),
  },
  {
    path: '/ledger',
    label: 'ledger',
    icon: <FileSearchOutlined />,
    permission: 'project.create',
    Component: lazy(() => import('../features/ledger/LedgerWorkspace')),
  },
  {
    path: '/projects/:id',
    label: 'projects',
    icon: <FolderOpenOutlined />,
    permission: 'project.read',
    hideInMenu: true,
    Component: lazy(() => import('../features/projects/ProjectPage')),
  },
  {
    path: '/plans',
    label: 'plans',
    icon: <FundProjectionScreenOutlined />,
    permission: 'project.read',
    Component: lazy(() => import('../features/plans/AnnualPlansPage')),
  },
  {
    path: '/reports/fill',
    label: 'reportFill',
    icon: <EditOutlined />,
    permission: 'report.submit',
    Component: lazy(() => import('../features/reports/ReportFormPage')),
  },
  {
    path: '/reports/review',
    label: 'reportReview',
    icon: <CarryOutOutlined />,
    permission: 'report.review',
    Component: lazy(() => import('../features/reports/ReviewQueuePage')),
  },
  {
    path: '/reports/status',
    label: 'reportStatus',
    icon: <ProfileOutlined />,
    permission: 'report.review',
    Component: lazy(() => import('../features/reports/StatusBoardPage')),
  },
  {
    path: '/reports/calendar',
    label: 'reportingCalendar',
    icon: <FieldTimeOutlined />,
    permission: 'reportingCalendar.manage',
    Component: lazy(() => import('../features/reports/ReportingCalendarPage')),
  },
  {
    path: '/problems',
    label: 'problems',
    icon: <IssuesCloseOutlined />,
    permission: 'problem.read',
    Component: lazy(() => import('../features/problems/ProblemsPage')),
  },
  {
    path: '/problems/:id',
    label: 'problems',
    icon: <IssuesCloseOutlined />,
    permission: 'problem.read',
    hideInMenu: true,
    Component: lazy(() => import('../features/problems/ProblemDetailPage')),
  },
  {
    path: '/problems/board',
    label: 'problemBoard',
    icon: <TableOutlined />,
    permission: 'problem.route',
    Component: lazy(() => import('../features/problems/ProblemBoardPage')),
  },
  {
    path: '/problems/overdue',
    label: 'problemsOverdue',
    icon: <ClockCircleOutlined />,
    permission: 'problem.read',
    Component: lazy(() => import('../features/problems/OverdueProblemsPage')),
  },
  {
    path: '/problems/statistics',
    label: 'problemStatistics',
    icon: <BarChartOutlined />,
    permission: 'cockpit.read',
    Component: lazy(() => import('../features/problems/ProblemStatisticsPage')),
  },
  {
    path: '/problems/hotline',
    label: 'hotline',
    icon: <PhoneOutlined />,
    permission: 'problem.route',
    Component: lazy(() => import('../features/problems/HotlinePage')),
  },
  {
    path: '/problems/classes/:id',
    label: 'problemClass',
    icon: <ApartmentOutlined />,
    permission: 'problem.read',
    hideInMenu: true,
    Component: lazy(() => import('../features/problems/ProblemClassPage')),
  },
  {
    path: '/problems/settings',
    label: 'problemSettings',
    icon: <SettingOutlined />,
    permission: 'escalationLadder.manage',
    Component: lazy(() => import('../features/problems/ProblemSettingsPage')),
  },
  {
    path: '/batches',
    label: 'batches',
    icon: <OrderedListOutlined />,
    permission: 'batch.manage',
    Component: lazy(() => import('../features/batches/BatchesPage')),
  },
  {
    path: '/dictionaries',
    label: 'dictionaries',
    icon: <BookOutlined />,
    permission: 'dictionary.manage',
    Component: lazy(() => import('../features/dictionaries/DictionariesPage')),
  },
  {
    path: '/regions',
    label: 'regions',
    icon: <ApartmentOutlined />,
    permission: 'region.read',
    Component: lazy(() => import('../features/regions/RegionsPage')),
  },
  {
    path: '/calendar',
    label: 'calendar',
    icon: <CalendarOutlined />,
    permission: 'calendar.manage',
    Component: lazy(() => import('../features/calendar/CalendarPage')),
  },
  {
    path: '/settings/basemap',
    label: 'basemap',
    icon: <GlobalOutlined />,
    permission: 'settings.manage',
    Component: lazy(() => import('../features/map/BasemapSettingsPage')),
  },
  {
    path: '/notification-channels',
    label: 'notificationChannels',
    icon: <BellOutlined />,
    permission: 'notificationChannel.manage',
    Component: lazy(() => import('../features/notifications/NotificationChannelsPage')),
  },
  {
    path: '/organisations',
    label: 'organisations',
    icon: <BankOutlined />,
    permission: 'organisation.read',
    Component: lazy(() => import('../features/organisations/OrganisationsPage')),
  },
  {
    path: '/users',
    label: 'users',
    icon: <TeamOutlined />,
    permission: 'user.read',
    Component: lazy(() => import('../features/users/UsersPage')),
  },
  {
    path: '/security-policy',
    label: 'securityPolicy',
    icon: <SafetyCertificateOutlined />,
    permission: 'securityPolicy.read',
    Component: lazy(() => import('../features/security/SecurityPolicyPage')),
  },
  {
    path: '/audit',
    label: 'audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    Component: lazy(() => import('../features/audit/AuditPage')),
  },
  {
    path: '/password',
    label: 'password',
    icon: <KeyOutlined />,
    Component: lazy(() => import('../features/auth/ChangePasswordPage')),
  },
];

/** The page an address belongs to (its longest matching path), for the selected menu item. */
export function pageOf(pathname: string): AppPage | undefined {
  return [...appPages]
    .sort((a, b) => b.path.length - a.path.length)
    .find((page) => pathname === page.path || pathname.startsWith(page.path === '/' ? '/' : `${page.path}/`));
}
