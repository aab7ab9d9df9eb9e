import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context';
import { auditEvents, dictionaryEntries, organisations, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { loadActorByUsername } from '../auth';
import { importLedger, LedgerRefusedError } from './import-ledger';
import { buildMessyLedger } from './messy-ledger.fixture';
import { parseLedger } from './parse-ledger';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function ctxOf(username: string): Promise<Ctx> {
  const actor = await loadActorByUsername(t.db, username);
  return { db: t.db, actor: actor!, clock: t.clock, ip: null, auditKey: testAuditKey };
}

const auditCount = async () => (await t.db.select({ n: count() }).from(auditEvents))[0]!.n;
const projectCount = async () => (await t.db.select({ n: count() }).from(projects))[0]!.n;

/** A small clean ledger: header on row 1, one project per row after it. */
async function ledger(sheetName: string, rows: (string | number | null)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([
    '序号',
    '项目名称',
    '项目代码',
    '建设单位',
    '建设起止年限',
    '总投资（万元）',
    '挂钩领导',
    '责任单位',
  ]);
  for (const row of rows) sheet.addRow(row);
  return parseLedger(Buffer.from(await workbook.xlsx.writeBuffer()));
}

describe('importLedger', () => {
  it('creates the messy ledger’s projects in one go, with owners, levels, domains and years', async () => {
    const ctx = await ctxOf('jiaocheng');
    const parsed = await parseLedger(await buildMessyLedger());
    const before = { projects: await projectCount(), audit: await auditCount() };
    const outcome = await importLedger(ctx, { parsed, fileName: '蕉城区台账.xlsx' });
    expect(outcome.counts).toMatchObject({ created: 5, updated: 0, unchanged: 0, ownersCreated: 0 });
    expect(await projectCount()).toBe(before.projects + 5);
    // one event per project, one per draft plan (the rows with 年度计划投资), one summary
    const withPlan = parsed.records.filter((r) => r.annualPlanWanYuan !== null).length;
    expect(outcome.counts).toMatchObject({ plansCreated: withPlan, plansUpdated: 0 });
    expect(outcome.planYears).toEqual([2025]);
    expect(await auditCount()).toBe(before.audit + 5 + withPlan + 1);
    const [battery] = await t.db.select().from(projects).where(eq(projects.name, '时代新能源锂电池扩产项目'));
    expect(battery).toMatchObject({
      regionCode: '350902',
      levels: ['provincial', 'county'],
      domain: '现代产业',
      totalInvestmentWanYuan: '89700.0000',
      startYear: 2025,
      startMonth: 7,
      endYear: 2028,
      endMonth: null,
      stage: 'underway',
      constructionType: 'continuing',
      address: '蕉城区漳湾镇',
    });
    expect(battery!.leaderUserId).not.toBeNull();
    const [road] = await t.db.select().from(projects).where(eq(projects.name, '国道改线工程'));
    expect(road).toMatchObject({ domain: '基础设施', levels: ['county'], leaderUserId: null });
    expect(outcome.problems).toContainEqual(
      expect.objectContaining({ sheet: '蕉城区', row: 8, column: 'L', severity: 'warning' }),
    );
    const [summary] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'ledger.import'))
      .orderBy(sql`${auditEvents.id} desc`)
      .limit(1);
    expect(summary!.detail).toMatchObject({ created: 5, fileName: '蕉城区台账.xlsx' });
  });

  it('changes nothing and records no audit event when the same file is imported again', async () => {
    const ctx = await ctxOf('jiaocheng');
    const parsed = await parseLedger(await buildMessyLedger());
    const before = { projects: await projectCount(), audit: await auditCount() };
    const outcome = await importLedger(ctx, { parsed });
    expect(outcome.counts).toMatchObject({ created: 0, updated: 0, unchanged: 5, ownersCreated: 0 });
    expect(outcome.actions.every((a) => a.action === 'unchanged' && a.projectId)).toBe(true);
    expect(await projectCount()).toBe(before.projects);
    expect(await auditCount()).toBe(before.audit);
  });

  it('updates by project code, and by name + owner, naming the changed fields', async () => {
    const ctx = await ctxOf('jiaocheng');
    const [coded] = await t.db
      .select()
      .from(projects)
      .where(and(eq(projects.regionCode, '350902'), sql`${projects.code} is not null`))
      .limit(1);
    const [owner] = await t.db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, coded!.ownerOrganisationId));
    const parsed = await ledger('Sheet1', [
      [
        1,
        '改名后的项目',
        coded!.code,
        owner!.name,
        `${coded!.startYear}-${coded!.endYear}`,
        12345.5,
        null,
        null,
      ],
      [2, '国道改线工程', null, '宁德市蕉城区城市建设投资开发有限公司', '2024-2027', 80000, '陈立军', null],
    ]);
    const audit = await auditCount();
    const outcome = await importLedger(ctx, { parsed });
    expect(outcome.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(outcome.counts).toMatchObject({ created: 0, updated: 2 });
    expect(outcome.actions[0]).toMatchObject({ action: 'update', projectId: coded!.id });
    expect(outcome.actions[0]!.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['name', 'totalInvestmentWanYuan']),
    );
    expect(outcome.actions[1]!.changes.map((c) => c.field).sort()).toEqual(['endYear', 'leaderUserId']);
    const [renamed] = await t.db.select().from(projects).where(eq(projects.id, coded!.id));
    expect(renamed).toMatchObject({ name: '改名后的项目', totalInvestmentWanYuan: '12345.5000' });
    expect(renamed!.version).toBe(coded!.version + 1);
    expect(await auditCount()).toBe(audit + 2 + 1);
  });

  it('takes the region from the sheet name and refuses a sheet outside the office’s jurisdiction', async () => {
    const ctx = await ctxOf('jiaocheng');
    const before = { projects: await projectCount(), audit: await auditCount() };
    const workbook = new ExcelJS.Workbook();
    for (const name of ['蕉城区', '福安市']) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRow(['项目名称', '建设单位', '建设年限', '总投资']);
      sheet.addRow([`${name}新项目`, '福安市青拓新材料有限公司', '2026', 500]);
    }
    const parsed = await parseLedger(Buffer.from(await workbook.xlsx.writeBuffer()));
    const refused = await importLedger(ctx, { parsed }).catch((e) => e);
    expect(refused).toBeInstanceOf(LedgerRefusedError);
    expect(refused.details).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/福安市.*第 2 行.*不在本单位辖区/) }),
    ]);
    expect(await projectCount()).toBe(before.projects);
    expect(await auditCount()).toBe(before.audit);
    // the city office covers both counties: each sheet goes to its own county
    const city = await importLedger(await ctxOf('ningde'), { parsed, dryRun: true });
    expect(city.isBlocked).toBe(false);
    expect(city.actions.map((a) => a.regionCode)).toEqual(['350902', '350981']);
    expect(await projectCount()).toBe(before.projects);
    const chosen = await importLedger(ctx, { parsed, regionCode: '350981' }).catch((e) => e);
    expect(chosen.code).toBe('VALIDATION_FAILED');
  });

  it('blocks the whole import on a row that fails the project contract, writing nothing', async () => {
    const ctx = await ctxOf('jiaocheng');
    const before = { projects: await projectCount(), audit: await auditCount() };
    const owners = (await t.db.select({ n: count() }).from(organisations))[0]!.n;
    const parsed = await ledger('蕉城区', [
      [1, '一个好项目', null, '全新业主有限公司', '2026', 100, null, null],
      [2, '没有总投资的项目', null, '全新业主有限公司', '2026', null, null, null],
      [3, '代码不对的项目', 'ABC', '全新业主有限公司', '2026', 100, null, null],
      [4, '年份倒挂的项目', null, '全新业主有限公司', '2028-2026', 100, null, null],
    ]);
    const dry = await importLedger(ctx, { parsed, dryRun: true });
    expect(dry.isBlocked).toBe(true);
    expect(dry.actions.map((a) => a.action)).toEqual(['create', 'invalid', 'invalid', 'invalid']);
    const errors = dry.problems.filter((p) => p.severity === 'error');
    expect([...new Set(errors.map((p) => `${p.column}${p.row}`))]).toEqual(['F3', 'C4', 'E5']);
    await expect(importLedger(ctx, { parsed })).rejects.toBeInstanceOf(LedgerRefusedError);
    expect(await projectCount()).toBe(before.projects);
    expect(await auditCount()).toBe(before.audit);
    expect((await t.db.select({ n: count() }).from(organisations))[0]!.n).toBe(owners);
  });

  it('registers unknown owner units and adds an unknown category to the domain dictionary, audited', async () => {
    const ctx = await ctxOf('jiaocheng');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['项目名称', '建设单位', '建设年限', '总投资']);
    sheet.addRow(['一、乡村振兴项目（1个）']);
    sheet.addRow(['茶园提升工程', '蕉城茶园建设有限公司', '2027', 900]);
    const parsed = await parseLedger(Buffer.from(await workbook.xlsx.writeBuffer()));
    const audit = await auditCount();
    const outcome = await importLedger(ctx, { parsed });
    expect(outcome.domainsCreated).toEqual(['乡村振兴']);
    expect(outcome.ownersCreated).toEqual([{ name: '蕉城茶园建设有限公司', regionCode: '350902' }]);
    // the project, the owner unit, the dictionary entry, the summary
    expect(await auditCount()).toBe(audit + 4);
    const [owner] = await t.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, '蕉城茶园建设有限公司'));
    expect(owner).toMatchObject({ kind: 'owner', regionCode: '350902' });
    const [entry] = await t.db.select().from(dictionaryEntries).where(eq(dictionaryEntries.name, '乡村振兴'));
    expect(entry?.kind).toBe('domain');
    const [project] = await t.db.select().from(projects).where(eq(projects.name, '茶园提升工程'));
    expect(project).toMatchObject({ domain: '乡村振兴', stage: 'preparing', constructionType: 'new' });
  });

  it('is refused to an owner unit', async () => {
    const parsed = await parseLedger(await buildMessyLedger());
    await expect(importLedger(await ctxOf('owner1'), { parsed })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
