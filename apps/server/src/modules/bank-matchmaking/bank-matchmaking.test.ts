import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bankFollowUps, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let jiaocheng: Person;
let fuan: Person;
let owner: Person;
/** A and B in 蕉城 (owner1's unit), C in 福安. */
const p = { a: '', b: '', c: '' };
/** 农发 国开 兴业 are the city's banks, 农商 is 蕉城's. */
const bank = { nongfa: '', guokai: '', xingye: '', nongshang: '' };
const ev = { e0: '', e1: '', e2: '', e3: '' };

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('ningde');
  jiaocheng = await t.as('jiaocheng');
  fuan = await t.as('fuan');
  owner = await t.as('owner1');
  const jc = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  p.a = await insertTestProject(t, { regionCode: '350902', ownerOrganisationId: jc, name: '银企测试项目甲' });
  p.b = await insertTestProject(t, { regionCode: '350902', ownerOrganisationId: jc, name: '银企测试项目乙' });
  p.c = await insertTestProject(t, {
    regionCode: '350981',
    ownerOrganisationId: await organisationId(t, '福安市青拓新材料有限公司'),
    name: '银企测试项目丙',
  });
  await t.db
    .update(projects)
    .set({ contactPerson: '林工', contactPhone: '13800000001' })
    .where(eq(projects.id, p.a));
}, 120_000);
afterAll(async () => t.close());

const followUp = async (projectId: string, bankId: string) => {
  const [row] = await t.db
    .select()
    .from(bankFollowUps)
    .where(and(eq(bankFollowUps.projectId, projectId), eq(bankFollowUps.bankId, bankId)));
  return row;
};
const move = async (who: Person, projectId: string, bankId: string, body: Record<string, unknown>) => {
  const row = await followUp(projectId, bankId);
  return who.patch(`/api/bank-matchmaking/follow-ups/${row!.id}`, { version: row!.version, ...body });
};

describe('banks', () => {
  it('keeps a per-jurisdiction list, audited, edited only by its own office', async () => {
    const make = async (who: Person, name: string, shortName: string, level: string) => {
      const res = await who.post('/api/bank-matchmaking/banks', { name, shortName, level });
      expect(res.status).toBe(200);
      return res.body.id as string;
    };
    bank.nongfa = await make(city, '农发行测试分行', '农发行', 'city');
    bank.guokai = await make(city, '国开行测试分行', '国开行', 'provincial');
    bank.xingye = await make(city, '兴业银行测试分行', '兴业银行', 'city');
    bank.nongshang = await make(jiaocheng, '蕉城农村商业银行', '蕉城农商行', 'local');
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, bank.nongfa));
    expect(audit.map((a) => a.action)).toEqual(['bank.create']);

    const clash = await city.post('/api/bank-matchmaking/banks', { name: '兴业银行测试分行', level: 'city' });
    expect(clash.status).toBe(400);
    expect(clash.body.error.details[0].path).toBe('name');
    const badLevel = await city.post('/api/bank-matchmaking/banks', { name: '某银行', level: 'branch' });
    expect(badLevel.status).toBe(400);
    expect((await owner.post('/api/bank-matchmaking/banks', { name: '某银行', level: 'city' })).status).toBe(
      403,
    );
    const notMine = await jiaocheng.patch(`/api/bank-matchmaking/banks/${bank.xingye}`, {
      name: '兴业银行',
      level: 'city',
      version: 0,
    });
    expect(notMine.status).toBe(403);

    // 蕉城 sees the city's banks and its own; 福安 sees the city's only.
    const jcList = await jiaocheng.get('/api/bank-matchmaking/banks');
    const jcIds = jcList.body.data.map((b: { id: string }) => b.id);
    expect(jcIds).toEqual(expect.arrayContaining(Object.values(bank)));
    const faList = await fuan.get('/api/bank-matchmaking/banks');
    const faIds = faList.body.data.map((b: { id: string }) => b.id);
    expect(faIds).toEqual(expect.arrayContaining([bank.nongfa, bank.guokai, bank.xingye]));
    expect(faIds).not.toContain(bank.nongshang);
    const renamed = await city.patch(`/api/bank-matchmaking/banks/${bank.xingye}`, {
      name: '兴业银行测试分行',
      shortName: '兴业',
      level: 'city',
      version: 0,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ shortName: '兴业', version: 1, canManage: true });
  });
});

