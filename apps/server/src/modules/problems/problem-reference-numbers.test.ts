import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from './problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let owner: Person;
let jiaocheng: Person;
let fuan: Person;
let city: Person;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.as('owner1');
  jiaocheng = await t.as('jiaocheng');
  fuan = await t.as('fuan');
  city = await t.as('ningde');
});
afterAll(async () => t.close());

/** Every reference number a person sees, page by page. */
async function visibleNumbers(who: Person): Promise<{ numbers: string[]; total: number }> {
  const numbers: string[] = [];
  for (let page = 1; ; page += 1) {
    const response = await who.get(`/api/problems?pageSize=200&page=${page}`);
    expect(response.status).toBe(200);
    numbers.push(...response.body.data.map((p: { referenceNumber: string }) => p.referenceNumber));
    if (numbers.length >= response.body.page.total || response.body.data.length === 0)
      return { numbers, total: response.body.page.total };
  }
}

/** The statements of this branch's migration, as drizzle-kit runs them. */
const migration = readFileSync(
  new URL('../../../drizzle/0011_problem_references.sql', import.meta.url),
  'utf8',
)
  .split('--> statement-breakpoint')
  .map((statement) => statement.trim());
const conversion = migration.find((s) => s.includes('UPDATE "problems"'))!;
const uniqueIndex = migration.find((s) =>
  s.startsWith('CREATE UNIQUE INDEX "problems_reference_number_key"'),
)!;

describe('problem reference numbers', () => {
  it('are unique across everything the city office can see, and carry the region', async () => {
    const { numbers, total } = await visibleNumbers(city);
    expect(total).toBeGreaterThan(20);
    expect(numbers).toHaveLength(total);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) expect(number).toMatch(/^WT-\d{6}(-[A-Z]+)?-\d{4}-\d{6}$/);
  });

  it('never collide between concurrent raises in one region', async () => {
    const project = await insertTestProject(t, {
      regionCode: '350902',
      ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    });
    const raised = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        owner.post('/api/problems', { projectId: project, category: '用地', description: `并发登记 ${i}` }),
      ),
    );
    for (const response of raised) expect(response.status).toBe(200);
    const numbers = raised.map((r) => r.body.referenceNumber as string);
    expect(new Set(numbers).size).toBe(6);
    const sequence = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(sequence.at(-1)! - sequence[0]!).toBe(5);
  });

  it('the database refuses a second problem with the same number', async () => {
    const [existing] = await queryRows<{ reference_number: string }>(
      t.db,
      sql`select reference_number from problems limit 1`,
    );
    await expect(
      t.db.execute(sql`
        insert into problems (reference_number, project_id, region_code, region_path, category, description,
          channel, raised_by_name, raised_at, status, level, level_started_on, due_on)
        select ${existing!.reference_number}, project_id, region_code, region_path, category, description,
          channel, raised_by_name, raised_at, status, level, level_started_on, due_on
        from problems limit 1`),
    ).rejects.toThrow();
  });

  it('the migration turns old per-county numbers into unique ones, deterministically, and old numbers still resolve within scope', async () => {
    // Two counties that both issued WT-2025-000001 before numbers carried the region.
    await t.db.execute(sql.raw('DROP INDEX "problems_reference_number_key"'));
    const projects = {
      '350902': await insertTestProject(t, {
        regionCode: '350902',
        ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
      }),
      '350981': await insertTestProject(t, {
        regionCode: '350981',
        ownerOrganisationId: await organisationId(t, '福安市重点项目建设办公室'),
      }),
    };
    for (const [code, projectId] of Object.entries(projects))
      await t.db.execute(sql`
        insert into problems (reference_number, project_id, region_code, region_path, category, description,
          channel, raised_by_name, raised_at, status, level, level_started_on, due_on)
        select 'WT-2025-000001', id, region_code, region_path, '用地', ${`旧编号 ${code}`}, 'meeting', '迁移测试',
          '2025-06-02T01:00:00Z', 'accepted', 1, '2025-06-02', '2025-06-09'
        from projects where id = ${projectId}`);

    await t.db.execute(sql.raw(conversion));
    await t.db.execute(sql.raw(conversion)); // a second run changes nothing
    await t.db.execute(sql.raw(uniqueIndex));

    const converted = await queryRows(
      t.db,
      sql`select reference_number, legacy_reference_number from problems
        where legacy_reference_number = 'WT-2025-000001' order by reference_number`,
    );
    expect(converted).toEqual([
      { reference_number: 'WT-350902-2025-000001', legacy_reference_number: 'WT-2025-000001' },
      { reference_number: 'WT-350981-2025-000001', legacy_reference_number: 'WT-2025-000001' },
    ]);

    const lookup = async (who: Person, number: string) => {
      const response = await who.get(`/api/problems?referenceNumber=${number}`);
      expect(response.status).toBe(200);
      return response.body.data.map((p: { referenceNumber: string }) => p.referenceNumber);
    };
    expect(await lookup(jiaocheng, 'WT-2025-000001')).toEqual(['WT-350902-2025-000001']);
    expect(await lookup(fuan, 'wt-2025-000001')).toEqual(['WT-350981-2025-000001']);
    expect((await lookup(city, 'WT-2025-000001')).sort()).toEqual([
      'WT-350902-2025-000001',
      'WT-350981-2025-000001',
    ]);
    expect(await lookup(fuan, 'WT-350902-2025-000001')).toEqual([]);
    expect(await lookup(jiaocheng, 'WT-350902-2025-000001')).toEqual(['WT-350902-2025-000001']);
  });
});
