import type { CreateWorker, DepartWorker, UpdateWorker, Worker } from '@tuijin/contracts';
import { AppError, chinaDate } from '@tuijin/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { contractors, workers } from '../../db/schema';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import { getSecurityPolicy } from '../security';
import { presentWorkers } from './worker.presenter';
import { auditedWorker, idNumberColumns, type WorkerFields, workerFieldProblems } from './worker-fields';
import {
  assertManageWorkforce,
  loadWorker,
  loadWorkforceProject,
  type ReadCtx,
  type WorkerRow,
  type WorkforceProject,
  workerConflict,
} from './workforce.queries';

const refuse = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** The contractor must be a live one of the project. */
async function contractorName(db: Queryable, projectId: string, contractorId: string) {
  const [row] = await db
    .select({ name: contractors.name })
    .from(contractors)
    .where(
      and(
        eq(contractors.id, contractorId),
        eq(contractors.projectId, projectId),
        isNull(contractors.deletedAt),
      ),
    );
  if (!row) throw refuse('contractorId', '施工单位不是本项目已登记的施工单位');
  return row.name;
}

/** The live worker of a project carrying a blind index, if any. */
export async function workerByIndex(db: Queryable, projectId: string, index: string) {
  const [row] = await db
    .select()
    .from(workers)
    .where(
      and(eq(workers.projectId, projectId), eq(workers.idNumberIndex, index), isNull(workers.deletedAt)),
    );
  return row ?? null;
}

const fieldsOf = (input: WorkerFields): WorkerFields => ({
  contractorId: input.contractorId,
  name: input.name,
  phone: input.phone,
  trade: input.trade,
  team: input.team,
  originProvince: input.originProvince,
  originCity: input.originCity,
  originCounty: input.originCounty,
  arrivedOn: input.arrivedOn,
  departedOn: input.departedOn,
  accommodation: input.accommodation,
  passNumber: input.passNumber,
});

/** The stored fields of a row, in the form's shape. */
export const storedFields = (row: WorkerRow): WorkerFields => ({
  contractorId: row.contractorId,
  name: row.name,
  phone: row.phone,
  trade: row.trade,
  team: row.team,
  originProvince: row.originProvince as WorkerFields['originProvince'],
  originCity: row.originCity,
  originCounty: row.originCounty,
  arrivedOn: row.arrivedOn,
  departedOn: row.departedOn,
  accommodation: row.accommodation,
  passNumber: row.passNumber,
});

/** One worker presented to the reader. */
export async function presentOne(ctx: ReadCtx, id: string): Promise<Worker> {
  const { worker, project } = await loadWorker(ctx.db, ctx.actor, id);
  const name = await contractorName(ctx.db, project.id, worker.contractorId);
  const [presented] = await presentWorkers(
    ctx,
    [{ worker, project, contractorName: name }],
    chinaDate(ctx.clock.now()),
  );
  return presented!;
}

/**
 * Inserts a checked worker inside the caller's transaction with its audit event (the ID number
 * only masked). Used by the form and the import alike.
 */
export async function insertWorker(
  tx: Queryable,
  ctx: Ctx,
  project: WorkforceProject,
  fields: WorkerFields,
  id: Extract<ReturnType<typeof idNumberColumns>, { ok: true }>['columns'],
  detail: Record<string, unknown> = {},
) {
  const [row] = await tx
    .insert(workers)
    .values({ projectId: project.id, ...fields, ...id })
    .returning({ id: workers.id });
  await recordAudit(tx, ctx, {
    action: 'workforce.worker.create',
    entityType: 'project',
    entityId: project.id,
    regionPath: project.regionPath,
    changes: diffChanges(null, auditedWorker(fields, id.idNumberMasked!)),
    detail: { workerId: row!.id, ...detail },
  });
  return row!.id;
}

/**
 * 登记工人 (一人一档): the owner unit or the office over the project; the 身份证号码 checked by
 * GB 11643 and stored encrypted with its blind index; the same person twice in a project is refused.
 * Audited `workforce.worker.create` with the number masked.
 */
export async function createWorker(ctx: Ctx, projectId: string, input: CreateWorker): Promise<Worker> {
  const project = await loadWorkforceProject(ctx.db, ctx.actor, projectId);
  assertManageWorkforce(ctx.actor, project);
  const today = chinaDate(ctx.clock.now());
  const fields = fieldsOf(input);
  await contractorName(ctx.db, projectId, fields.contractorId);
  const { fieldCipher } = await getSecurityPolicy(ctx.db);
  const id = idNumberColumns(ctx.auditKey, input.idNumber, today, fieldCipher);
  const problems = workerFieldProblems(fields, today);
  if (!id.ok) problems.unshift({ path: 'idNumber', message: id.message });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems);
  if (!id.ok) throw new Error('unreachable');
  const twin = await workerByIndex(ctx.db, projectId, id.columns.idNumberIndex!);
  if (twin) throw refuse('idNumber', `本项目已登记该身份证号码的工人（${twin.name}），请修改该工人信息`);
  const workerId = await ctx.db.transaction((tx) => insertWorker(tx, ctx, project, fields, id.columns));
  return presentOne(ctx, workerId);
}