describe('events and pushes', () => {
  const event = (title: string, heldOn: string, bankIds: string[], pushes: unknown[]) => ({
    title,
    heldOn,
    venue: '宁德市行政服务中心',
    organiser: '宁德市发改委、人民银行宁德市分行',
    bankIds,
    pushes,
  });

  it('creates events with banks, pushed projects and credit signed, opening follow-ups', async () => {
    const e1 = await city.post(
      '/api/bank-matchmaking/events',
      event(
        '一季度政银企对接会',
        '2025-01-20',
        [bank.nongfa, bank.guokai, bank.xingye],
        [
          {
            projectId: p.a,
            financingNeedWanYuan: '60000',
            purpose: '项目建设贷款',
            banks: [
              { bankId: bank.nongfa, signedWanYuan: '30000' },
              { bankId: bank.guokai, signedWanYuan: '12000.5' },
            ],
          },
          {
            projectId: p.c,
            financingNeedWanYuan: '50000',
            purpose: '设备购置',
            banks: [{ bankId: bank.xingye, signedWanYuan: '40000' }],
          },
        ],
      ),
    );
    expect(e1.status).toBe(200);
    ev.e1 = e1.body.id;
    expect(e1.body).toMatchObject({ projectsPushed: 2, creditSignedWanYuan: '82000.5', canManage: true });
    expect(e1.body.pushes[0].banks).toHaveLength(2);

    const e2 = await city.post(
      '/api/bank-matchmaking/events',
      event(
        '重点项目银企对接专场',
        '2025-02-10',
        [bank.nongfa, bank.xingye],
        [
          {
            projectId: p.a,
            financingNeedWanYuan: '20000',
            purpose: '流动资金',
            banks: [{ bankId: bank.nongfa }],
          },
          {
            projectId: p.b,
            financingNeedWanYuan: '8000',
            purpose: '项目建设贷款',
            banks: [{ bankId: bank.xingye, signedWanYuan: '5000' }],
          },
        ],
      ),
    );
    expect(e2.status).toBe(200);
    ev.e2 = e2.body.id;
    // 蕉城 may invite the city's 农发行 as well as its own bank.
    const e3 = await jiaocheng.post(
      '/api/bank-matchmaking/events',
      event(
        '蕉城区银企对接会',
        '2025-02-20',
        [bank.nongshang, bank.nongfa],
        [
          {
            projectId: p.b,
            financingNeedWanYuan: '3000',
            purpose: '厂房建设',
            banks: [{ bankId: bank.nongshang, signedWanYuan: '2000' }],
          },
        ],
      ),
    );
    expect(e3.status).toBe(200);
    ev.e3 = e3.body.id;
    const e0 = await city.post(
      '/api/bank-matchmaking/events',
      event(
        '2025年冬季对接会',
        '2024-12-05',
        [bank.nongfa],
        [
          {
            projectId: p.c,
            financingNeedWanYuan: '10000',
            purpose: '项目建设贷款',
            banks: [{ bankId: bank.nongfa, signedWanYuan: '9999' }],
          },
        ],
      ),
    );
    ev.e0 = e0.body.id;

    // 6 pairs: A|农发 A|国开 C|兴业 B|兴业 B|农商 C|农发, each opened 已推送.
    const all = await t.db
      .select()
      .from(bankFollowUps)
      .where(inArray(bankFollowUps.projectId, Object.values(p)));
    expect(all).toHaveLength(6);
    expect(new Set(all.map((f) => f.status))).toEqual(new Set(['pushed']));
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, ev.e1));
    expect(audit.map((a) => a.action)).toEqual(['bankEvent.create']);
  });

  it('names the row of a bad bank or project', async () => {
    const notAttending = await city.post(
      '/api/bank-matchmaking/events',
      event(
        '错误',
        '2025-02-01',
        [bank.nongfa],
        [{ projectId: p.a, financingNeedWanYuan: '1', purpose: '测试', banks: [{ bankId: bank.xingye }] }],
      ),
    );
    expect(notAttending.status).toBe(400);
    expect(notAttending.body.error.details[0].path).toBe('pushes.0.banks.0.bankId');
    // 福安 may not invite 蕉城's own bank, nor push 蕉城's project.
    const otherCounty = await fuan.post(
      '/api/bank-matchmaking/events',
      event('错误', '2025-02-01', [bank.nongshang], []),
    );
    expect(otherCounty.status).toBe(400);
    expect(otherCounty.body.error.details[0].path).toBe('bankIds.0');
    const outOfScope = await fuan.post(
      '/api/bank-matchmaking/events',
      event(
        '错误',
        '2025-02-01',
        [bank.nongfa],
        [{ projectId: p.a, financingNeedWanYuan: '1', purpose: '测试', banks: [{ bankId: bank.nongfa }] }],
      ),
    );
    expect(outOfScope.body.error.details[0].path).toBe('pushes.0.projectId');
    const badMoney = await city.post(
      '/api/bank-matchmaking/events',
      event(
        '错误',
        '2025-02-01',
        [bank.nongfa],
        [{ projectId: p.a, financingNeedWanYuan: '-5', purpose: '测试', banks: [{ bankId: bank.nongfa }] }],
      ),
    );
    expect(badMoney.status).toBe(400);
    expect(badMoney.body.error.details[0].path).toContain('financingNeedWanYuan');
    expect(
      (
        await jiaocheng.patch(`/api/bank-matchmaking/events/${ev.e1}`, {
          ...event('改', '2025-01-20', [], []),
          version: 0,
        })
      ).status,
    ).toBe(403);
  });
});

