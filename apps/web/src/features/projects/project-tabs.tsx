import type { Project } from '@tuijin/contracts';
import type { ComponentType } from 'react';
import type { zhCN } from '../../i18n/zh-CN';
import { ProjectApprovalsTab } from '../approvals/ProjectApprovalsTab';
import { ProjectEventsTab } from '../campaigns/ProjectEventsTab';
import { ProjectFactorsTab } from '../factors/ProjectFactorsTab';
import { ProjectFundsTab } from '../funds/ProjectFundsTab';
import { ProjectInspectionsTab } from '../inspections/ProjectInspectionsTab';
import { ProjectLettersTab } from '../letters/ProjectLettersTab';
import { ProjectMilestonesTab } from '../milestones/ProjectMilestonesTab';
import { ProjectPlansTab } from '../plans/ProjectPlansTab';
import { ProjectProblemsTab } from '../problems/ProjectProblemsTab';
import { ProjectReportsTab } from '../reports/ProjectReportsTab';
import { ProjectResumptionTab } from '../resumption/ProjectResumptionTab';
import { ProjectServicePlanTab } from '../service-plans/ProjectServicePlanTab';
import { ProjectPhotosTab } from '../site-photos/ProjectPhotosTab';
import { ProjectWorkforceTab } from '../workforce/ProjectWorkforceTab';
import { ProjectBatchesTab } from './ProjectBatchesTab';
import { ProjectCommentsTab } from './ProjectCommentsTab';
import { ProjectFilesTab } from './ProjectFilesTab';
import { ProjectHistoryTab } from './ProjectHistoryTab';
import { ProjectOverviewTab } from './ProjectOverviewTab';
import { ProjectResponsibilitiesTab } from './ProjectResponsibilitiesTab';
import { ProjectStagesTab } from './ProjectStagesTab';

/**
 * One tab of the project page (一项一档). The page renders this array in order, so a later module
 * (plans and reports, problems, approvals, milestones) adds its tab by adding one entry here.
 */
export interface ProjectTab {
  /** Also the `?tab=` value in the address. */
  key: string;
  label: keyof typeof zhCN.projectTabs;
  Component: ComponentType<{ project: Project }>;
  /** Shown only when this answers true (absent: always shown to whoever can open the project). */
  isVisible?: (project: Project) => boolean;
}

export const projectTabs: ProjectTab[] = [
  { key: 'overview', label: 'overview', Component: ProjectOverviewTab },
  { key: 'responsibilities', label: 'responsibilities', Component: ProjectResponsibilitiesTab },
  { key: 'stages', label: 'stages', Component: ProjectStagesTab },
  { key: 'approvals', label: 'approvals', Component: ProjectApprovalsTab },
  { key: 'milestones', label: 'milestones', Component: ProjectMilestonesTab },
  { key: 'files', label: 'files', Component: ProjectFilesTab },
  { key: 'comments', label: 'comments', Component: ProjectCommentsTab },
  { key: 'batches', label: 'batches', Component: ProjectBatchesTab },
  { key: 'plans', label: 'plans', Component: ProjectPlansTab },
  { key: 'reports', label: 'reports', Component: ProjectReportsTab },
  { key: 'photos', label: 'photos', Component: ProjectPhotosTab },
  { key: 'problems', label: 'problems', Component: ProjectProblemsTab },
  { key: 'letters', label: 'letters', Component: ProjectLettersTab },
  { key: 'stoppages', label: 'stoppages', Component: ProjectResumptionTab },
  { key: 'funds', label: 'funds', Component: ProjectFundsTab },
  { key: 'factors', label: 'factors', Component: ProjectFactorsTab },
  { key: 'servicePlan', label: 'servicePlan', Component: ProjectServicePlanTab },
  { key: 'workforce', label: 'workforce', Component: ProjectWorkforceTab },
  { key: 'inspections', label: 'inspections', Component: ProjectInspectionsTab },
  { key: 'events', label: 'events', Component: ProjectEventsTab },
  { key: 'history', label: 'history', Component: ProjectHistoryTab },
];