/**
 * Applies a checked change to a worker (versioned) with its audit event; used by the form and the
 * import. The ID number is audited masked, and only when it changed.
 */
export async function applyWorkerUpdate(
  tx: Queryable,
  ctx: Ctx,
  project: WorkforceProject,
  current: WorkerRow,
  fields: WorkerFields,
  version: number,
  id: Extract<ReturnType<typeof idNumberColumns>, { ok: true }>['columns'] | null,
  detail: Record<string, unknown> = {},
) {
  const before = auditedWorker(storedFields(current), current.idNumberMasked);
  const after = auditedWorker(fields, id?.idNumberMasked ?? current.idNumberMasked);
  const changes = diffChanges(before, after);
  if (id && id.idNumberIndex !== current.idNumberIndex && !changes.idNumber)
    changes.idNumber = { before: current.idNumberMasked, after: `${id.idNumberMasked}（已更正）` };
  await updateVersioned(tx, ctx, {
    table: workers,
    where: and(eq(workers.id, current.id), isNull(workers.deletedAt)),
    version,
    set: { ...fields, ...(id ?? {}), updatedAt: ctx.clock.now() },
    audit: () => ({
      action: 'workforce.worker.update',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      changes,
      detail: { workerId: current.id, ...detail },
    }),
    conflict: workerConflict,
  });
}

/** 修改工人信息: `idNumber` null keeps the stored number. Audited `workforce.worker.update`. */
export async function updateWorker(ctx: Ctx, workerId: string, input: UpdateWorker): Promise<Worker> {
  const { worker, project } = await loadWorker(ctx.db, ctx.actor, workerId);
  assertManageWorkforce(ctx.actor, project);
  const today = chinaDate(ctx.clock.now());
  const fields = fieldsOf(input);
  await contractorName(ctx.db, project.id, fields.contractorId);
  const problems = workerFieldProblems(fields, today);
  let id: Extract<ReturnType<typeof idNumberColumns>, { ok: true }>['columns'] | null = null;
  if (input.idNumber) {
    const { fieldCipher } = await getSecurityPolicy(ctx.db);
    const checked = idNumberColumns(ctx.auditKey, input.idNumber, today, fieldCipher);
    if (!checked.ok) problems.unshift({ path: 'idNumber', message: checked.message });
    else if (checked.columns.idNumberIndex !== worker.idNumberIndex) {
      const twin = await workerByIndex(ctx.db, project.id, checked.columns.idNumberIndex!);
      if (twin)
        problems.unshift({ path: 'idNumber', message: `本项目已登记该身份证号码的工人（${twin.name}）` });
      else id = checked.columns;
    }
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems);
  await ctx.db.transaction((tx) => applyWorkerUpdate(tx, ctx, project, worker, fields, input.version, id));
  return presentOne(ctx, workerId);
}

/** 工人离场: dated (not before the arrival, not after today). Audited `workforce.worker.depart`. */
export async function departWorker(ctx: Ctx, workerId: string, input: DepartWorker): Promise<Worker> {
  const { worker, project } = await loadWorker(ctx.db, ctx.actor, workerId);
  assertManageWorkforce(ctx.actor, project);
  const today = chinaDate(ctx.clock.now());
  if (input.departedOn < worker.arrivedOn) throw refuse('departedOn', '离场日期不能早于到岗日期');
  if (input.departedOn > today) throw refuse('departedOn', '离场日期不能晚于今天');
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: workers,
      where: and(eq(workers.id, workerId), isNull(workers.deletedAt)),
      version: input.version,
      set: { departedOn: input.departedOn, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'workforce.worker.depart',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: { departedOn: { before: worker.departedOn, after: input.departedOn } },
        detail: { workerId, name: worker.name, idNumber: worker.idNumberMasked },
      }),
      conflict: workerConflict,
    }),
  );
  return presentOne(ctx, workerId);
}

/** 删除工人 (soft; a wrong entry). Audited `workforce.worker.remove` with the number masked. */
export async function removeWorker(ctx: Ctx, workerId: string, version: number) {
  const { worker, project } = await loadWorker(ctx.db, ctx.actor, workerId);
  assertManageWorkforce(ctx.actor, project);
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: workers,
      where: and(eq(workers.id, workerId), isNull(workers.deletedAt)),
      version,
      set: { deletedAt: ctx.clock.now(), updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'workforce.worker.remove',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        detail: { workerId, name: worker.name, idNumber: worker.idNumberMasked },
      }),
      conflict: workerConflict,
    }),
  );
  return { ok: true as const };
}