describe('follow-ups', () => {
  it('moves by the table, with the fields each status needs, audited on the project', async () => {
    const skip = await move(city, p.a, bank.nongfa, { status: 'disbursed', creditGrantedWanYuan: '30000' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe('INVALID_TRANSITION');
    const noCredit = await move(city, p.a, bank.nongfa, { status: 'credited' });
    expect(noCredit.status).toBe(400);
    expect(noCredit.body.error.details[0].path).toBe('creditGrantedWanYuan');
    expect(
      (await move(city, p.a, bank.nongfa, { status: 'credited', creditGrantedWanYuan: '30000' })).status,
    ).toBe(200);
    const paid = await move(city, p.a, bank.nongfa, {
      status: 'disbursed',
      creditGrantedWanYuan: '30000',
      disbursedWanYuan: '20000',
      disbursedOn: '2025-02-25',
      nextStep: '跟进二期放款',
      followedUpOn: '2025-02-26',
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      status: 'disbursed',
      moves: [],
      firstPushedOn: '2025-01-20',
      signedWanYuan: '30000',
    });
    const future = await move(city, p.a, bank.guokai, { status: 'negotiating', followedUpOn: '2026-03-03' });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].path).toBe('followedUpOn');

    // 福安's office follows up its own project; 蕉城's cannot even see it.
    const [cXingye] = [await followUp(p.c, bank.xingye)];
    expect(
      (
        await jiaocheng.patch(`/api/bank-matchmaking/follow-ups/${cXingye!.id}`, {
          status: 'negotiating',
          version: 0,
        })
      ).status,
    ).toBe(404);
    expect(
      (await move(fuan, p.c, bank.xingye, { status: 'credited', creditGrantedWanYuan: '40000' })).status,
    ).toBe(200);
    const c = await move(fuan, p.c, bank.xingye, {
      status: 'disbursed',
      creditGrantedWanYuan: '40000',
      disbursedWanYuan: '40000',
      disbursedOn: '2025-03-01',
      rolledOverWanYuan: '8000',
      rolledOverOn: '2025-02-28',
    });
    expect(c.status).toBe(200);
    // The 2024 pair: 5000 disbursed in 2024 (not the year counted), 3000 rolled over in January 2025.
    await move(fuan, p.c, bank.nongfa, { status: 'credited', creditGrantedWanYuan: '10000' });
    expect(
      (
        await move(fuan, p.c, bank.nongfa, {
          status: 'disbursed',
          creditGrantedWanYuan: '10000',
          disbursedWanYuan: '5000',
          disbursedOn: '2024-12-20',
          rolledOverWanYuan: '3000',
          rolledOverOn: '2025-01-15',
        })
      ).status,
    ).toBe(200);
    const noReason = await move(city, p.b, bank.xingye, { status: 'failed' });
    expect(noReason.body.error.details[0].path).toBe('failureReason');
    expect(
      (await move(city, p.b, bank.xingye, { status: 'failed', failureReason: '抵押物不足' })).status,
    ).toBe(200);

    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, p.a), eq(auditEvents.action, 'bankFollowUp.update')));
    expect(audit).toHaveLength(2);
    expect(audit[1]!.changes).toMatchObject({ status: { before: 'credited', after: 'disbursed' } });
    const stale = await city.patch(
      `/api/bank-matchmaking/follow-ups/${(await followUp(p.a, bank.guokai))!.id}`,
      {
        status: 'negotiating',
        version: 5,
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
  });

  it('shows a project its follow-ups, to the owner read-only and to no other county', async () => {
    const mine = await owner.get(`/api/projects/${p.a}/bank-follow-ups`);
    expect(mine.status).toBe(200);
    expect(
      mine.body.data.map((f: { bankName: string; status: string; canManage: boolean }) => [
        f.bankName,
        f.status,
        f.canManage,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['农发行测试分行', 'disbursed', false],
        ['国开行测试分行', 'pushed', false],
      ]),
    );
    expect(
      (
        await owner.patch(`/api/bank-matchmaking/follow-ups/${mine.body.data[0].id}`, {
          status: 'failed',
          version: 0,
        })
      ).status,
    ).toBe(403);
    expect((await fuan.get(`/api/projects/${p.a}/bank-follow-ups`)).status).toBe(404);
    const xingye = await city.get(`/api/bank-matchmaking/follow-ups?bankId=${bank.xingye}`);
    expect(xingye.body.data.map((f: { projectName: string }) => f.projectName).sort()).toEqual(
      ['银企测试项目丙', '银企测试项目乙'].sort(),
    );
    const failed = await city.get('/api/bank-matchmaking/follow-ups?status=failed');
    const ours = failed.body.data.filter((f: { projectId: string }) =>
      Object.values(p).includes(f.projectId),
    );
    expect(ours.map((f: { projectName: string }) => f.projectName)).toEqual(['银企测试项目乙']);
    expect(failed.body.data.every((f: { status: string }) => f.status === 'failed')).toBe(true);
    expect((await t.call(null, 'GET', '/api/bank-matchmaking/follow-ups')).status).toBe(401);
  });
});

