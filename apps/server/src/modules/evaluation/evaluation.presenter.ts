import type { EvaluationEntry, EvaluationRun, EvaluationScheme } from '@tuijin/contracts';
import { type Actor, can } from '@tuijin/domain';
import type { evaluationRuns } from '../../db/schema';
import type { SchemeRow } from './evaluation-scope';

export type RunRow = typeof evaluationRuns.$inferSelect;

/** Scheme row → wire shape, with whether the caller may manage it. */
export function presentScheme(
  row: SchemeRow,
  regionName: string,
  actor: Actor,
  isInside: boolean,
  entities: { code: string; name: string }[],
): EvaluationScheme {
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName,
    name: row.name,
    entityKind: row.entityKind,
    rules: row.rules,
    preset: row.preset,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    canManage: isInside && can(actor, 'evaluation.manage'),
    entities: entities.map((e) => ({ code: e.code, name: e.name })),
  };
}

export function presentRun(row: RunRow): EvaluationRun {
  return {
    id: row.id,
    quarter: row.quarter,
    schemeVersion: row.schemeVersion,
    schemeName: row.schemeName,
    rules: row.rules,
    status: row.status,
    computedAt: row.computedAt.toISOString(),
    computedByName: row.computedByName,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedByName: row.publishedByName,
  };
}

/** The stored breakdown is the domain's `EntityScore`; the wire shape lists its fields explicitly. */
export function presentEntry(b: EvaluationEntry): EvaluationEntry {
  return {
    code: b.code,
    name: b.name,
    rank: b.rank,
    total: b.total,
    indicatorPoints: b.indicatorPoints,
    adjustmentPoints: b.adjustmentPoints,
    indicators: b.indicators.map((i) => ({
      key: i.key,
      numerator: i.numerator,
      denominator: i.denominator,
      percent: i.percent,
      scoredPercent: i.scoredPercent,
      isNotApplicable: i.isNotApplicable,
      weight: i.weight,
      points: i.points,
    })),
    adjustments: b.adjustments.map((a) => ({ kind: a.kind, points: a.points, reason: a.reason })),
    isTargetMet: b.isTargetMet,
    timeProgressPercent: b.timeProgressPercent,
    list: b.list,
    exemptionReason: b.exemptionReason,
    isSparedByExemption: b.isSparedByExemption,
  };
}
