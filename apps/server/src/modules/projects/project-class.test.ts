import { and, eq, isNotNull, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { organisationId } from '../problems/problem-test-kit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t.close());

const project = (ownerOrganisationId: string, projectClass: string | null) => ({
  code: null,
  name: '蕉城区项目分类测试项目',
  ownerOrganisationId,
  regionCode: '350902',
  levels: ['county'],
  domain: '社会民生',
  totalInvestmentWanYuan: '800',
  startYear: 2026,
  endYear: 2027,
  constructionType: 'new',
  projectClass,
});

describe('项目分类 (project classes)', () => {
  it('takes a class from the dictionary on the form, refuses an unknown one and audits the change', async () => {
    const county = await t.as('jiaocheng');
    const owner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
    const unknown = await county.post('/api/projects', project(owner, '重中之重类'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.map((d: { path: string }) => d.path)).toContain('projectClass');
    const created = await county.post('/api/projects', project(owner, '急需民生类'));
    expect(created.status).toBe(200);
    expect(created.body.projectClass).toBe('急需民生类');
    const changed = await county.put(`/api/projects/${created.body.id}`, {
      ...project(owner, '基础设施类'),
      version: created.body.version,
    });
    expect(changed.status).toBe(200);
    expect((await county.get(`/api/projects/${created.body.id}`)).body.projectClass).toBe('基础设施类');
    const [update] = await t.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, created.body.id), eq(auditEvents.action, 'project.update')));
    expect(update!.changes).toMatchObject({ projectClass: { before: '急需民生类', after: '基础设施类' } });
  });

  it('filters the list by class, the count matching the rows counted by hand', async () => {
    const county = await t.as('jiaocheng');
    const rows = await t.db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.projectClass, '产业链类'), like(projects.regionPath, '%350902')));
    expect(rows.length).toBeGreaterThan(0);
    const list = await county.get(
      `/api/projects?projectClass=${encodeURIComponent('产业链类')}&pageSize=100`,
    );
    expect(list.status).toBe(200);
    expect(list.body.totals.count).toBe(rows.length);
    expect(list.body.data.every((p: { projectClass: string }) => p.projectClass === '产业链类')).toBe(true);
  });

  it('reaches the cockpit through the shared filter: the demo’s 产业链类 are its 现代产业 projects', async () => {
    const city = await t.as('ningde');
    const byDomain = (await city.get('/api/cockpit/rollup?year=2026&month=2&dimension=domain')).body;
    const industry = byDomain.rows.find((r: { key: string }) => r.key === '现代产业');
    const filtered = (
      await city.get(`/api/cockpit/rollup?year=2026&month=2&projectClass=${encodeURIComponent('产业链类')}`)
    ).body;
    expect(filtered.total.projectCount.value).toBe(industry.figures.projectCount.value);
    expect(Number(filtered.total.projectCount.value)).toBeLessThan(Number(byDomain.total.projectCount.value));
  });

  it('writes the class in the project list export', async () => {
    const county = await t.as('jiaocheng');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/projects/export.xlsx?projectClass=${encodeURIComponent('产业链类')}`,
      headers: { cookie: county.cookie },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    let column = 0;
    let headerRow = 0;
    sheet.eachRow((row, n) => {
      row.eachCell((cell, c) => {
        if (cell.value === '优先分类') [column, headerRow] = [c, n];
      });
    });
    expect(column).toBeGreaterThan(0);
    const classes = new Set<unknown>();
    sheet.eachRow((row, n) => {
      // Project rows carry their 序号 (a number); headings, 合计 and 小计 rows do not.
      if (n > headerRow && typeof row.getCell(1).value === 'number') classes.add(row.getCell(column).value);
    });
    expect([...classes]).toEqual(['产业链类']);
    const classed = await t.db
      .select({ id: projects.id })
      .from(projects)
      .where(isNotNull(projects.projectClass));
    expect(classed.length).toBeGreaterThan(0);
  });
});