describe('overview, counted by hand', () => {
  it('gives the city the year figures with its child regions', async () => {
    const res = await city.get('/api/bank-matchmaking/overview?year=2025');
    expect(res.status).toBe(200);
    // The test's events are in 2025 (the demo's own meetings are in the test clock's year, 2026).
    // 2025 events: E1, E2, E3 (E0 is 2024). Projects A, B, C; pairs A|农发 A|国开 C|兴业 B|兴业 B|农商 =
    // 5 → 5 / 3 = 1.7 banks per project. Signed 30000 + 12000.5 + 40000 + 5000 + 2000 = 89000.5 万元.
    // Disbursed in 2025: 20000 (A|农发) + 40000 (C|兴业) = 60000; C|农发's 5000 was in 2024. Rolled over
    // in 2025: 8000 + 3000 = 11000.
    expect(res.body.totals).toEqual({
      events: 3,
      projectsPushed: 3,
      pairsPushed: 5,
      banksPerProject: '1.7',
      creditSignedWanYuan: '89000.5',
      creditSignedYiYuan: '8.90',
      disbursedWanYuan: '60000',
      disbursedYiYuan: '6.00',
      rolledOverWanYuan: '11000',
      rolledOverYiYuan: '1.10',
    });
    const row = (code: string) => res.body.regions.find((r: { regionCode: string }) => r.regionCode === code);
    // 蕉城: E1 (A), E2 (A, B), E3 (its own) = 3 events; A, B; 4 pairs → 2.0; 30000 + 12000.5 + 5000 + 2000.
    expect(row('350902')).toMatchObject({
      events: 3,
      projectsPushed: 2,
      banksPerProject: '2.0',
      creditSignedWanYuan: '49000.5',
      disbursedWanYuan: '20000',
      rolledOverWanYuan: '0',
    });
    // 福安: E1 only; C with 兴业 → 1.0; 40000 signed, 40000 disbursed, 11000 rolled over.
    expect(row('350981')).toMatchObject({
      events: 1,
      projectsPushed: 1,
      banksPerProject: '1.0',
      creditSignedWanYuan: '40000',
      disbursedWanYuan: '40000',
      rolledOverYiYuan: '1.10',
    });
    expect(res.body.events.map((e: { title: string }) => e.title)).toEqual([
      '一季度政银企对接会',
      '重点项目银企对接专场',
      '蕉城区银企对接会',
    ]);
    const last = await city.get('/api/bank-matchmaking/overview?year=2024');
    expect(last.body.totals).toMatchObject({
      events: 1,
      projectsPushed: 1,
      creditSignedWanYuan: '9999',
      disbursedWanYuan: '5000',
    });
  });

  it('gives a county only its own projects and the events they were pushed at', async () => {
    const res = await jiaocheng.get('/api/bank-matchmaking/overview?year=2025');
    expect(res.body.totals).toMatchObject({
      events: 3,
      projectsPushed: 2,
      creditSignedWanYuan: '49000.5',
      disbursedWanYuan: '20000',
    });
    const e1 = res.body.events.find((e: { id: string }) => e.id === ev.e1);
    expect(e1).toMatchObject({ projectsPushed: 1, creditSignedWanYuan: '42000.5', canManage: false });
    const fa = await fuan.get('/api/bank-matchmaking/overview?year=2025');
    expect(fa.body.totals).toMatchObject({ events: 1, projectsPushed: 1, creditSignedWanYuan: '40000' });
    const detail = await fuan.get(`/api/bank-matchmaking/events/${ev.e2}`);
    expect(detail.status).toBe(200);
    expect(detail.body.pushes).toEqual([]);
    expect((await fuan.get(`/api/bank-matchmaking/events/${ev.e3}`)).status).toBe(404);
    expect((await fuan.get('/api/bank-matchmaking/overview?regionCode=350902')).status).toBe(404);
  });
});

