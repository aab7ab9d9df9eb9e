import type { RaiseFactorProblem } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import {
  AppError,
  chinaDate,
  type FactorDemandStatus,
  factorDemandStatusNames,
  factorProblemCategory,
  factorTypeNames,
  mayRaiseFactorProblem,
  subtractDecimal,
} from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Database } from '../../db/database';
import { factorDemands } from '../../db/schema';
import { updateVersioned } from '../audit';
import { raiseProblem } from '../problems';
import {
  conflictMessage,
  type DemandListRow,
  getProjectFactors,
  loadDemand,
  mayRaiseDemand,
} from './factors.queries';

/** The problem's text drawn from the demand, when the caller gives none. */
function describe(row: DemandListRow) {
  const { demand } = row;
  const type = factorTypeNames[demand.type];
  const quantity = normaliseDecimal(demand.quantity);
  const met = normaliseDecimal(demand.metQuantity);
  const detail = demand.materialName ?? demand.financePurpose ?? '';
  return {
    description: `${type}要素需求${detail ? `（${detail}）` : ''}${quantity} ${demand.unit}，需求时间 ${demand.neededBy}，当前${factorDemandStatusNames[demand.status as FactorDemandStatus]}，已保障 ${met} ${demand.unit}，责任部门：${row.organisationName}${demand.note ? `。${demand.note}` : ''}`,
    request: `请协调保障${type}要素，尚缺 ${subtractDecimal(quantity, met)} ${demand.unit}`,
  };
}

/**
 * 转为问题: an unmet demand (past its date and not 已保障, or 无法保障) with no problem yet is raised
 * as a problem of its project in one click — through the problems module's own `raiseProblem`
 * (category by type: 用地, 能耗指标, 资金, 用工, 水电路气, 建材; routed and numbered as any problem)
 * — and the problem is linked on the demand, in one transaction with the demand row locked, so two
 * clicks never raise two problems. Audited `problem.raise` and `factor.demand.raiseProblem`.
 */
export async function raiseFactorProblem(ctx: Ctx, id: string, input: RaiseFactorProblem) {
  const row = await loadDemand(ctx, id);
  const { project } = row;
  if (!mayRaiseDemand(ctx.actor, project, row.demand))
    throw new AppError('FORBIDDEN', '只有重点办、责任部门或项目业主单位可以将要素需求转为问题');
  const today = chinaDate(ctx.clock.now());
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(factorDemands).where(eq(factorDemands.id, id)).for('update');
    if (!locked || locked.version !== input.version) throw new AppError('CONFLICT', conflictMessage);
    const status = locked.status as FactorDemandStatus;
    if (!mayRaiseFactorProblem({ status, neededBy: locked.neededBy, problemId: locked.problemId }, today))
      throw new AppError(
        'VALIDATION_FAILED',
        locked.problemId
          ? '该需求已转为问题，请在问题中继续跟进'
          : '只有逾期未保障或无法保障的需求可以转为问题',
        [{ path: 'status', message: locked.problemId ? '已转为问题' : '需求尚未逾期且未标记无法保障' }],
      );
    const text = describe({ ...row, demand: locked });
    const problemId = await raiseProblem(
      { ...ctx, db: tx as unknown as Database },
      {
        projectId: project.id,
        category: factorProblemCategory[locked.type],
        description: input.description ?? text.description,
        request: input.request ?? text.request,
        channel: 'app',
        callerName: null,
        callerPhone: null,
      },
    );
    await updateVersioned(tx, ctx, {
      table: factorDemands,
      where: eq(factorDemands.id, id),
      version: input.version,
      set: { problemId, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'factor.demand.raiseProblem',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: { problemId: { before: null, after: problemId } },
        detail: { demandId: id, type: locked.type, problemId },
      }),
      conflict: conflictMessage,
    });
  });
  return getProjectFactors(ctx, project.id);
}
