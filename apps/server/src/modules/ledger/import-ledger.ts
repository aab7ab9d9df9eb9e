import { CreateProject, UpdateProject } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  type ColumnKey,
  importedStage,
  ledgerColumns,
  ledgerLevels,
  ledgerPlanYear,
  officeListLevel,
  type ProjectLevel,
  pathInSubtree,
} from '@tuijin/domain';
import type { z } from 'zod';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { recordAudit } from '../audit';
import { type DraftPlanAction, draftPlanIssues, writeDraftPlans } from '../plans';
import {
  applyProjectUpdate,
  createLookupMemo,
  type PreparedProject,
  prepareProject,
  projectChanges,
  projectFormFields,
  writeProjects,
} from '../projects';
import { LedgerReferences, ProjectIndex } from './ledger-references';
import type { LedgerProblem, ParsedLedger, ParsedRecord } from './parse-ledger';

export type LedgerAction = 'create' | 'update' | 'unchanged' | 'invalid';

/** What the import does (or, in a dry run, would do) with one record. */
export interface LedgerRecordAction {
  sheet: string;
  row: number;
  name: string | null;
  action: LedgerAction;
  regionCode: string | null;
  projectId: string | null;
  /** Changed fields with before/after, for an update. */
  changes: { field: string; before: unknown; after: unknown }[];
  /** The annual plan year the row's 年度计划投资 goes into (null when the row has none or is invalid). */
  planYear: number | null;
  /** What was done with the project's draft plan for {@link planYear}. */
  planAction: DraftPlanAction | null;
}

export interface LedgerImportOutcome {
  actions: LedgerRecordAction[];
  problems: (LedgerProblem & { sheet: string })[];
  counts: {
    created: number;
    updated: number;
    unchanged: number;
    invalid: number;
    ownersCreated: number;
    domainsCreated: number;
    plansCreated: number;
    plansUpdated: number;
    /** Plans left as they were with a warning: frozen, or a draft split that the amount would break. */
    plansSkipped: number;
  };
  /** The plan years the ledger's 年度计划投资 went into. */
  planYears: number[];
  ownersCreated: { name: string; regionCode: string }[];
  domainsCreated: string[];
  /** True when error problems block the commit. */
  isBlocked: boolean;
}

export interface ImportLedgerInput {
  parsed: ParsedLedger;
  /** Region every record belongs to (the `--region` / form choice); else by sheet name, else the office's own. */
  regionCode?: string | null;
  /** Run everything, then roll back: the preview tells exactly what the commit would do. */
  dryRun?: boolean;
  fileName?: string | null;
  /** Plan year for 年度计划投资; else the year a sheet title names, else the clock's year. */
  year?: number | null;
}

/** Thrown by {@link importLedger} when the ledger has blocking problems; nothing was written. */
export class LedgerRefusedError extends AppError {
  constructor(readonly outcome: LedgerImportOutcome) {
    const errors = outcome.problems.filter((p) => p.severity === 'error');
    super(
      'VALIDATION_FAILED',
      `台账有 ${errors.length} 个问题须先改正，未导入任何项目`,
      errors.map((p) => ({
        path: `${p.sheet}!${p.column ?? ''}${p.row}`,
        message: `工作表“${p.sheet}”第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}：${p.message}`,
      })),
    );
  }
}

class Rollback extends Error {
  constructor(readonly outcome: LedgerImportOutcome) {
    super('rollback');
  }
}

/** Which ledger column a project field comes from, to name the cell of a problem. */
const fieldColumn: Record<string, ColumnKey> = {
  code: 'code',
  name: 'name',
  ownerOrganisationId: 'owner',
  address: 'location',
  scaleContent: 'scale',
  totalInvestmentWanYuan: 'totalInvestment',
  startYear: 'period',
  startMonth: 'period',
  endYear: 'period',
  endMonth: 'period',
  leaderUserId: 'leader',
  responsibleDepartmentId: 'responsibleUnit',
  domain: 'category',
  levels: 'name',
};

