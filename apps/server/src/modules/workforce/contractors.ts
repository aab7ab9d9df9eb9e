import type { SaveContractor, UpdateContractor } from '@tuijin/contracts';
import { AppError, checkCreditCode } from '@tuijin/domain';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { contractors, workers } from '../../db/schema';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import { getProjectWorkforce } from './project-workforce';
import { assertManageWorkforce, loadContractor, loadWorkforceProject } from './workforce.queries';

const conflict = '施工单位已被他人修改，请刷新后重试';

/** The contractor's fields checked: a 统一社会信用代码, when given, must carry its right check character. */
function checkedFields(input: SaveContractor) {
  let creditCode: string | null = null;
  if (input.creditCode) {
    const reading = checkCreditCode(input.creditCode);
    if (!reading.ok)
      throw new AppError(
        'VALIDATION_FAILED',
        reading.problem === 'format'
          ? '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）'
          : '统一社会信用代码校验码不正确，请核对',
        [{ path: 'creditCode', message: reading.problem === 'format' ? '格式不正确' : '校验码不正确' }],
      );
    creditCode = reading.value;
  }
  return { name: input.name, creditCode, role: input.role };
}

async function assertUniqueName(db: Queryable, projectId: string, name: string, except: string | null) {
  const [twin] = await db
    .select({ id: contractors.id })
    .from(contractors)
    .where(
      and(eq(contractors.projectId, projectId), eq(contractors.name, name), isNull(contractors.deletedAt)),
    );
  if (twin && twin.id !== except)
    throw new AppError('VALIDATION_FAILED', `本项目已有施工单位“${name}”`, [
      { path: 'name', message: '本项目已有同名施工单位' },
    ]);
}

/** 新增施工单位: the owner unit or the office over the project. Audited `workforce.contractor.create`. */
export async function createContractor(ctx: Ctx, projectId: string, input: SaveContractor) {
  const project = await loadWorkforceProject(ctx.db, ctx.actor, projectId);
  assertManageWorkforce(ctx.actor, project);
  const set = checkedFields(input);
  await assertUniqueName(ctx.db, projectId, set.name, null);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contractors)
      .values({ projectId, ...set })
      .returning({ id: contractors.id });
    await recordAudit(tx, ctx, {
      action: 'workforce.contractor.create',
      entityType: 'project',
      entityId: projectId,
      regionPath: project.regionPath,
      changes: diffChanges(null, set),
      detail: { contractorId: row!.id },
    });
  });
  return getProjectWorkforce(ctx, projectId);
}

/** 修改施工单位. Audited `workforce.contractor.update`. */
export async function updateContractor(ctx: Ctx, id: string, input: UpdateContractor) {
  const { contractor, project } = await loadContractor(ctx.db, ctx.actor, id);
  assertManageWorkforce(ctx.actor, project);
  const set = checkedFields(input);
  await assertUniqueName(ctx.db, project.id, set.name, id);
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: contractors,
      where: and(eq(contractors.id, id), isNull(contractors.deletedAt)),
      version: input.version,
      set: { ...set, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'workforce.contractor.update',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: diffChanges(
          { name: contractor.name, creditCode: contractor.creditCode, role: contractor.role },
          set,
        ),
        detail: { contractorId: id },
      }),
      conflict,
    }),
  );
  return getProjectWorkforce(ctx, project.id);
}

/** 删除施工单位 (soft): refused while it has workers on the roster. Audited `workforce.contractor.remove`. */
export async function removeContractor(ctx: Ctx, id: string, version: number) {
  const { contractor, project } = await loadContractor(ctx.db, ctx.actor, id);
  assertManageWorkforce(ctx.actor, project);
  const [live] = await ctx.db
    .select({ n: count() })
    .from(workers)
    .where(and(eq(workers.contractorId, id), isNull(workers.deletedAt)));
  if ((live?.n ?? 0) > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `施工单位“${contractor.name}”还有 ${live!.n} 名工人在册，不能删除`,
      [{ path: 'contractor', message: '还有在册工人' }],
    );
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: contractors,
      where: and(eq(contractors.id, id), isNull(contractors.deletedAt)),
      version,
      set: { deletedAt: ctx.clock.now(), updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'workforce.contractor.remove',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        detail: { contractorId: id, name: contractor.name },
      }),
      conflict,
    }),
  );
  return getProjectWorkforce(ctx, project.id);
}
