import type { CreateMilestoneTemplate, UpdateMilestoneTemplate } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  authorize,
  can,
  dependencyOrder,
  isSystemActor,
  milestonePresets,
} from '@tuijin/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { milestoneTemplates, regions, type StoredNodeSpec } from '../../db/schema';
import { seesRegionSettings } from '../../lib/region-lookup';
import { ancestorPaths } from '../../lib/scope';
import { recordAudit, updateVersioned } from '../audit';

type TemplateRow = typeof milestoneTemplates.$inferSelect;

async function regionByCode(db: Queryable, code: string) {
  const [region] = await db.select().from(regions).where(eq(regions.code, code));
  if (!region)
    throw new AppError('VALIDATION_FAILED', `区域“${code}”不存在`, [
      { path: 'regionCode', message: '区域不存在' },
    ]);
  return region;
}

const mayManageTemplatesOf = (actor: Actor, regionPath: string) =>
  isSystemActor(actor) || (can(actor, 'milestoneTemplate.manage') && actor.regionPath === regionPath);

export function presentTemplate(row: TemplateRow) {
  return {
    id: row.id,
    regionCode: row.regionCode,
    name: row.name,
    domains: row.domains,
    defaultTarget: row.defaultTarget,
    nodes: row.nodes,
    active: row.active,
    version: row.version,
  };
}

/** The templates usable in a region: its own and those of the regions above it, nearest first. */
export async function templatesFor(db: Queryable, regionPath: string) {
  const paths = [regionPath, ...ancestorPaths(regionPath).reverse()];
  const rows = await db
    .select({ template: milestoneTemplates, regionName: regions.name })
    .from(milestoneTemplates)
    .innerJoin(regions, eq(regions.code, milestoneTemplates.regionCode))
    .where(inArray(milestoneTemplates.regionPath, paths))
    .orderBy(asc(milestoneTemplates.name));
  return rows.sort((a, b) => paths.indexOf(a.template.regionPath) - paths.indexOf(b.template.regionPath));
}

/** 节点模板 of a region in the actor's jurisdiction (its own by default), with the presets. */
export async function listMilestoneTemplates(db: Queryable, actor: Actor, regionCode: string | undefined) {
  authorize(actor, 'milestone.read');
  const region = await regionByCode(db, regionCode ?? actor.regionCode);
  if (!seesRegionSettings(actor, region.path)) throw new AppError('NOT_FOUND', '区域不存在');
  const rows = await templatesFor(db, region.path);
  return {
    regionCode: region.code,
    canManage: mayManageTemplatesOf(actor, region.path),
    data: rows.map(({ template, regionName }) => ({
      ...presentTemplate(template),
      regionName,
      isOwn: template.regionPath === region.path,
    })),
    presets: milestonePresets.map((p) => ({ key: p.key, name: p.name, nodes: p.nodes.length })),
  };
}

/** A template's nodes hold together: unique codes, predecessors among them, no cycle, the target one of them. */
function assertNodes(nodes: readonly StoredNodeSpec[], defaultTarget: string) {
  const codes = nodes.map((n) => n.code);
  const repeated = codes.filter((code, i) => codes.indexOf(code) !== i);
  if (repeated.length > 0)
    throw new AppError('VALIDATION_FAILED', `节点代码重复：${[...new Set(repeated)].join('、')}`, [
      { path: 'nodes', message: '节点代码重复' },
    ]);
  for (const [index, node] of nodes.entries()) {
    const unknown = node.dependsOn.filter((code) => !codes.includes(code) || code === node.code);
    if (unknown.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `节点“${node.name}”的前置节点“${unknown.join('、')}”不在模板中`,
        [{ path: `nodes.${index}.dependsOn`, message: '不在模板中' }],
      );
  }
  dependencyOrder(nodes, '节点');
  const starts = nodes.filter((n) => n.marksStart);
  if (starts.length > 1)
    throw new AppError('VALIDATION_FAILED', `只能有一个开工节点：${starts.map((n) => n.name).join('、')}`, [
      { path: `nodes.${nodes.indexOf(starts[1]!)}.marksStart`, message: '只能有一个开工节点' },
    ]);
  if (!codes.includes(defaultTarget))
    throw new AppError('VALIDATION_FAILED', `默认目标节点“${defaultTarget}”不在模板中`, [
      { path: 'defaultTarget', message: '不在模板中' },
    ]);
}

