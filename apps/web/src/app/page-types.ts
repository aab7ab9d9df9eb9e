import type { Permission, Role } from '@tuijin/domain';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
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
  /**
   * Listed in the menu only for holders of this role (a page about the reader's own part, like 我的调度);
   * access still rests on `permission` alone.
   */
  menuForRole?: Role;
  /** Pages reached from another page (details) rather than from the menu. */
  hideInMenu?: boolean;
  Component: LazyExoticComponent<ComponentType>;
}
