import { CreateProject } from '@tuijin/contracts';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context';
import { auditEvents, organisations, projectStageChanges, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { loadActorByUsername } from '../auth';
import { prepareProject, writeProjects } from './save-project';

// writeProjects in one transaction for more projects than one statement can carry (65,535
// parameters ≈ 1,900 projects): every project, its 入库 stage change and its audit event, ids in order.
let t: TestApp;
let ctx: Ctx;

beforeAll(async () => {
  t = await createTestApp();
  ctx = {
    db: t.db,
    actor: (await loadActorByUsername(t.db, 'jiaocheng'))!,
    clock: t.clock,
    ip: null,
    auditKey: testAuditKey,
  };
});
afterAll(async () => t.close());

describe('writing many new projects at once', () => {
  it('writes 2,100 projects with their stage changes and audit events, ids in input order', async () => {
    const [owner] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '宁德市蕉城区城市建设投资开发有限公司'));
    const names = Array.from({ length: 2_100 }, (_, i) => `批量入库测试项目${String(i).padStart(4, '0')}`);
    const ids = await t.db.transaction(async (tx) => {
      const template = await prepareProject(
        tx,
        ctx,
        CreateProject.parse({
          code: null,
          name: names[0]!,
          ownerOrganisationId: owner!.id,
          regionCode: '350902',
          levels: ['county'],
          domain: '现代产业',
          industry: '新材料',
          totalInvestmentWanYuan: '1000',
          startYear: 2026,
          endYear: 2028,
          constructionType: 'new',
          tags: [],
        }),
      );
      return writeProjects(
        tx,
        { ...ctx, db: tx },
        names.map((name) => ({ ...template, fields: { ...template.fields, name } })),
      );
    });
    expect(ids).toHaveLength(2_100);
    const written = await t.db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(inArray(projects.id, ids));
    const nameOf = new Map(written.map((r) => [r.id, r.name]));
    expect(ids.map((id) => nameOf.get(id))).toEqual(names);
    const [stages] = await t.db
      .select({ n: count() })
      .from(projectStageChanges)
      .where(inArray(projectStageChanges.projectId, ids));
    expect(stages?.n).toBe(2_100);
    const [audits] = await t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'project.create' and ${inArray(auditEvents.entityId, ids)}`);
    expect(audits?.n).toBe(2_100);
  });
});