/** Adds a template to a region: a copy of a preset, or written out, optionally changed. */
export async function createMilestoneTemplate(ctx: Ctx, input: CreateMilestoneTemplate) {
  authorize(ctx.actor, 'milestoneTemplate.manage');
  const region = await regionByCode(ctx.db, input.regionCode);
  if (!mayManageTemplatesOf(ctx.actor, region.path))
    throw new AppError('FORBIDDEN', '只能维护本辖区的节点模板');
  const preset = input.preset ? milestonePresets.find((p) => p.key === input.preset) : undefined;
  if (input.preset && !preset)
    throw new AppError('VALIDATION_FAILED', `预设“${input.preset}”不存在`, [
      { path: 'preset', message: '预设不存在' },
    ]);
  const name = input.name ?? preset?.name;
  const nodes = input.nodes ?? preset?.nodes.map((n) => ({ ...n, dependsOn: [...n.dependsOn] }));
  const defaultTarget = input.defaultTarget ?? preset?.defaultTarget;
  if (!name || !nodes || !defaultTarget)
    throw new AppError('VALIDATION_FAILED', '请选择预设，或填写模板名称、节点和默认目标节点', [
      { path: 'preset', message: '请选择预设或填写节点' },
    ]);
  assertNodes(nodes, defaultTarget);
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(milestoneTemplates)
      .values({
        regionCode: region.code,
        regionPath: region.path,
        name,
        domains: input.domains ?? preset?.domains ?? [],
        defaultTarget,
        nodes,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    const row = rows[0];
    if (!row)
      throw new AppError('CONFLICT', `本辖区已有名为“${name}”的节点模板`, [
        { path: 'name', message: '名称已存在' },
      ]);
    await recordAudit(tx, ctx, {
      action: 'milestoneTemplate.create',
      entityType: 'milestoneTemplate',
      entityId: row.id,
      regionPath: region.path,
      detail: { name, preset: input.preset ?? null, nodes: nodes.length },
    });
    return presentTemplate(row);
  });
}

export async function updateMilestoneTemplate(ctx: Ctx, id: string, input: UpdateMilestoneTemplate) {
  authorize(ctx.actor, 'milestoneTemplate.manage');
  const [current] = await ctx.db.select().from(milestoneTemplates).where(eq(milestoneTemplates.id, id));
  if (!current || !seesRegionSettings(ctx.actor, current.regionPath))
    throw new AppError('NOT_FOUND', '节点模板不存在');
  if (!mayManageTemplatesOf(ctx.actor, current.regionPath))
    throw new AppError('FORBIDDEN', '只能维护本辖区的节点模板');
  const { version, ...set } = input;
  assertNodes(set.nodes ?? current.nodes, set.defaultTarget ?? current.defaultTarget);
  const row = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: milestoneTemplates,
      where: eq(milestoneTemplates.id, id),
      version,
      set: { ...set, updatedAt: ctx.clock.now() },
      audit: (saved) => ({
        action: 'milestoneTemplate.update',
        entityType: 'milestoneTemplate',
        entityId: id,
        regionPath: current.regionPath,
        changes: Object.fromEntries(
          Object.keys(set).map((field) => [
            field,
            {
              before: current[field as keyof TemplateRow] as unknown,
              after: saved[field as keyof TemplateRow] as unknown,
            },
          ]),
        ),
      }),
      conflict: '该模板已被他人修改，请刷新后重试',
    }),
  );
  return presentTemplate(row);
}
