import { chinaDate, parseQuarter, systemActor } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { users } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import {
  addEvaluationAdjustment,
  computeEvaluation,
  createEvaluationScheme,
  publishEvaluation,
} from '../modules/evaluation';

const at = (time: Date) => ({ now: () => time });

/** The demo's bonuses, penalties and exemptions, by quarter number. */
const demoAdjustments = [
  { q: 1, entityCode: '350981', kind: 'bonus', points: '3', reason: '承办全市一季度重大项目集中开工活动' },
  { q: 2, entityCode: '350925', kind: 'penalty', points: '2', reason: '月报投资数据失实，被市重点办通报' },
  { q: 2, entityCode: '350902', kind: 'bonus', points: '2', reason: '承办全市二季度项目观摩活动' },
  {
    q: 3,
    entityCode: '350921',
    kind: 'exemption',
    points: null,
    reason: '台风正面登陆，沿海项目停工（不可抗力）',
  },
] as const;

/**
 * 宁德市's quarterly evaluation (赛马) of its counties and zone: the standard scheme, created by the
 * city office in January, the demo's bonuses/penalties/exemptions, and every quarter of the demo
 * year that has ended computed (as of three weeks after its end); all but the latest published.
 * A second scheme races the city's industry departments, computed for the latest ended quarter.
 */
export async function loadDemoEvaluation(ctx: Ctx): Promise<void> {
  const [row] = await actorSource(ctx.db).where(eq(users.username, 'ningde'));
  const actor = row ? toActor(row) : systemActor;
  const now = ctx.clock.now();
  const year = now.getUTCFullYear();
  const office = { ...ctx, actor };
  const schemeId = await createEvaluationScheme(
    { ...office, clock: at(new Date(Math.min(Date.UTC(year, 0, 5, 2), now.getTime()))) },
    {
      regionCode: '350900',
      name: `宁德市${year}年重点项目季度考评`,
      entityKind: 'region',
      preset: 'standard',
      rules: null,
    },
  );
  const today = chinaDate(now);
  const ended = [1, 2, 3, 4].map((q) => parseQuarter(`${year}Q${q}`)).filter((q) => q.endDate < today);
  for (const [index, quarter] of ended.entries()) {
    const asOf = new Date(
      Math.min(Date.parse(`${quarter.endDate}T02:00:00Z`) + 21 * 86_400_000, now.getTime()),
    );
    const quarterCtx = { ...office, clock: at(asOf) };
    for (const a of demoAdjustments.filter((d) => d.q === quarter.quarter))
      await addEvaluationAdjustment(quarterCtx, schemeId, {
        quarter: quarter.key,
        entityCode: a.entityCode,
        kind: a.kind,
        points: a.points,
        reason: a.reason,
        // The demo's ceremonies are laid later (on the days projects really started).
        campaignEventId: null,
      });
    await computeEvaluation(quarterCtx, schemeId, quarter.key);
    if (index < ended.length - 1) await publishEvaluation(quarterCtx, schemeId, quarter.key);
  }
  // The city's industry departments are raced too (行业部门赛马), on the latest ended quarter.
  const departmentsId = await createEvaluationScheme(
    { ...office, clock: at(new Date(Math.min(Date.UTC(year, 0, 5, 3), now.getTime()))) },
    {
      regionCode: '350900',
      name: `宁德市${year}年行业主管部门季度考评`,
      entityKind: 'department',
      preset: 'standard',
      rules: null,
    },
  );
  const latest = ended[ended.length - 1];
  if (latest) {
    const asOf = new Date(
      Math.min(Date.parse(`${latest.endDate}T02:00:00Z`) + 21 * 86_400_000, now.getTime()),
    );
    await computeEvaluation({ ...office, clock: at(asOf) }, departmentsId, latest.key);
  }
}
