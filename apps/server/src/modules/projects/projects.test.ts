import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const sumAmounts = (values: string[]) =>
  values.reduce((total, v) => total + BigInt(Math.round(Number(v) * 10000)), 0n);

async function firstProject(username: string, query = '') {
  return (await (await t.as(username)).get(`/api/projects?pageSize=1${query}`)).body.data[0];
}

describe('project list', () => {
  it('shows a county office only its county, and NOT_FOUND for another county’s project', async () => {
    const county = await t.as('jiaocheng');
    const page = (await county.get('/api/projects?pageSize=200')).body;
    expect(page.data.length).toBeGreaterThan(10);
    expect(page.data.every((p: { regionCode: string }) => p.regionCode === '350902')).toBe(true);
    const fuanProject = await firstProject('fuan');
    expect(fuanProject.regionCode).toBe('350981');
    expect((await county.get(`/api/projects/${fuanProject.id}`)).status).toBe(404);
    expect((await county.get(`/api/projects/${fuanProject.id}/files`)).status).toBe(404);
    expect((await county.get(`/api/projects/${fuanProject.id}/history`)).status).toBe(404);
  });

  it('gives the city office every county, with totals equal to the sum of the rows', async () => {
    const city = await t.as('ningde');
    const page = (await city.get('/api/projects?pageSize=200')).body;
    expect(page.totals.count).toBe(150);
    expect(new Set(page.data.map((p: { regionCode: string }) => p.regionCode)).size).toBe(10);
    expect(
      sumAmounts(page.data.map((p: { totalInvestmentWanYuan: string }) => p.totalInvestmentWanYuan)),
    ).toBe(sumAmounts([page.totals.totalInvestmentWanYuan]));
    const filtered = (await city.get('/api/projects?region=350902&stage=underway&pageSize=200')).body;
    expect(filtered.totals.count).toBe(filtered.data.length);
    expect(
      filtered.data.every(
        (p: { stage: string; regionCode: string }) => p.stage === 'underway' && p.regionCode === '350902',
      ),
    ).toBe(true);
  });

  it('finds projects by pinyin initials, name, code and owner', async () => {
    const county = await t.as('jiaocheng');
    const byInitials = (await county.get('/api/projects?q=sdxny')).body.data;
    expect(byInitials.length).toBeGreaterThan(0);
    expect(byInitials.every((p: { name: string }) => p.name.includes('时代新能源'))).toBe(true);
    const byOwner = (await county.get(`/api/projects?q=${encodeURIComponent('城市建设投资开发')}`)).body.data;
    expect(byOwner.every((p: { ownerName: string }) => p.ownerName.includes('城市建设投资开发'))).toBe(true);
    const code = byInitials.find((p: { code: string | null }) => p.code)?.code;
    expect((await county.get(`/api/projects?q=${code}`)).body.data[0].code).toBe(code);
  });

  it('filters by level, tag, batch and investment range, and sorts', async () => {
    const city = await t.as('ningde');
    const provincial = (await city.get('/api/projects?level=provincial&pageSize=200')).body.data;
    expect(provincial.every((p: { levels: string[] }) => p.levels.includes('provincial'))).toBe(true);
    const bonds = (await city.get(`/api/projects?tag=${encodeURIComponent('专项债')}&pageSize=200`)).body
      .data;
    expect(bonds.length).toBeGreaterThan(0);
    expect(bonds.every((p: { tags: string[] }) => p.tags.includes('专项债'))).toBe(true);
    const schemes = (await city.get('/api/batch-schemes')).body.data;
    const startBatch = schemes[0].batches.find((b: { name: string }) => b.name === '开工一批');
    const inBatch = (await city.get(`/api/projects?batch=${startBatch.id}&pageSize=200`)).body;
    expect(inBatch.totals.count).toBe(startBatch.projectCount);
    const range = (
      await city.get(
        '/api/projects?minInvestment=100000&maxInvestment=200000&sort=totalInvestmentWanYuan&order=asc&pageSize=200',
      )
    ).body.data;
    const amounts = range.map((p: { totalInvestmentWanYuan: string }) => Number(p.totalInvestmentWanYuan));
    expect(amounts.every((a: number) => a >= 100000 && a <= 200000)).toBe(true);
    expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
  });

  it('refuses a filter value it does not know', async () => {
    const city = await t.as('ningde');
    expect((await city.get('/api/projects?stage=flying')).status).toBe(400);
    expect((await city.get('/api/projects?sort=passwordHash')).status).toBe(400);
  });

  it('shows an owner only its own projects and a leader only those assigned to them', async () => {
    const owner = (await (await t.as('owner1')).get('/api/projects?pageSize=200')).body.data;
    expect(owner.length).toBeGreaterThan(0);
    expect(
      owner.every((p: { ownerName: string }) => p.ownerName === '宁德市蕉城区城市建设投资开发有限公司'),
    ).toBe(true);
    const leader = (await (await t.as('leader1')).get('/api/projects?pageSize=200')).body.data;
    expect(leader.length).toBeGreaterThan(0);
    expect(leader.every((p: { leaderName: string }) => p.leaderName === '吴国平')).toBe(true);
    const department = (await (await t.as('zhujian')).get('/api/projects?pageSize=200')).body.data;
    expect(department.length).toBeGreaterThan(0);
    expect(
      department.every(
        (p: { departmentName: string | null }) => p.departmentName === '宁德市住房和城乡建设局',
      ),
    ).toBe(true);
    expect((await (await t.as('admin')).get('/api/projects')).status).toBe(403);
  });

  it('exports the filtered list to Excel with a correct 合计 formula and value', async () => {
    const county = await t.as('jiaocheng');
    const page = (await county.get('/api/projects?pageSize=200')).body;
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/projects/export.xlsx',
      headers: { cookie: county.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A4').value).toBe('序号');
    expect(sheet.getCell('L4').value).toBe('总投资');
    // 合计 on top sums the 小计 of each domain category; its cached value is the exact total.
    const totalRow = sheet.getRow(5);
    expect(totalRow.getCell(1).value).toBe(`合计（${page.totals.count}个）`);
    const subtotalRows: number[] = [];
    sheet.eachRow((row, n) => {
      if (String(row.getCell(1).value).startsWith('小计')) subtotalRows.push(n);
    });
    const total = totalRow.getCell(12).value as { formula: string; result: number };
    expect(total.formula).toBe(`SUM(${subtotalRows.map((r) => `L${r}`).join(',')})`);
    expect(total.result).toBe(Number(page.totals.totalInvestmentWanYuan));
  });
});

describe('project record', () => {
  const validProject = (ownerOrganisationId: string) => ({
    code: '2026-350902-38-01-990001',
    name: '蕉城区测试新材料项目',
    ownerOrganisationId,
    regionCode: '350902',
    levels: ['county', 'city'],
    domain: '现代产业',
    industry: '新材料',
    totalInvestmentWanYuan: '12345.67',
    startYear: 2026,
    endYear: 2028,
    constructionType: 'new',
    tags: ['招商引资'],
  });

  it('creates a project, reads it back exactly, and records 入库 in the stage history', async () => {
    const county = await t.as('jiaocheng');
    const ownerId = (await (await t.as('owner1')).get('/api/organisations')).body.data[0].id;
    const created = await county.post('/api/projects', validProject(ownerId));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      totalInvestmentWanYuan: '12345.67',
      stage: 'conceived',
      levels: ['county', 'city'],
    });
    expect(created.body.abilities).toMatchObject({ update: true, changeStage: true });
    const stages = (await county.get(`/api/projects/${created.body.id}/stages`)).body.data;
    expect(stages).toHaveLength(1);
    expect(stages[0]).toMatchObject({ fromStage: null, toStage: 'conceived', reason: '入库' });
    expect((await county.post('/api/projects', validProject(ownerId))).status).toBe(409);
  });

  it('explains a wrong project code and every other bad field', async () => {
    const county = await t.as('jiaocheng');
    const ownerId = (await (await t.as('owner1')).get('/api/organisations')).body.data[0].id;
    const badShape = await county.post('/api/projects', {
      ...validProject(ownerId),
      code: '2026-3509-38-01-1',
    });
    expect(badShape.status).toBe(400);
    expect(badShape.body.error.details[0]).toMatchObject({ path: 'code' });
    expect(badShape.body.error.details[0].message).toContain('格式');
    const unknownRegion = await county.post('/api/projects', {
      ...validProject(ownerId),
      code: '2026-990101-38-01-000001',
    });
    expect(
      unknownRegion.body.error.details.find((d: { path: string }) => d.path === 'code').message,
    ).toContain('990101');
    const several = await county.post('/api/projects', {
      ...validProject(ownerId),
      code: null,
      name: '另一个项目',
      regionCode: '350981',
      domain: '不存在的领域',
      startYear: 2029,
      endYear: 2027,
      totalInvestmentWanYuan: '-5',
    });
    expect(several.status).toBe(400);
    const paths = several.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('totalInvestmentWanYuan');
  });

  it('lets an owner edit its own fields and refuses any other', async () => {
    const owner = await t.as('owner1');
    const project = (await owner.get('/api/projects?pageSize=1')).body.data[0];
    const full = (await owner.get(`/api/projects/${project.id}`)).body;
    expect(full.abilities).toMatchObject({ update: false, updateOwnerFields: true, changeStage: false });
    const form = formOf(full);
    const allowed = await owner.put(`/api/projects/${project.id}`, {
      ...form,
      address: '蕉城区新地址 1 号',
      version: full.version,
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body.address).toBe('蕉城区新地址 1 号');
    const refused = await owner.put(`/api/projects/${project.id}`, {
      ...form,
      totalInvestmentWanYuan: '1',
      levels: ['provincial'],
      version: allowed.body.version,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('totalInvestmentWanYuan');
    expect(refused.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'levels',
      'totalInvestmentWanYuan',
    ]);
  });

  it('moves stages by the table, refuses an illegal move clearly, and keeps the history', async () => {
    const county = await t.as('jiaocheng');
    const project = (await county.get('/api/projects?stage=reserve&pageSize=1')).body.data[0];
    const before = (await county.get(`/api/projects/${project.id}`)).body;
    const illegal = await county.post(`/api/projects/${project.id}/stage`, {
      to: 'operating',
      on: '2026-03-01',
      reason: '跳过',
      version: before.version,
    });
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.code).toBe('INVALID_TRANSITION');
    expect(illegal.body.error.message).toContain('“储备”转为“投产”');
    const moved = await county.post(`/api/projects/${project.id}/stage`, {
      to: 'preparing',
      on: '2026-03-01',
      reason: '启动前期',
      version: before.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.stage).toBe('preparing');
    const stages = (await county.get(`/api/projects/${project.id}/stages`)).body.data;
    expect(stages.at(-1)).toMatchObject({
      fromStage: 'reserve',
      toStage: 'preparing',
      reason: '启动前期',
      changedOn: '2026-03-01',
    });
    const history = (await county.get(`/api/projects/${project.id}/history`)).body.data;
    expect(history[0]).toMatchObject({ action: 'project.stage.change', actorName: 'jiaocheng' });
    const owner = await t.as('owner1');
    const ownProject = (await owner.get('/api/projects?pageSize=1')).body.data[0];
    expect(
      (
        await owner.post(`/api/projects/${ownProject.id}/stage`, {
          to: 'dropped',
          on: '2026-03-01',
          reason: 'x',
          version: 0,
        })
      ).status,
    ).toBe(403);
  });

  it('lets a department comment on a project of its sector', async () => {
    const department = await t.as('zhujian');
    const project = (await department.get('/api/projects?pageSize=1')).body.data[0];
    const comment = await department.post(`/api/projects/${project.id}/comments`, {
      body: '请加快施工图审查。',
    });
    expect(comment.status).toBe(200);
    expect(comment.body).toMatchObject({ authorName: '何文斌', organisationName: '宁德市住房和城乡建设局' });
    expect((await department.get(`/api/projects/${project.id}/comments`)).body.data).toHaveLength(1);
  });
});

describe('batches and dictionaries', () => {
  it('creates a scheme from the 四个一批 preset and assigns a project to a batch', async () => {
    const county = await t.as('jiaocheng');
    const presets = (await county.get('/api/batch-presets')).body.data;
    const four = presets.find((p: { name: string }) => p.name === '四个一批');
    const scheme = await county.post('/api/batch-schemes', {
      regionCode: '350902',
      year: 2026,
      name: four.name,
      batches: four.batches,
    });
    expect(scheme.status).toBe(200);
    expect(scheme.body.batches.map((b: { name: string }) => b.name)).toEqual([
      '开工一批',
      '竣工一批',
      '储备一批',
      '谋划一批',
    ]);
    const project = (await county.get('/api/projects?pageSize=1')).body.data[0];
    const full = (await county.get(`/api/projects/${project.id}`)).body;
    const batchId = scheme.body.batches[0].id;
    const set = await county.put(`/api/projects/${project.id}/batches`, {
      batchIds: [batchId],
      version: full.version,
    });
    expect(set.status).toBe(200);
    expect(set.body.batches.map((b: { name: string }) => b.name)).toEqual(['开工一批']);
    const fuan = await t.as('fuan');
    expect(
      (
        await fuan.post('/api/batch-schemes', {
          regionCode: '350902',
          year: 2026,
          name: '三个一批',
          batches: ['签约一批'],
        })
      ).status,
    ).toBe(400);
    const fuanSchemes = (await fuan.get('/api/batch-schemes?year=2026')).body.data.map(
      (s: { regionCode: string }) => s.regionCode,
    );
    expect(fuanSchemes).toEqual(['350900']);
  });

  it('has default dictionaries and lets an office add a tag', async () => {
    const county = await t.as('jiaocheng');
    const entries = (await county.get('/api/dictionaries')).body.data;
    expect(
      entries.filter((e: { kind: string }) => e.kind === 'tag').map((e: { name: string }) => e.name),
    ).toContain('专项债');
    const added = await county.post('/api/dictionaries', { kind: 'tag', name: '省“五个一批”' });
    expect(added.status).toBe(200);
    expect((await county.post('/api/dictionaries', { kind: 'tag', name: '省“五个一批”' })).status).toBe(409);
    expect((await (await t.as('owner1')).post('/api/dictionaries', { kind: 'tag', name: 'x' })).status).toBe(
      403,
    );
  });
});

/** The form fields of a project as the edit form sends them back. */
function formOf(p: Record<string, unknown>) {
  const keys = [
    'code',
    'name',
    'ownerOrganisationId',
    'regionCode',
    'address',
    'longitude',
    'latitude',
    'levels',
    'domain',
    'industry',
    'sector',
    'scaleContent',
    'totalInvestmentWanYuan',
    'startYear',
    'startMonth',
    'endYear',
    'endMonth',
    'constructionType',
    'fundingSources',
    'tags',
    'workingTeam',
    'contactPerson',
    'contactPhone',
  ];
  const form: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, p[k]]));
  form.leaderUserId = (p.leader as { id: string } | null)?.id ?? null;
  form.serviceOfficerUserId = (p.serviceOfficer as { id: string } | null)?.id ?? null;
  form.responsibleDepartmentId = (p.responsibleDepartment as { id: string } | null)?.id ?? null;
  return form;
}
