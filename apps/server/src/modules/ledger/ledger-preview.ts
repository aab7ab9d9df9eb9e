import type { LedgerImportOutcome } from './import-ledger';
import { type ParsedLedger, sumWanYuan } from './parse-ledger';

/**
 * The ledger check as the web page sees it: records, skipped rows and problems by sheet and 1-based
 * sheet row, amounts as exact decimal strings in 万元 (unknown stays null), and exact totals over
 * the records.
 */
export function presentLedgerPreview(parsed: ParsedLedger) {
  const records = parsed.records.map(
    ({
      startMonth: _sm,
      endMonth: _em,
      code: _code,
      constructionType: _ct,
      monthCompletedWanYuan: _mc,
      planShare: _ps,
      ...r
    }) => r,
  );
  return {
    records,
    skippedRows: parsed.skippedRows.map(({ sheet, row, kind }) => ({ sheet, row, kind })),
    problems: parsed.problems.map(({ sheet, row, column, severity, message }) => ({
      sheet,
      row,
      column,
      severity,
      message,
    })),
    totals: {
      records: parsed.records.length,
      totalInvestmentWanYuan: sumWanYuan(parsed.records.map((r) => r.totalInvestmentWanYuan)),
      annualPlanWanYuan: sumWanYuan(parsed.records.map((r) => r.annualPlanWanYuan)),
      completedToDateWanYuan: sumWanYuan(parsed.records.map((r) => r.completedToDateWanYuan)),
    },
  };
}

/**
 * The one JSON object `tuijin import ledger --dry-run --json` prints: the preview with exactly the
 * keys the issue lists (rows are 1-based sheet rows; sheet names are left out).
 */
export function presentDryRun(parsed: ParsedLedger) {
  const preview = presentLedgerPreview(parsed);
  return {
    records: preview.records.map(({ sheet: _sheet, ...record }) => record),
    skippedRows: preview.skippedRows.map(({ row, kind }) => ({ row, kind })),
    problems: preview.problems.map(({ row, column, severity, message }) => ({
      row,
      column,
      severity,
      message,
    })),
    totals: preview.totals,
  };
}

/**
 * The ledger check with what an import would do: the preview, its problems joined by those the dry
 * run found (contract, jurisdiction, unmatched names), and the action per record.
 */
export function presentLedgerCheck(parsed: ParsedLedger, outcome: LedgerImportOutcome) {
  return {
    ...presentLedgerPreview(parsed),
    problems: outcome.problems.map(presentProblem),
    actions: outcome.actions,
    counts: outcome.counts,
    isBlocked: outcome.isBlocked,
    planYears: outcome.planYears,
  };
}

/** The answer of a committed import. */
export function presentLedgerImport(outcome: LedgerImportOutcome) {
  return {
    counts: outcome.counts,
    actions: outcome.actions,
    problems: outcome.problems.map(presentProblem),
    ownersCreated: outcome.ownersCreated,
    domainsCreated: outcome.domainsCreated,
    planYears: outcome.planYears,
  };
}

const presentProblem = ({
  sheet,
  row,
  column,
  severity,
  message,
}: LedgerImportOutcome['problems'][number]) => ({
  sheet,
  row,
  column,
  severity,
  message,
});
