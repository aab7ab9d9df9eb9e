import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
let projectId: string;

async function download(username: string, search: string) {
  const person = await t.as(username);
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/milestones/portfolio.xlsx?${search}`,
    headers: { cookie: person.cookie },
  });
  if (response.statusCode !== 200) return { status: response.statusCode, sheet: null };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return { status: 200, headers: response.headers, sheet: workbook.worksheets[0]! };
}

/** The column whose header cell in `row` reads `text`. */
function columnOf(sheet: ExcelJS.Worksheet, row: number, text: string) {
  let found = 0;
  sheet.getRow(row).eachCell((cell, column) => {
    if (cell.value === text && found === 0) found = column;
  });
  return found;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(beijingMorning('2026-01-05'));
  projectId = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    name: '=蕉城区节点导出测试',
  });
  await t.db.update(projects).set({ code: '2026-350902-48-01-000001' }).where(eq(projects.id, projectId));
  const county = await t.as('jiaocheng');
  const templates = await county.get('/api/milestone-templates');
  const eleven = templates.body.data.find((tpl: { name: string }) => tpl.name === '在建项目十一节点');
  const planned = await county.post(`/api/projects/${projectId}/milestones/plan`, {
    templateId: eleven.id,
    targetCode: 'start',
    targetOn: '2026-06-30',
  });
  expect(planned.status).toBe(200);
  t.clock.set(beijingMorning('2026-03-02'));
}, 120_000);
afterAll(async () => t.close());

describe('the portfolio Excel export', () => {
  it('writes one row per project with node groups, overdue marked, and a month timeline', async () => {
    const { sheet, headers } = await download('ningde', 'q=节点导出测试');
    expect(headers?.['content-disposition']).toContain("filename*=UTF-8''");
    expect(headers?.['x-content-type-options']).toBe('nosniff');
    expect(sheet!.getCell('A1').value).toBe('时间节点图（截至 2026-03-02，共 1 个项目）');
    expect(sheet!.getCell('A2').value).toBe('项目代码');
    expect(sheet!.getCell('A4').value).toBe('2026-350902-48-01-000001');
    // A name that would be a formula is kept as text.
    expect(sheet!.getCell('B4').value).toBe("'=蕉城区节点导出测试");
    expect(sheet!.getCell('C4').value).toBe('蕉城区');
    expect(sheet!.getCell('D4').value).toBe('宁德市蕉城区城市建设投资开发有限公司');
    // 项目签约 was planned for 2026-02-12: overdue on 2026-03-02, in red, not reached.
    const signing = columnOf(sheet!, 2, '项目签约');
    expect(signing).toBeGreaterThan(5);
    expect(sheet!.getCell(3, signing).value).toBe('计划');
    expect(sheet!.getCell(3, signing + 2).value).toBe('实际');
    expect(sheet!.getCell(4, signing).value).toBe('2026-02-12');
    expect(sheet!.getCell(4, signing + 1).value).toBeNull();
    expect(sheet!.getCell(4, signing + 2).value).toBe('超期未完成');
    expect((sheet!.getCell(4, signing).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    const start = columnOf(sheet!, 2, '开工');
    expect(sheet!.getCell(4, start).value).toBe('2026-06-30');
    // Months: February holds the overdue 签约 (red); June holds 开工 among others (blue, planned).
    const february = columnOf(sheet!, 3, '2026-02');
    const june = columnOf(sheet!, 3, '2026-06');
    expect(february).toBeGreaterThan(start);
    expect(sheet!.getCell(4, february).value).toBe('项目签约');
    expect((sheet!.getCell(4, february).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(sheet!.getCell(4, june).value)).toContain('开工');
    expect((sheet!.getCell(4, june).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFBDD7EE');
  });

  it('keeps to the reader’s jurisdiction and the filters, and needs a login', async () => {
    const other = await download('fuan', 'q=节点导出测试');
    expect(other.sheet!.getCell('A1').value).toBe('时间节点图（截至 2026-03-02，共 0 个项目）');
    expect(other.sheet!.getCell('A4').value).toBeNull();
    const notOverdue = await download('jiaocheng', 'q=节点导出测试&overdue=false&regionCode=350902');
    expect(notOverdue.sheet!.getCell('B4').value).toBe("'=蕉城区节点导出测试");
    const response = await t.app.inject({ method: 'GET', url: '/api/milestones/portfolio.xlsx' });
    expect(response.statusCode).toBe(401);
    expect((await download('ningde', 'pageSize=5')).status).toBe(400);
  });
});
