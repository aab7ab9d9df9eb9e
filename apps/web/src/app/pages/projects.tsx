import {
  FileDoneOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  NodeIndexOutlined,
  OrderedListOutlined,
  ReconciliationOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppPage } from '../page-types';

/** The pages of the menu group 项目 (the library, ledgers, approvals, resumption, milestones, batches), in menu order. */
export const projectPages: AppPage[] = [
  {
    path: '/projects',
    group: 'projects',
    label: 'projects',
    icon: <FolderOpenOutlined />,
    permission: 'project.read',
    Component: lazy(() => import('../../features/projects/ProjectsPage')),
  },
  {
    path: '/ledger',
    group: 'projects',
    label: 'ledger',
    icon: <FileSearchOutlined />,
    permission: 'project.create',
    Component: lazy(() => import('../../features/ledger/LedgerWorkspace')),
  },
  {
    path: '/projects/:id',
    group: 'projects',
    label: 'projects',
    icon: <FolderOpenOutlined />,
    permission: 'project.read',
    hideInMenu: true,
    Component: lazy(() => import('../../features/projects/ProjectPage')),
  },
  {
    path: '/approvals/import',
    group: 'projects',
    label: 'approvals',
    icon: <FileDoneOutlined />,
    permission: 'approval.manage',
    hideInMenu: true,
    Component: lazy(() => import('../../features/approvals/ApprovalImportPage')),
  },
  {
    path: '/approvals',
    group: 'projects',
    label: 'approvals',
    icon: <FileDoneOutlined />,
    permission: 'approval.read',
    Component: lazy(() => import('../../features/approvals/ApprovalsPage')),
  },
  {
    path: '/resumption',
    group: 'projects',
    label: 'resumption',
    icon: <ReconciliationOutlined />,
    permission: 'resumption.read',
    Component: lazy(() => import('../../features/resumption/ResumptionPage')),
  },
  {
    path: '/whitelist',
    group: 'projects',
    label: 'whitelist',
    icon: <SafetyOutlined />,
    permission: 'whitelist.read',
    Component: lazy(() => import('../../features/resumption/WhitelistPage')),
  },
  {
    path: '/milestones',
    group: 'projects',
    label: 'milestones',
    icon: <NodeIndexOutlined />,
    permission: 'milestone.read',
    Component: lazy(() => import('../../features/milestones/MilestonePortfolioPage')),
  },
  {
    path: '/batches',
    group: 'projects',
    label: 'batches',
    icon: <OrderedListOutlined />,
    permission: 'batch.manage',
    Component: lazy(() => import('../../features/batches/BatchesPage')),
  },
];
