import type {
  CockpitProgrammeFigure,
  CockpitProgrammeFormula,
  CockpitProgrammeKey,
  CockpitProgrammePart,
  CockpitProgrammes,
  CockpitProgrammesQuery,
} from '@tuijin/contracts';
import {
  authorize,
  chinaDate,
  cockpitProgrammeAsOf,
  cockpitProgrammePartsFor,
  type Ratio,
  ratio,
  resumptionRate,
} from '@tuijin/domain';
import type { Ctx } from '../../context';
import { projectScope } from '../../lib/project-scope';
import { bankMatchmakingOverview } from '../bank-matchmaking';
import { campaignFiguresIn } from '../campaigns';
import { factorBoardOf, factorQuotaView } from '../factors';
import { fundOverview } from '../funds';
import { promotionOverview } from '../promotion';
import { resumptionCountIn, whitelistCountsIn } from '../resumption';
import { workforceDayFigures } from '../workforce';
import { resolveCockpitRegion } from './cockpit-regions';

type Unit = CockpitProgrammeFigure['unit'];

const rate = (key: CockpitProgrammeKey, formula: CockpitProgrammeFormula, unit: Unit, r: Ratio) => ({
  key,
  formula,
  unit,
  numerator: r.numerator,
  denominator: r.denominator,
  percent: r.percent,
  value: null,
});
const value = (
  key: CockpitProgrammeKey,
  formula: CockpitProgrammeFormula,
  unit: Unit,
  v: string | number,
) => ({
  key,
  formula,
  unit,
  numerator: null,
  denominator: null,
  percent: null,
  value: String(v),
});

/** Where the figures are taken: the region and year chosen, the day they count up to. */
interface Place {
  regionCode: string;
  regionPath: string;
  year: number;
  asOf: string;
}

/**
 * Each part from its module's public face, over the region's subtree and the year: the figures
 * that module's own page shows for the same region and year.
 */
const partFigures: Record<CockpitProgrammePart, (ctx: Ctx, at: Place) => Promise<CockpitProgrammeFigure[]>> =
  {
    async whitelist(ctx, at) {
      const counts = await whitelistCountsIn(ctx, at);
      return [
        value('whitelistProvincial', 'whitelistCount', 'count', counts.provincial),
        value('whitelistCity', 'whitelistCount', 'count', counts.city),
      ];
    },
    async resumption(ctx, at) {
      const count = await resumptionCountIn(ctx, { ...at, from: `${at.year}-01-01` });
      return [
        rate(
          'resumptionRate',
          'resumptionRate',
          'count',
          resumptionRate({ resumed: count.resumed, toResume: count.due }),
        ),
      ];
    },
    async workforce(ctx, at) {
      // The day counted, over the projects the reader may open: what /workforce shows on that day.
      const { total } = await workforceDayFigures(ctx.db, at.regionPath, at.asOf, projectScope(ctx.actor));
      return [
        value('workersOnSite', 'workersOnSite', 'people', total.onSite),
        value('workersInObservation', 'workersInObservation', 'people', total.inObservation),
        value('workersAbnormal', 'workersAbnormal', 'people', total.abnormal),
      ];
    },
    async funds(ctx, at) {
      const query = { regionCode: at.regionCode, year: at.year };
      const [bonds, budget, all] = await Promise.all([
        fundOverview(ctx, { ...query, kind: 'specialBond' }),
        fundOverview(ctx, { ...query, kind: 'centralBudget' }),
        fundOverview(ctx, query),
      ]);
      return [
        rate('specialBondStartRate', 'fundStartRate', 'count', bonds.totals.startRate),
        rate('specialBondPaymentRate', 'fundPaymentRate', 'wanYuan', bonds.totals.disbursementRate),
        rate('centralBudgetStartRate', 'fundStartRate', 'count', budget.totals.startRate),
        rate('centralBudgetPaymentRate', 'fundPaymentRate', 'wanYuan', budget.totals.disbursementRate),
        value('idleFunds', 'idleFunds', 'wanYuan', all.totals.idleWanYuan),
      ];
    },
    async factors(ctx, at) {
      const [board, quotas] = await Promise.all([
        factorBoardOf(ctx, { regionCode: at.regionCode }),
        factorQuotaView(ctx, { regionCode: at.regionCode, year: at.year }),
      ]);
      const unstarted = (kind: 'land' | 'energy') =>
        quotas.kinds.find((k) => k.kind === kind)?.unstarted ?? '0';
      return [
        rate('factorDemandsMet', 'factorDemandsMet', 'count', ratio(board.totals.met, board.totals.total)),
        value('factorDemandsOverdue', 'factorDemandsOverdue', 'count', board.totals.overdue),
        value('landQuotaUnstarted', 'quotaUnstarted', 'mu', unstarted('land')),
        value('energyQuotaUnstarted', 'quotaUnstarted', 'tce', unstarted('energy')),
      ];
    },
    async promotion(ctx, at) {
      const overview = await promotionOverview(ctx, { regionCode: at.regionCode, year: at.year });
      return [rate('signedToStarted', 'signedToStarted', 'count', overview.conversion)];
    },
    async bankMatchmaking(ctx, at) {
      const overview = await bankMatchmakingOverview(ctx, { regionCode: at.regionCode, year: at.year });
      return [
        value('bankCreditSigned', 'bankCreditSigned', 'wanYuan', overview.totals.creditSignedWanYuan),
        value('bankProjectsPushed', 'bankProjectsPushed', 'count', overview.totals.projectsPushed),
      ];
    },
    async campaigns(ctx, at) {
      const figures = await campaignFiguresIn(ctx, at);
      return [
        value('campaignEvents', 'campaignEvents', 'count', figures.events),
        value('campaignProjects', 'campaignProjects', 'count', figures.distinctProjects),
        value('campaignInvestment', 'campaignInvestment', 'wanYuan', figures.investmentWanYuan),
      ];
    },
  };

/**
 * 专项工作 in the cockpit (issue 16 item 11): for the chosen region (default the actor's own; out of
 * the jurisdiction NOT_FOUND) and year, each programme's figures from its module's public face —
 * 四保白名单 and 复工率 (resumption), workers on site, in observation and abnormal on the day
 * (workforce), 开工率 / 支付率 / 闲置资金 (funds), demands met and overdue and
 * quota on unstarted projects (factors), 签约转开工 (promotion), credit signed and projects pushed
 * (bank matchmaking), events, projects and investment (campaigns). A part whose module the actor
 * may not read is left out (`cockpitProgrammePartsFor`), never refused. Figures count up to
 * 31 December of a past year, else today.
 */
export async function getCockpitProgrammes(
  ctx: Ctx,
  query: CockpitProgrammesQuery,
): Promise<CockpitProgrammes> {
  authorize(ctx.actor, 'cockpit.read');
  const { region } = await resolveCockpitRegion(ctx.db, ctx.actor, query.region);
  const at: Place = {
    regionCode: region.code,
    regionPath: region.path,
    year: query.year,
    asOf: cockpitProgrammeAsOf(query.year, chinaDate(ctx.clock.now())),
  };
  const parts = await Promise.all(
    cockpitProgrammePartsFor(ctx.actor).map(async (part) => ({
      part,
      figures: await partFigures[part](ctx, at),
    })),
  );
  return {
    year: query.year,
    asOf: at.asOf,
    region: { code: region.code, name: region.name, level: region.level },
    parts,
  };
}
