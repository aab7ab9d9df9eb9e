import { and, count, eq, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, workers } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';
import { rosterRow, rosterSheet, testIdNumber, uploadSheet } from './workforce-test-kit';

let t: TestApp;
let project = '';
let contractor = '';
let cookie = '';

beforeAll(async () => {
  t = await createTestApp();
  project = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    name: '蕉城区花名册导入测试项目',
  });
  const owner = await t.as('owner1');
  cookie = owner.cookie;
  const made = await owner.post(`/api/projects/${project}/contractors`, {
    name: '宁德市闽东劳务有限公司',
    creditCode: null,
    role: 'labour',
  });
  contractor = made.body.contractors[0].id;
}, 120_000);
afterAll(async () => t.close());

const liveWorkers = async () =>
  (
    await t.db
      .select({ n: count() })
      .from(workers)
      .where(and(eq(workers.projectId, project), isNull(workers.deletedAt)))
  )[0]!.n;

/** 500 workers, numbered; `bad` rows spoiled in the ways a contractor's sheet goes wrong. */
const rows500 = (bad: boolean) =>
  Array.from({ length: 500 }, (_, i) => {
    const number = testIdNumber(i, i % 2 === 0 ? '511381' : '350902', `19${70 + (i % 30)}0${1 + (i % 9)}15`);
    if (bad && i === 9)
      return rosterRow(`工人${i}`, `${number.slice(0, 17)}${number[17] === '0' ? '1' : '0'}`);
    if (bad && i === 99) return rosterRow(`工人${i}`, '350902199002301234');
    if (bad && i === 199) return rosterRow(`工人${i}`, number, { arrivedOn: '2026-02-30' });
    if (bad && i === 299) return rosterRow(`工人${i}`, number, { departedOn: '2026-02-01' });
    if (bad && i === 399) return rosterRow(`工人${i}`, number, { originProvince: '火星' });
    return rosterRow(`工人${i}`, number, { contractor: i % 3 === 0 ? '宁德市闽东劳务有限公司' : null });
  });

describe('importing a contractor roster of 500 workers', () => {
  it('names every bad row by row and column and writes nothing', async () => {
    const sheet = await rosterSheet(rows500(true));
    const preview = await uploadSheet(t, cookie, `/api/projects/${project}/workers/import/preview`, sheet, {
      contractorId: contractor,
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    // Title row, heading row, then data from row 3: worker i is on row i + 3.
    expect(body.problems).toEqual([
      { row: 12, column: 'C', message: '身份证号码校验码不正确，请核对' },
      { row: 102, column: 'C', message: '身份证号码中的出生日期不是有效日期' },
      { row: 202, column: 'K', message: '到岗日期“2026-02-30”不是有效日期（如 2026-02-01）' },
      { row: 302, column: 'L', message: '离场日期早于到岗日期' },
      { row: 402, column: 'H', message: '来源省份“火星”无法识别，请填写省级行政区名称，如 四川省' },
    ]);
    const refused = await uploadSheet(t, cookie, `/api/projects/${project}/workers/import`, sheet, {
      contractorId: contractor,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('花名册有 5 个问题须先改正，未导入任何工人');
    expect(await liveWorkers()).toBe(0);
  }, 120_000);

  it('imports 500 in one go, then finds everyone again by the blind index (update, never duplicate)', async () => {
    const sheet = await rosterSheet(rows500(false));
    const imported = await uploadSheet(t, cookie, `/api/projects/${project}/workers/import`, sheet, {
      contractorId: contractor,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().counts).toEqual({ created: 500, updated: 0, unchanged: 0 });
    expect(await liveWorkers()).toBe(500);
    const changed = rows500(false).map((r, i) => (i < 10 ? r.map((v, c) => (c === 4 ? '木工班' : v)) : r));
    const again = await uploadSheet(
      t,
      cookie,
      `/api/projects/${project}/workers/import`,
      await rosterSheet(changed),
      {
        contractorId: contractor,
      },
    );
    expect(again.json().counts).toEqual({ created: 0, updated: 10, unchanged: 490 });
    expect(await liveWorkers()).toBe(500);
    const audits = await t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, project), like(auditEvents.action, 'workforce.%')));
    // contractor + 500 created + import, then 10 updated + import.
    expect(audits[0]!.n).toBe(1 + 500 + 1 + 10 + 1);
  }, 240_000);

  it('refuses the same person twice in a sheet and an unknown contractor', async () => {
    const number = testIdNumber(1);
    const sheet = await rosterSheet([
      rosterRow('甲', number),
      rosterRow('乙', number),
      rosterRow('丙', testIdNumber(2), { contractor: '不存在的劳务公司' }),
    ]);
    const preview = await uploadSheet(t, cookie, `/api/projects/${project}/workers/import/preview`, sheet, {
      contractorId: contractor,
    });
    expect(preview.json().problems).toEqual([
      { row: 4, column: 'C', message: '与第 3 行是同一身份证号码' },
      {
        row: 5,
        column: 'G',
        message: '施工单位“不存在的劳务公司”不是本项目已登记的施工单位，请先在用工页添加',
      },
    ]);
  });

  it('refuses the import to those who do not keep the roster', async () => {
    const sheet = await rosterSheet([rosterRow('甲', testIdNumber(3))]);
    const fuan = await t.as('fuan');
    expect(
      (await uploadSheet(t, fuan.cookie, `/api/projects/${project}/workers/import/preview`, sheet))
        .statusCode,
    ).toBe(404);
    const leader = await t.as('leader1');
    expect(
      (await uploadSheet(t, leader.cookie, `/api/projects/${project}/workers/import/preview`, sheet))
        .statusCode,
    ).toBe(403);
  });
});