/**
 * Imports a parsed ledger into the project library in ONE transaction: each record becomes a project
 * through the same create/update code as the project form (reference checks, uniqueness, stage record,
 * one audit event per created or updated project), plus owner units and domain entries the ledger
 * names but the library lacks (audited) and one `ledger.import` summary event. A record is matched by
 * project code, else name + owner unit; a record whose fields already match is counted unchanged and
 * not written, so importing the same file twice changes nothing. Every record is validated with the
 * project form's contract; any error — a parse error, a contract failure, a region outside the
 * actor's jurisdiction — refuses the whole import ({@link LedgerRefusedError}) and nothing is written.
 * A row's 年度计划投资 goes into its project's DRAFT annual plan for the plan year (`year`, else the
 * year the sheet title names, else the clock's year) through {@link writeDraftPlans}: created, or
 * updated when the amount differs; a frozen plan is left alone with a warning (年中调整 changes it).
 * 累计完成 is not written anywhere. With `dryRun` the same work runs and is rolled back, so the
 * preview tells the truth.
 */
export async function importLedger(ctx: Ctx, input: ImportLedgerInput): Promise<LedgerImportOutcome> {
  authorize(ctx.actor, 'project.create');
  try {
    return await ctx.db.transaction(async (tx) => {
      const outcome = await importInto(tx, ctx, input);
      if (input.dryRun || outcome.isBlocked) throw new Rollback(outcome);
      const { counts } = outcome;
      const written =
        counts.created +
        counts.updated +
        counts.ownersCreated +
        counts.domainsCreated +
        counts.plansCreated +
        counts.plansUpdated;
      if (written > 0) {
        await recordAudit(tx, ctx, {
          action: 'ledger.import',
          entityType: 'ledger',
          regionPath: ctx.actor.regionPath,
          detail: {
            fileName: input.fileName ?? null,
            records: outcome.actions.length,
            ...counts,
            ownersCreated: outcome.ownersCreated.map((o) => o.name),
            domainsCreated: outcome.domainsCreated,
            planYears: outcome.planYears,
          },
        });
      }
      return outcome;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    if (error.outcome.isBlocked && !input.dryRun) throw new LedgerRefusedError(error.outcome);
    return error.outcome;
  }
}

async function importInto(tx: Queryable, ctx: Ctx, input: ImportLedgerInput): Promise<LedgerImportOutcome> {
  const refs = await LedgerReferences.load(tx, ctx);
  const index = await ProjectIndex.load(tx);
  await refs.loadOwners(input.parsed.records.flatMap((r) => (r.owner ? [r.owner] : [])));
  const memo = createLookupMemo();
  // New projects are written in batches; a row naming a project still in the batch flushes it first.
  const pending: { action: LedgerRecordAction; prepared: PreparedProject }[] = [];
  const pendingKeys = new Set<string>();
  const flush = async () => {
    await refs.writeAudits();
    if (pending.length === 0) return;
    const ids = await writeProjects(
      tx,
      ctx,
      pending.map((p) => p.prepared),
    );
    pending.forEach((p, i) => {
      p.action.projectId = ids[i]!;
    });
    await index.refresh(tx, ids);
    pending.length = 0;
    pendingKeys.clear();
  };
  const chosen = input.regionCode ? refs.region(input.regionCode) : undefined;
  if (input.regionCode && (!chosen || !pathInSubtree(chosen.path, ctx.actor.regionPath))) {
    throw new AppError('VALIDATION_FAILED', `区划 ${input.regionCode} 不存在或不在本单位辖区内`, [
      { path: 'region', message: '区划不存在或不在本辖区' },
    ]);
  }
  const own = refs.region(ctx.actor.regionCode);
  if (!own) throw new AppError('FORBIDDEN', '本单位没有所属区划，不能导入台账');
  const officeLevel = officeListLevel(own.level);
  const currentYear = ctx.clock.now().getFullYear();
  if (
    input.year !== null &&
    input.year !== undefined &&
    !(Number.isInteger(input.year) && input.year >= 2000 && input.year <= 2100)
  ) {
    throw new AppError('VALIDATION_FAILED', `计划年度 ${input.year} 无效：应为 2000–2100 之间的年份`, [
      { path: 'year', message: '计划年度应为 2000–2100 之间的年份' },
    ]);
  }
  const titles = Object.values(input.parsed.sheetTitles);
  const planYearOf = (sheet: string) =>
    ledgerPlanYear(input.year, [input.parsed.sheetTitles[sheet], ...titles], currentYear);
  const planned: { action: LedgerRecordAction; amount: string; start?: { year: number; month: number } }[] =
    [];
  const problems = [...input.parsed.problems];
  const actions: LedgerRecordAction[] = [];
  const rowsWithErrors = new Set(
    problems.filter((p) => p.severity === 'error').map((p) => `${p.sheet}\u0000${p.row}`),
  );

  for (const record of input.parsed.records) {
    const columns = input.parsed.sheetColumns[record.sheet] ?? {};
    const problem = (key: ColumnKey | null, severity: 'error' | 'warning', message: string) =>
      problems.push({
        sheet: record.sheet,
        row: record.row,
        column: key ? (columns[key] ?? null) : null,
        severity,
        message,
      });
    const action: LedgerRecordAction = {
      sheet: record.sheet,
      row: record.row,
      name: record.name,
      action: 'invalid',
      regionCode: null,
      projectId: null,
      changes: [],
      planYear: null,
      planAction: null,
    };
    actions.push(action);
    // A 建设地点 that is only a region's name (how ledgers, ours included, print it) says where the
    // project is, not its address: it places a new project when nothing else does, and is no address.
    const named = refs.regionsNamed(record.location, ctx.actor);
    const namedRegion =
      named.length === 1 && pathInSubtree(named[0]!.path, ctx.actor.regionPath) ? named[0] : null;
    const region = chosen ?? refs.sheetRegion(record.sheet) ?? namedRegion ?? own;
    action.regionCode = region.code;
    if (!pathInSubtree(region.path, ctx.actor.regionPath)) {
      problem(null, 'error', `所在区划“${region.name}”（按工作表名识别）不在本单位辖区内，整个台账不能导入`);
      continue;
    }
    const missing = requiredProblems(record);
    for (const [key, message] of missing) problem(key, 'error', message);
    if (missing.length > 0 || rowsWithErrors.has(`${record.sheet}\u0000${record.row}`) || !record.name)
      continue;
    const amountIssues = record.annualPlanWanYuan === null ? [] : draftPlanIssues(record.annualPlanWanYuan);
    for (const message of amountIssues)
      problem('annualPlan', 'error', `${ledgerColumns.annualPlan.label}：${message}`);
    if (amountIssues.length > 0) continue;
    const planIt = (start?: { year: number; month: number }) => {
      if (record.annualPlanWanYuan !== null)
        planned.push({ action, amount: record.annualPlanWanYuan, ...(start ? { start } : {}) });
    };

    const existingOwner = await refs.existingOwner(record.owner!, region, ctx.actor);
    const keys = [
      ...(record.code ? [`code\u0000${record.code}`] : []),
      ...(existingOwner ? [`name\u0000${existingOwner}\u0000${record.name}`] : []),
    ];
    if (keys.some((key) => pendingKeys.has(key))) await flush();
    const match = index.match(record.code, record.name, existingOwner);
    if (match && !pathInSubtree(match.regionPath, ctx.actor.regionPath)) {
      problem('name', 'error', '项目库中已有此项目，但它不在本单位辖区内，整个台账不能导入');
      continue;
    }
    const leaderUserId = record.leader ? refs.leader(record.leader, region) : null;
    if (record.leader && !leaderUserId)
      problem('leader', 'warning', `找不到名为“${record.leader}”的挂钩领导账号，未关联挂钩领导`);
    const responsibleDepartmentId = record.responsibleUnit
      ? refs.department(record.responsibleUnit, region)
      : null;
    if (record.responsibleUnit && !responsibleDepartmentId)
      problem(
        'responsibleUnit',
        'warning',
        `找不到名为“${record.responsibleUnit}”的行业主管部门，责任部门留空`,
      );

    const fromLedger = {
      code: record.code,
      name: record.name,
      address: named.length > 0 ? null : record.location,
      scaleContent: record.scale,
      totalInvestmentWanYuan: record.totalInvestmentWanYuan!,
      startYear: record.startYear!,
      startMonth: record.startMonth,
      endYear: record.endYear!,
      endMonth: record.endMonth,
      leaderUserId,
      responsibleDepartmentId,
    };
    try {
      if (!match) {
        const ownerOrganisationId = existingOwner ?? (await refs.createOwner(record.owner!, region));
        const parsed = CreateProject.safeParse({
          ...fromLedger,
          ownerOrganisationId,
          regionCode: region.code,
          levels: ledgerLevels(record.level === 'provincial', officeLevel),
          domain: await refs.domain(record.category),
          ...importedStage(record.startYear!, currentYear, record.constructionType),
        });
        if (!parsed.success) {
          contractProblems(parsed.error, problem);
          continue;
        }
        const prepared = await prepareProject(tx, ctx, parsed.data, memo);
        action.action = 'create';
        const newKeys = [
          ...(parsed.data.code ? [`code\u0000${parsed.data.code}`] : []),
          `name\u0000${ownerOrganisationId}\u0000${parsed.data.name}`,
        ];
        pending.push({ action, prepared });
        // A project planned to start: its new draft plan carries the planned start month.
        planIt(
          parsed.data.stage === 'preparing' && record.startMonth !== null
            ? { year: record.startYear!, month: record.startMonth }
            : undefined,
        );
        for (const key of newKeys) pendingKeys.add(key);
        if (pending.length >= 500) await flush();
        continue;
      }
      const kept = projectFormFields(match);
      // A blank cell is unknown: it never erases what the library already knows.
      const known = Object.fromEntries(Object.entries(fromLedger).filter(([, value]) => value !== null));
      const parsed = UpdateProject.safeParse({
        ...kept,
        ...known,
        levels: ledgerLevels(record.level === 'provincial', officeLevel, kept.levels as ProjectLevel[]),
        domain: record.category ? await refs.domain(record.category) : kept.domain,
        ...(record.constructionType ? { constructionType: record.constructionType } : {}),
        version: match.version,
      });
      if (!parsed.success) {
        contractProblems(parsed.error, problem);
        continue;
      }
      const changes = projectChanges(match, parsed.data);
      action.projectId = match.id;
      if (Object.keys(changes).length === 0) {
        action.action = 'unchanged';
        planIt();
        continue;
      }
      const clash = index.match(parsed.data.code, parsed.data.name, parsed.data.ownerOrganisationId);
      if (clash && clash.id !== match.id) {
        problem('code', 'error', `项目库中已有另一个项目使用此代码或名称（${clash.name}）`);
        continue;
      }
      authorize(ctx.actor, 'project.update');
      await applyProjectUpdate(tx, ctx, match.id, parsed.data, changes, { memo, isUniquenessSettled: true });
      await index.refresh(tx, [match.id], [match]);
      action.action = 'update';
      action.changes = Object.entries(changes).map(([field, c]) => ({ field, ...c }));
      planIt();
    } catch (error) {
      if (!(error instanceof AppError) || !['VALIDATION_FAILED', 'CONFLICT'].includes(error.code))
        throw error;
      for (const detail of error.details ?? [{ path: '', message: error.message }])
        problem(fieldColumn[detail.path] ?? null, 'error', detail.message);
    }
  }
  await flush();
  await writePlans(tx, ctx, input.parsed, planned, planYearOf, problems);

  const plans = actions.map((a) => a.planAction);
  const counts = {
    created: actions.filter((a) => a.action === 'create').length,
    updated: actions.filter((a) => a.action === 'update').length,
    unchanged: actions.filter((a) => a.action === 'unchanged').length,
    invalid: actions.filter((a) => a.action === 'invalid').length,
    ownersCreated: refs.ownersCreated.length,
    domainsCreated: refs.domainsCreated.length,
    plansCreated: plans.filter((p) => p === 'create').length,
    plansUpdated: plans.filter((p) => p === 'update').length,
    plansSkipped: plans.filter((p) => p === 'frozen' || p === 'split').length,
  };
  const isBlocked = problems.some((p) => p.severity === 'error');
  const sheetOrder = [...new Set(input.parsed.records.map((r) => r.sheet))];
  problems.sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row);
  return {
    actions,
    problems,
    counts,
    ownersCreated: refs.ownersCreated,
    domainsCreated: refs.domainsCreated,
    planYears: [...new Set(planned.flatMap((p) => p.action.planYear ?? []))].sort((a, b) => a - b),
    isBlocked,
  };
}

/** The warning a row gets when its project's plan is left as it was. */
const planSkipMessages: Partial<Record<DraftPlanAction, string>> = {
  frozen: '计划已冻结，未修改；如需调整请走年中调整',
  split: '该项目年度计划草稿已按月或按季分解，台账金额与分解合计不符，未修改；请在年度计划中调整',
};

/**
 * Writes the 年度计划投资 of the rows that became (or matched) a project into draft plans, sets each
 * row's plan year and action, and warns on each plan left alone.
 */
async function writePlans(
  tx: Queryable,
  ctx: Ctx,
  parsed: ParsedLedger,
  planned: readonly { action: LedgerRecordAction; amount: string; start?: { year: number; month: number } }[],
  planYearOf: (sheet: string) => number,
  problems: LedgerImportOutcome['problems'],
) {
  const items = planned.filter((p) => p.action.projectId !== null);
  for (const p of items) p.action.planYear = planYearOf(p.action.sheet);
  const done = await writeDraftPlans(
    tx,
    ctx,
    items.map((p) => ({
      projectId: p.action.projectId!,
      year: p.action.planYear!,
      plannedInvestmentWanYuan: p.amount,
      plannedStartMonth: p.start?.year === p.action.planYear ? p.start.month : null,
    })),
    'ledger.import',
  );
  items.forEach((p, i) => {
    const planAction = done[i]!;
    p.action.planAction = planAction;
    const message = planSkipMessages[planAction];
    if (message)
      problems.push({
        sheet: p.action.sheet,
        row: p.action.row,
        column: parsed.sheetColumns[p.action.sheet]?.annualPlan ?? null,
        severity: 'warning',
        message,
      });
  });
}

/** The cells a project cannot do without, each a plain-Chinese problem when blank. */
function requiredProblems(record: ParsedRecord): [ColumnKey, string][] {
  const out: [ColumnKey, string][] = [];
  if (!record.owner) out.push(['owner', `${ledgerColumns.owner.label}为空：项目须有业主单位`]);
  if (record.totalInvestmentWanYuan === null) out.push(['totalInvestment', '总投资为空：项目入库须有总投资']);
  if (record.startYear === null || record.endYear === null)
    out.push(['period', '建设起止年限为空：项目入库须有开工和竣工年份']);
  return out;
}

/** Each issue of the project contract as a problem on the cell its field came from. */
function contractProblems(
  error: z.ZodError,
  problem: (key: ColumnKey | null, severity: 'error', message: string) => void,
) {
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    const key = fieldColumn[field] ?? null;
    problem(key, 'error', `${key ? ledgerColumns[key].label : field}：${issue.message}`);
  }
}
