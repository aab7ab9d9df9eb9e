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
  ControlOutlined,
  DashboardOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  HomeOutlined,
  HourglassOutlined,
  IssuesCloseOutlined,
  KeyOutlined,
  NodeIndexOutlined,
  OrderedListOutlined,
  PartitionOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Permission } from '@tuijin/domain';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { zhCN } from '../i18n/zh-CN';

/** The side menu's groups, in menu order; a page without a group (首页) stands above them. */
export const menuGroups = [
  'projects',
  'plansReports',
  'problems',
  'analysis',
  'settings',
  'system',
  'account',
] as const;
export type MenuGroup = (typeof menuGroups)[number];

/**
 * One entry per page behind the login: its address, menu label, group and icon, and the permission
 * it needs. The router and the side menu are both built from this array, so a page and its menu
 * item cannot disagree; add a feature by adding an entry.
 */
export interface AppPage {
  path: string;
  label: keyof typeof zhCN.menu;
  /** The menu group it is listed under (none: on top, like 首页). */
  group?: MenuGroup;
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
    group: 'analysis',
    label: 'cockpit',
    icon: <DashboardOutlined />,
    permission: 'cockpit.read',
    Component: lazy(() => import('../features/cockpit/CockpitPage')),
  },
  {
    path: '/map',
    group: 'analysis',
    label: 'map',
    icon: <EnvironmentOutlined />,
    permission: 'project.read',
    Component: lazy(() => import('../features/map/MapPage')),
  },
  {
    path: '/warnings',
    group: 'analysis',
    label: 'warnings',
    icon: <WarningOutlined />,
    permission: 'warning.read',
    Component: lazy(() => import('../features/warnings/WarningsPage')),
  },
  {
    path: '/evaluation',
    group: 'analysis',
    label: 'evaluation',
    icon: <TrophyOutlined />,
    permission: 'evaluation.read',
    Component: lazy(() => import('../features/evaluation/EvaluationPage')),
  },
  {
    path: '/approvals/statistics',
    group: 'analysis',
    label: 'approvalStatistics',
    icon: <HourglassOutlined />,
    permission: 'approval.read',
    Component: lazy(() => import('../features/approvals/ApprovalStatisticsPage')),
  },
  {
    path: '/projects',
    group: 'projects',
    label: 'projects',
    icon: <FolderOpenOutlined />,
    permission: 'project.read',
    Component: lazy(() => import('../features/projects/ProjectsPage')),
  },
  {
    path: '/ledger',
    group: 'projects',
    label: 'ledger',
    icon: <FileSearchOutlined />,
    permission: 'project.create',
    Component: lazy(() => import('../features/ledger/LedgerWorkspace')),
  },
  {
    path: '/projects/:id',
    group: 'projects',
    label: 'projects',
    icon: <FolderOpenOutlined />,
    permission: 'project.read',
    hideInMenu: true,
    Component: lazy(() => import('../features/projects/ProjectPage')),
  },
  {
    path: '/approvals',
    group: 'projects',
    label: 'approvals',
    icon: <FileDoneOutlined />,
    permission: 'approval.read',
    Component: lazy(() => import('../features/approvals/ApprovalsPage')),
  },
  {
    path: '/milestones',
    group: 'projects',
    label: 'milestones',
    icon: <NodeIndexOutlined />,
    permission: 'milestone.read',
    Component: lazy(() => import('../features/milestones/MilestonePortfolioPage')),
  },
  {
    path: '/plans',
    group: 'plansReports',
    label: 'plans',
    icon: <FundProjectionScreenOutlined />,
    permission: 'project.read',
    Component: lazy(() => import('../features/plans/AnnualPlansPage')),
  },
  {
    path: '/reports/fill',
    group: 'plansReports',
    label: 'reportFill',
    icon: <EditOutlined />,
    permission: 'report.submit',
    Component: lazy(() => import('../features/reports/ReportFormPage')),
  },
  {
    path: '/reports/review',
    group: 'plansReports',
    label: 'reportReview',
    icon: <CarryOutOutlined />,
    permission: 'report.review',
    Component: lazy(() => import('../features/reports/ReviewQueuePage')),
  },
  {
    path: '/reports/status',
    group: 'plansReports',
    label: 'reportStatus',
    icon: <ProfileOutlined />,
    permission: 'report.review',
    Component: lazy(() => import('../features/reports/StatusBoardPage')),
  },
  {
    path: '/reports/calendar',
    group: 'plansReports',
    label: 'reportingCalendar',
    icon: <FieldTimeOutlined />,
    permission: 'reportingCalendar.manage',
    Component: lazy(() => import('../features/reports/ReportingCalendarPage')),
  },
  {
    path: '/problems',
    group: 'problems',
    label: 'problems',
    icon: <IssuesCloseOutlined />,
    permission: 'problem.read',
    Component: lazy(() => import('../features/problems/ProblemsPage')),
  },
  {
    path: '/problems/:id',
    group: 'problems',
    label: 'problems',
    icon: <IssuesCloseOutlined />,
    permission: 'problem.read',
    hideInMenu: true,
    Component: lazy(() => import('../features/problems/ProblemDetailPage')),
  },
  {
    path: '/problems/board',
    group: 'problems',
    label: 'problemBoard',
    icon: <TableOutlined />,
    permission: 'problem.route',
    Component: lazy(() => import('../features/problems/ProblemBoardPage')),
  },
  {
    path: '/problems/overdue',
    group: 'problems',
    label: 'problemsOverdue',
    icon: <ClockCircleOutlined />,
    permission: 'problem.read',
    Component: lazy(() => import('../features/problems/OverdueProblemsPage')),
  },
  {
    path: '/problems/statistics',
    group: 'problems',
    label: 'problemStatistics',
    icon: <BarChartOutlined />,
    permission: 'cockpit.read',
    Component: lazy(() => import('../features/problems/ProblemStatisticsPage')),
  },
  {
    path: '/problems/hotline',
    group: 'problems',
    label: 'hotline',
    icon: <PhoneOutlined />,
    permission: 'problem.route',
    Component: lazy(() => import('../features/problems/HotlinePage')),
  },
  {
    path: '/problems/classes/:id',
    group: 'problems',
    label: 'problemClass',
    icon: <ApartmentOutlined />,
    permission: 'problem.read',
    hideInMenu: true,
    Component: lazy(() => import('../features/problems/ProblemClassPage')),
  },
  {
    path: '/problems/settings',
    group: 'problems',
    label: 'problemSettings',
    icon: <SettingOutlined />,
    permission: 'escalationLadder.manage',
    Component: lazy(() => import('../features/problems/ProblemSettingsPage')),
  },
  {
    path: '/batches',
    group: 'projects',
    label: 'batches',
    icon: <OrderedListOutlined />,
    permission: 'batch.manage',
    Component: lazy(() => import('../features/batches/BatchesPage')),
  },
  {
    path: '/dictionaries',
    group: 'settings',
    label: 'dictionaries',
    icon: <BookOutlined />,
    permission: 'dictionary.manage',
    Component: lazy(() => import('../features/dictionaries/DictionariesPage')),
  },
  {
    path: '/approvals/catalogue',
    group: 'settings',
    label: 'approvalCatalogue',
    icon: <SolutionOutlined />,
    permission: 'approvalCatalogue.manage',
    Component: lazy(() => import('../features/approvals/ApprovalCataloguePage')),
  },
  {
    path: '/milestones/templates',
    group: 'settings',
    label: 'milestoneTemplates',
    icon: <PartitionOutlined />,
    permission: 'milestoneTemplate.manage',
    Component: lazy(() => import('../features/milestones/MilestoneTemplatesPage')),
  },
  {
    path: '/regions',
    group: 'settings',
    label: 'regions',
    icon: <ApartmentOutlined />,
    permission: 'region.read',
    Component: lazy(() => import('../features/regions/RegionsPage')),
  },
  {
    path: '/calendar',
    group: 'settings',
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
    path: '/jobs',
    group: 'settings',
    label: 'jobs',
    icon: <ControlOutlined />,
    permission: 'settings.manage',
    Component: lazy(() => import('../features/jobs/JobsPage')),
  },
  {
    path: '/notification-channels',
    group: 'settings',
    label: 'notificationChannels',
    icon: <BellOutlined />,
    permission: 'notificationChannel.manage',
    Component: lazy(() => import('../features/notifications/NotificationChannelsPage')),
  },
  {
    path: '/organisations',
    group: 'settings',
    label: 'organisations',
    icon: <BankOutlined />,
    permission: 'organisation.read',
    Component: lazy(() => import('../features/organisations/OrganisationsPage')),
  },
  {
    path: '/users',
    group: 'settings',
    label: 'users',
    icon: <TeamOutlined />,
    permission: 'user.read',
    Component: lazy(() => import('../features/users/UsersPage')),
  },
  {
    path: '/security-policy',
    group: 'system',
    label: 'securityPolicy',
    icon: <SafetyCertificateOutlined />,
    permission: 'securityPolicy.read',
    Component: lazy(() => import('../features/security/SecurityPolicyPage')),
  },
  {
    path: '/audit',
    group: 'system',
    label: 'audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    Component: lazy(() => import('../features/audit/AuditPage')),
  },
  {
    path: '/password',
    group: 'account',
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