describe('push list export', () => {
  const download = (who: Person, query: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/bank-matchmaking/push-list.xlsx${query}`,
      headers: { cookie: who.cookie },
      remoteAddress: '10.1.1.1',
    });
  const read = async (who: Person, query: string) => {
    const res = await download(who, query);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return workbook;
  };
  const rowsOf = (sheet: ExcelJS.Worksheet) => {
    const out: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) out.push((row.values as unknown[]).slice(1));
    });
    return out;
  };

  it('writes one sheet per bank with the projects pushed to it', async () => {
    const book = await read(city, '?year=2025');
    expect(book.worksheets.map((s) => s.name).sort()).toEqual(
      ['兴业', '农发行', '国开行', '蕉城农商行'].sort(),
    );
    const xingye = book.getWorksheet('兴业')!;
    expect(xingye.getCell(1, 1).value).toBe('2025年政银企对接推送项目清单（兴业银行测试分行）');
    expect(xingye.getRow(3).values).toEqual([
      undefined,
      '序号',
      '项目名称',
      '所在地',
      '业主单位',
      '融资需求（万元）',
      '资金用途',
      '联系人',
      '对接状态',
    ]);
    const rows = rowsOf(xingye);
    expect(rows).toHaveLength(3);
    const byName = Object.fromEntries(rows.slice(0, 2).map((r) => [r[1], r]));
    expect(byName.银企测试项目丙!.slice(2)).toEqual([
      '福安市',
      '福安市青拓新材料有限公司',
      '50000',
      '设备购置',
      '',
      '已放款',
    ]);
    expect(byName.银企测试项目乙!.slice(4)).toEqual(['8000', '项目建设贷款', '', '未成功']);
    expect(rows[2]!.slice(0, 5)).toEqual(['合计', '2 个项目', '', '', '58000']);
    // A was pushed to 农发行 twice: once, with the latest need (E2: 20000, 流动资金), and its contact.
    const nongfa = rowsOf(book.getWorksheet('农发行')!);
    expect(nongfa[0]!.slice(1)).toEqual([
      '银企测试项目甲',
      '蕉城区',
      '宁德市蕉城区城市建设投资开发有限公司',
      '20000',
      '流动资金',
      '林工 13800000001',
      '已放款',
    ]);
  });

  it('filters by bank and by the reader scope', async () => {
    const one = await read(city, `?year=2025&bankId=${bank.guokai}`);
    expect(one.worksheets.map((s) => s.name)).toEqual(['国开行']);
    const county = await read(jiaocheng, '?year=2025');
    const names = county.worksheets.flatMap((s) =>
      rowsOf(s)
        .slice(0, -1)
        .map((r) => r[1]),
    );
    expect(names.sort()).toEqual(
      ['银企测试项目甲', '银企测试项目甲', '银企测试项目乙', '银企测试项目乙'].sort(),
    );
    expect((await download(fuan, `?bankId=${bank.nongshang}`)).statusCode).toBe(404);
  });
});

describe('editing an event', () => {
  it('replaces the pushes, drops untouched follow-ups and keeps those with progress', async () => {
    const detail = await jiaocheng.get(`/api/bank-matchmaking/events/${ev.e3}`);
    const res = await jiaocheng.patch(`/api/bank-matchmaking/events/${ev.e3}`, {
      title: '蕉城区银企对接会（更正）',
      heldOn: '2025-02-20',
      venue: '蕉城区政府',
      organiser: '蕉城区发改局',
      bankIds: [bank.nongshang],
      pushes: [],
      version: detail.body.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.pushes).toEqual([]);
    expect(await followUp(p.b, bank.nongshang)).toBeUndefined();
    expect(await followUp(p.b, bank.xingye)).toMatchObject({ status: 'failed' });
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, ev.e3))
      .orderBy(asc(auditEvents.id));
    // The event's own history; the refusals met on the way (access.*) are recorded beside it.
    expect(audit.map((a) => a.action).filter((action) => !action.startsWith('access.'))).toEqual([
      'bankEvent.create',
      'bankEvent.update',
    ]);
    const stale = await jiaocheng.patch(`/api/bank-matchmaking/events/${ev.e3}`, {
      title: '再改',
      heldOn: '2025-02-20',
      venue: '蕉城区政府',
      organiser: '蕉城区发改局',
      version: detail.body.version,
    });
    expect(stale.status).toBe(409);
  });

  it('deletes only a bank nothing names', async () => {
    const used = await t.call(city.cookie, 'DELETE', `/api/bank-matchmaking/banks/${bank.nongfa}?version=0`);
    expect(used.status).toBe(409);
    const spare = await city.post('/api/bank-matchmaking/banks', { name: '备用银行', level: 'county' });
    const gone = await t.call(
      city.cookie,
      'DELETE',
      `/api/bank-matchmaking/banks/${spare.body.id}?version=0`,
    );
    expect(gone.status).toBe(200);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, spare.body.id))
      .orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.action)).toEqual(['bank.create', 'bank.delete']);
  });
});
