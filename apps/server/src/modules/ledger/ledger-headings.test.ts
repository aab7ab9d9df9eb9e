import { count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context';
import { annualPlans, dictionaryEntries, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { loadActorByUsername } from '../auth';
import { importLedger } from './import-ledger';
import { parseLedger } from './parse-ledger';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-12-06T02:00:00.000Z'));
});
afterAll(async () => t.close());

async function ctxOf(username: string): Promise<Ctx> {
  const actor = await loadActorByUsername(t.db, username);
  return { db: t.db, actor: actor!, clock: t.clock, ip: null, auditKey: testAuditKey };
}

/**
 * A Dongfeng-style ledger: 合计 says 34 projects, headings 一、新建项目（17个） and 二、续建项目（18个），
 * but the rows are 17 + 18 = 35 (the printed report's own mismatch), and one 小计 count is off.
 */
async function dongfengLedger() {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('东丰县');
  sheet.addRow(['2026年东丰县5000万元以上重点项目计划表']);
  sheet.addRow(['单位：万元']);
  sheet.addRow(['序号', '项目名称', '建设单位', '建设地点', '建设起止年限', '总投资', '年度计划投资']);
  const row = (prefix: string, i: number, start: string) => [
    i,
    `东丰${prefix}项目${i}`,
    `东丰${prefix}建设有限公司`,
    '蕉城区',
    start,
    6000,
    1000,
  ];
  sheet.addRow(['合计（34个）', null, null, null, null, 35 * 6000, 35 * 1000]);
  sheet.addRow(['一、新建项目（17个）']);
  for (let i = 1; i <= 17; i++) sheet.addRow(row('新建', i, i === 1 ? '2026.05-2027' : '2026-2027'));
  sheet.addRow(['二、续建项目（18个）']);
  sheet.addRow(['（一）产业项目（9个）']);
  for (let i = 1; i <= 10; i++) sheet.addRow(row('续建', i, '2024-2027'));
  sheet.addRow(['小计（9个）', null, null, null, null, 10 * 6000, 10 * 1000]);
  sheet.addRow(['（二）基础设施项目（9个）']);
  for (let i = 11; i <= 18; i++) sheet.addRow(row('续建', i, '2025-2027'));
  return parseLedger(Buffer.from(await workbook.xlsx.writeBuffer()));
}

describe('ledger headings', () => {
  it('reports stated counts in headings, 合计 and 小计 that the rows do not bear out, values kept', async () => {
    const parsed = await dongfengLedger();
    expect(parsed.records).toHaveLength(35);
    const warnings = parsed.problems.filter((p) => p.severity === 'warning').map((p) => [p.row, p.message]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        [4, '合计行写明 34 个项目，下列明细实有 35 个；以明细为准，未修改项目数据'],
        [35, '小计行写明 9 个项目，下列明细实有 10 个；以明细为准，未修改项目数据'],
        [24, '标题“（一）产业项目（9个）”写明 9 个项目，下列明细实有 10 个；以明细为准，未修改项目数据'],
        [36, '标题“（二）基础设施项目（9个）”写明 9 个项目，下列明细实有 8 个；以明细为准，未修改项目数据'],
      ]),
    );
    // 一、新建项目（17个） and 二、续建项目（18个） hold 17 and 18 rows: no warning for them.
    expect(warnings.filter(([row]) => row === 5 || row === 23)).toEqual([]);
    expect(parsed.records.every((r) => r.totalInvestmentWanYuan === '6000')).toBe(true);
  });

  it('reads 新建/续建 headings as construction type, never as domains', async () => {
    const parsed = await dongfengLedger();
    expect(
      parsed.records.slice(0, 17).every((r) => r.constructionType === 'new' && r.category === null),
    ).toBe(true);
    expect(parsed.records[17]).toMatchObject({ constructionType: 'continuing', category: '产业项目' });
    expect(parsed.records[34]).toMatchObject({ constructionType: 'continuing', category: '基础设施项目' });
  });

  it('imports this year’s projects as 前期 with the planned start, and adds no domain for the headings', async () => {
    const ctx = await ctxOf('jiaocheng');
    const domainsBefore = (
      await t.db.select({ n: count() }).from(dictionaryEntries).where(eq(dictionaryEntries.kind, 'domain'))
    )[0]!.n;
    const outcome = await importLedger(ctx, { parsed: await dongfengLedger() });
    // Rows under 新建 without a domain go to 其他 (created if the dictionary lacks it); 新建/续建 never.
    expect(outcome.counts).toMatchObject({ created: 35 });
    expect(outcome.domainsCreated).toEqual(['其他']);
    const rows = await t.db
      .select()
      .from(projects)
      .where(inArray(projects.name, ['东丰新建项目1', '东丰新建项目2', '东丰续建项目1', '东丰续建项目11']));
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('东丰新建项目1')).toMatchObject({
      stage: 'preparing',
      constructionType: 'new',
      startYear: 2026,
      startMonth: 5,
      domain: '其他',
      address: null,
      regionCode: '350902',
    });
    expect(byName.get('东丰新建项目2')).toMatchObject({ stage: 'preparing', constructionType: 'new' });
    expect(byName.get('东丰续建项目1')).toMatchObject({
      stage: 'underway',
      constructionType: 'continuing',
      domain: '现代产业',
    });
    expect(byName.get('东丰续建项目11')).toMatchObject({
      constructionType: 'continuing',
      domain: '基础设施',
    });
    const [plan] = await t.db
      .select()
      .from(annualPlans)
      .where(eq(annualPlans.projectId, byName.get('东丰新建项目1')!.id));
    expect(plan).toMatchObject({ year: 2026, plansStart: true, startMonth: 5, status: 'draft' });
    const domainsAfter = (
      await t.db.select({ n: count() }).from(dictionaryEntries).where(eq(dictionaryEntries.kind, 'domain'))
    )[0]!.n;
    expect(domainsAfter).toBe(domainsBefore + 1);
  });
});
