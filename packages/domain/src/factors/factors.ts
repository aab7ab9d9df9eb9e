import { AppError, invalid } from '../errors';
import { startedBy } from '../funds/funds';
import { compareDecimals, subtractDecimal, sumDecimals } from '../money/decimal';

/**
 * 要素保障 (factor guarantee): what a project needs besides money of its own — land, energy quota,
 * financing, labour, utilities and materials — each a demand with a responsible department and a date
 * it is needed by. Source: issue 16 item 1; DOMAIN.md "Factors, funds, events, workforce".
 */
export const factorTypes = ['land', 'energy', 'finance', 'labour', 'utilities', 'materials'] as const;
export type FactorType = (typeof factorTypes)[number];

/** zh-CN names of the factor types, as ledgers and messages print them. */
export const factorTypeNames: Record<FactorType, string> = {
  land: '用地',
  energy: '用能',
  finance: '资金/融资',
  labour: '用工',
  utilities: '水电路气',
  materials: '建材',
};

/**
 * The unit a type's quantity is in: 亩 of land, 吨标准煤 (tce) of energy, 万元 of financing, 人 of
 * labour. Utilities and materials come in units of their own (千伏安, 立方米, 吨…): null here, the
 * demand names its unit.
 */
export const factorUnits: Record<FactorType, string | null> = {
  land: '亩',
  energy: '吨标准煤',
  finance: '万元',
  labour: '人',
  utilities: null,
  materials: null,
};

/** The types whose quantities add up across demands (a fixed unit), as the board sums them. */
export const summableFactorTypes = factorTypes.filter((type) => factorUnits[type] !== null);

/**
 * The problem category (the `problemCategory` dictionary's default names) a demand raised as a
 * problem is filed under.
 */
export const factorProblemCategory: Record<FactorType, string> = {
  land: '用地',
  energy: '能耗指标',
  finance: '资金',
  labour: '用工',
  utilities: '水电路气',
  materials: '建材',
};

/** Land: 新增建设用地 (new construction land) or 存量 (existing land). */
export const landKinds = ['new', 'existing'] as const;
export type LandKind = (typeof landKinds)[number];
/** 指标状态: whether the land-use quota is secured. */
export const landQuotaStatuses = ['unsecured', 'applying', 'secured'] as const;
export type LandQuotaStatus = (typeof landQuotaStatuses)[number];
/** 报批阶段: the 农转用 (farmland conversion) and 征收 (acquisition) stages, ending in 交地. */
export const landApprovalStages = [
  'notStarted',
  'conversionFiled',
  'conversionApproved',
  'acquisition',
  'supplied',
] as const;
export type LandApprovalStage = (typeof landApprovalStages)[number];
/** 水电路气: which utility. */
export const utilityKinds = ['water', 'power', 'road', 'gas'] as const;
export type UtilityKind = (typeof utilityKinds)[number];

/** The status of a demand: 待保障 → 保障中 → 已保障, or 无法保障. */
export const factorDemandStatuses = ['pending', 'inProgress', 'met', 'unmet'] as const;
export type FactorDemandStatus = (typeof factorDemandStatuses)[number];

export const factorDemandStatusNames: Record<FactorDemandStatus, string> = {
  pending: '待保障',
  inProgress: '保障中',
  met: '已保障',
  unmet: '无法保障',
};

/**
 * The allowed status moves as a table: 待保障 → 保障中 / 已保障 / 无法保障; 保障中 → 已保障 /
 * 无法保障 / back to 待保障; an 已保障 demand may be reopened (保障中) when what was promised falls
 * through; a 无法保障 one is taken up again (保障中 or 待保障) when a new way is found.
 */
export const factorDemandMoves: Record<FactorDemandStatus, readonly FactorDemandStatus[]> = {
  pending: ['inProgress', 'met', 'unmet'],
  inProgress: ['met', 'unmet', 'pending'],
  met: ['inProgress'],
  unmet: ['inProgress', 'pending'],
};

/** Refuses a move the table does not allow (INVALID_TRANSITION, naming both statuses in zh-CN). */
export function assertFactorDemandMove(from: FactorDemandStatus, to: FactorDemandStatus): void {
  if (!factorDemandMoves[from].includes(to)) {
    const message = `要素需求不能从「${factorDemandStatusNames[from]}」改为「${factorDemandStatusNames[to]}」`;
    throw new AppError('INVALID_TRANSITION', message, [{ path: 'status', message }]);
  }
}

/**
 * 逾期: a demand still open (待保障 or 保障中) whose date needed is before `today` (a demand needed
 * today is not yet overdue). `today` is the injected clock's China date.
 */
export const isFactorDemandOverdue = (
  demand: { status: FactorDemandStatus; neededBy: string },
  today: string,
) => (demand.status === 'pending' || demand.status === 'inProgress') && demand.neededBy < today;

/**
 * Whether a demand may be raised as a problem (one click from the demand): it is unmet — past its
 * date and not 已保障, or 无法保障 — and no problem is linked to it yet.
 */
export const mayRaiseFactorProblem = (
  demand: { status: FactorDemandStatus; neededBy: string; problemId: string | null },
  today: string,
) => demand.problemId === null && (demand.status === 'unmet' || isFactorDemandOverdue(demand, today));

/**
 * The quantity met may not pass the quantity needed (VALIDATION_FAILED on `metQuantity`, naming both
 * with the unit): what is beyond the demand is not a guarantee of it.
 */
