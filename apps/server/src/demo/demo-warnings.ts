import { chinaDate } from '@tuijin/domain';
import type { Ctx } from '../context';
import { createWarningDraft, publishWarningDraft, recomputeWarnings } from '../modules/warnings';

/**
 * The demo jurisdiction's warnings: 宁德市 publishes the Yinchuan preset (银川红黄绿灯) as version 1,
 * and the monthly job computes every demo month of this year up to last month, so the warnings
 * pages, the project list and the project page show real colours. Runs after the demo reports.
 */
export async function loadDemoWarnings(ctx: Ctx): Promise<{ months: number }> {
  const draft = await createWarningDraft(ctx, { regionCode: '350900', preset: 'yinchuan' });
  await publishWarningDraft(ctx, draft.id, draft.version);
  const today = chinaDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  for (let month = 1; month < thisMonth; month += 1)
    await recomputeWarnings(ctx, { period: { year, month } });
  return { months: thisMonth - 1 };
}
