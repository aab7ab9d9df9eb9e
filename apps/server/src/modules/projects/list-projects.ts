import type { ProjectQuery } from '@tuijin/contracts';
import type { Ctx } from '../../context';
import { amount, presentProjectListItem } from './projects.presenter';
import { findProjects } from './projects.queries';

/**
 * Every project matching the query (all pages), in the shape of `GET /api/projects`: for the CLI
 * and other whole-list consumers.
 */
export async function listProjects(ctx: Ctx, query: ProjectQuery) {
  const data = [];
  let totals = { count: 0, totalInvestmentWanYuan: '0' };
  for (let page = 1; ; page++) {
    const result = await findProjects(ctx.db, ctx.actor, { ...query, page }, ctx.clock.now());
    totals = { count: result.count, totalInvestmentWanYuan: amount(result.totalInvestmentWanYuan) };
    data.push(...result.rows.map(presentProjectListItem));
    if (result.rows.length < query.pageSize || data.length >= result.count) break;
  }
  return { data, page: { total: totals.count, page: 1, pageSize: data.length }, totals };
}
