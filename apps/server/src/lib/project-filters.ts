import type { SizeBandKey } from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import { projects } from '../db/schema';
import { inSizeBand } from './size-band-sql';

/** The project filters the cockpit and the lists built on it share: tag, 项目分类, 新建/续建, 投资规模. */
export interface ProjectFilters {
  tag?: string | undefined;
  projectClass?: string | undefined;
  constructionType?: string | undefined;
  size?: SizeBandKey | undefined;
}

/**
 * The shared project filters over `projects` (tag, 项目分类, 新建/续建, 投资规模 by total investment), the
 * same terms the project list applies, so a filtered cockpit counts what the lists it links to show.
 */
export function projectFilterSql(filters: ProjectFilters): SQL {
  const terms: SQL[] = [];
  if (filters.tag) terms.push(sql`${filters.tag} = any(${projects.tags})`);
  if (filters.projectClass) terms.push(sql`${projects.projectClass} = ${filters.projectClass}`);
  if (filters.constructionType) terms.push(sql`${projects.constructionType} = ${filters.constructionType}`);
  if (filters.size) terms.push(inSizeBand(projects.totalInvestmentWanYuan, filters.size));
  return terms.length === 0 ? sql`true` : sql.join(terms, sql` and `);
}
