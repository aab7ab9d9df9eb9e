import { type AppPage, menuGroups } from './page-types';
import { accountPages } from './pages/account';
import { analysisPages } from './pages/analysis';
import { homePages } from './pages/home';
import { planReportPages } from './pages/plansReports';
import { problemPages } from './pages/problems';
import { projectPages } from './pages/projects';
import { settingsPages } from './pages/settings';
import { systemPages } from './pages/system';

export type { MenuGroup } from './page-types';
export { type AppPage, menuGroups };

/**
 * Every page behind the login, a file per menu group (`pages/`): the router and the side menu are
 * both built from this array, so a page and its menu item cannot disagree.
 */
export const appPages: AppPage[] = [
  ...homePages,
  ...analysisPages,
  ...projectPages,
  ...planReportPages,
  ...problemPages,
  ...settingsPages,
  ...systemPages,
  ...accountPages,
];

/** The page an address belongs to (its longest matching path), for the selected menu item. */
export function pageOf(pathname: string): AppPage | undefined {
  return [...appPages]
    .sort((a, b) => b.path.length - a.path.length)
    .find((page) => pathname === page.path || pathname.startsWith(page.path === '/' ? '/' : `${page.path}/`));
}