export function assertMetWithinDemand(quantity: string, metQuantity: string, unit: string): void {
  if (compareDecimals(metQuantity, quantity) > 0) {
    const message = `已保障数量 ${metQuantity} ${unit}超过需求数量 ${quantity} ${unit}`;
    throw invalid([{ path: 'metQuantity', message }], message);
  }
}

/** A demand as the board reads it. */
export interface BoardDemand {
  type: FactorType;
  status: FactorDemandStatus;
  neededBy: string;
  quantity: string;
  metQuantity: string;
}

/** Counts and (for fixed-unit types) quantities of some demands. */
export interface FactorFigures {
  total: number;
  pending: number;
  inProgress: number;
  met: number;
  unmet: number;
  overdue: number;
  /** Quantity needed and met; null for a type without a fixed unit or a mix of types. */
  quantity: string | null;
  metQuantity: string | null;
}

/**
 * Counts some demands by status and overdue on `today`; sums needed and met quantities when all are
 * of one fixed-unit type (`sumType`), else null (亩 and 吨标准煤 do not add up).
 */
export function factorFigures(
  demands: readonly BoardDemand[],
  today: string,
  sumType: FactorType | null,
): FactorFigures {
  const figures: FactorFigures = {
    total: demands.length,
    pending: 0,
    inProgress: 0,
    met: 0,
    unmet: 0,
    overdue: 0,
    quantity: null,
    metQuantity: null,
  };
  for (const demand of demands) {
    figures[demand.status] += 1;
    if (isFactorDemandOverdue(demand, today)) figures.overdue += 1;
  }
  if (sumType !== null && factorUnits[sumType] !== null && demands.every((d) => d.type === sumType)) {
    figures.quantity = sumDecimals(demands, (d) => d.quantity);
    figures.metQuantity = sumDecimals(demands, (d) => d.metQuantity);
  }
  return figures;
}

/**
 * 要素保障看板: per type, the counts and quantities (需求 vs 已保障) of the demands; per region, the
 * counts overall and the quantities of each fixed-unit type. `regionOf` places a demand in one of the
 * `regions` (or nowhere: then it counts in the types only).
 */
export function factorBoard<T extends BoardDemand>(
  demands: readonly T[],
  regions: readonly { code: string; name: string }[],
  regionOf: (demand: T) => string | null,
  today: string,
) {
  const byType = factorTypes.map((type) => ({
    type,
    unit: factorUnits[type],
    ...factorFigures(
      demands.filter((d) => d.type === type),
      today,
      type,
    ),
  }));
  const byRegion = regions.map((region) => {
    const mine = demands.filter((d) => regionOf(d) === region.code);
    return {
      regionCode: region.code,
      regionName: region.name,
      ...factorFigures(mine, today, null),
      quantities: summableFactorTypes.map((type) => {
        const ofType = mine.filter((d) => d.type === type);
        return {
          type,
          unit: factorUnits[type] as string,
          quantity: sumDecimals(ofType, (d) => d.quantity),
          metQuantity: sumDecimals(ofType, (d) => d.metQuantity),
        };
      }),
    };
  });
  return { totals: factorFigures(demands, today, null), byType, byRegion };
}

/** The two quotas a jurisdiction sets per year: 用地指标 (亩) and 能耗指标 (吨标准煤). */
export const quotaKinds = ['land', 'energy'] as const;
export type QuotaKind = (typeof quotaKinds)[number];
export const quotaKindNames: Record<QuotaKind, string> = { land: '用地指标', energy: '能耗指标' };
export const quotaUnits: Record<QuotaKind, string> = { land: '亩', energy: '吨标准煤' };

/**
 * Refuses an allocation that would take the allocated total past the quota: VALIDATION_FAILED on
 * `amount`, naming the quota, what is allocated already and what remains, with the unit.
 */
export function assertQuotaFits(input: {
  kind: QuotaKind;
  quota: string;
  allocated: readonly string[];
  amount: string;
}): void {
  const allocated = sumDecimals(input.allocated, (a) => a);
  const after = sumDecimals([allocated, input.amount], (a) => a);
  if (compareDecimals(after, input.quota) > 0) {
    const unit = quotaUnits[input.kind];
    const message = `分配后累计 ${after} ${unit}，超过${quotaKindNames[input.kind]} ${input.quota} ${unit}（已分配 ${allocated} ${unit}，尚可分配 ${subtractDecimal(input.quota, allocated)} ${unit}）`;
    throw invalid([{ path: 'amount', message }], message);
  }
}

/**
 * Refuses a quota set below what is already allocated out of it (VALIDATION_FAILED on `amount`).
 */
export function assertQuotaCoversAllocated(kind: QuotaKind, quota: string, allocated: string): void {
  if (compareDecimals(quota, allocated) < 0) {
    const unit = quotaUnits[kind];
    const message = `${quotaKindNames[kind]} ${quota} ${unit}少于已分配给项目的 ${allocated} ${unit}`;
    throw invalid([{ path: 'amount', message }], message);
  }
}

/**
 * "要素跟着项目走": of some quota allocations, how much sits on projects that really started by
 * `asOf` (actual start on or before it — the one start rule, `startedBy`, that the funds' 开工率
 * uses) and how much on projects not started.
 */
export function quotaSplit(
  allocations: readonly { amount: string; actualStartOn: string | null }[],
  asOf: string,
) {
  const started = allocations.filter((a) => startedBy(a.actualStartOn, asOf));
  const unstarted = allocations.filter((a) => !startedBy(a.actualStartOn, asOf));
  return {
    allocated: sumDecimals(allocations, (a) => a.amount),
    started: sumDecimals(started, (a) => a.amount),
    unstarted: sumDecimals(unstarted, (a) => a.amount),
  };
}
