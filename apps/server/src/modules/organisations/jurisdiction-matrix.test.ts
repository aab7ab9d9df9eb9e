import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

/**
 * Role × action × (inside / outside the jurisdiction) over the real API: a county office sees and
 * changes its own county's organisations and people, and gets NOT_FOUND for another county's.
 */
let t: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const city = await t.as('ningde');
  const orgs = (await city.get('/api/organisations?pageSize=200')).body.data as {
    id: string;
    name: string;
  }[];
  ids.jiaochengOrg = orgs.find((o) => o.name === '蕉城区重点项目建设办公室')!.id;
  ids.fuanOrg = orgs.find((o) => o.name === '福安市重点项目建设办公室')!.id;
  const users = (await city.get('/api/users?pageSize=200')).body.data as { id: string; username: string }[];
  ids.jiaochengUser = users.find((u) => u.username === 'jiaocheng')!.id;
  ids.fuanUser = users.find((u) => u.username === 'fuan')!.id;
});
afterAll(async () => t.close());

type Action = 'readOrg' | 'updateOrg' | 'readUser' | 'unlockUser';
type Where = 'jiaocheng' | 'fuan';

async function attempt(username: string, action: Action, where: Where): Promise<number> {
  const me = await t.as(username);
  const orgId = where === 'jiaocheng' ? ids.jiaochengOrg : ids.fuanOrg;
  const userId = where === 'jiaocheng' ? ids.jiaochengUser : ids.fuanUser;
  switch (action) {
    case 'readOrg':
      return (await me.get(`/api/organisations/${orgId}`)).status;
    case 'updateOrg': {
      const current = (await (await t.as('ningde')).get(`/api/organisations/${orgId}`)).body;
      const { id: _id, regionName: _r, ...fields } = current;
      return (await me.put(`/api/organisations/${orgId}`, { ...fields, contactPhone: '0593-2000000' }))
        .status;
    }
    case 'readUser':
      return (await me.get(`/api/users/${userId}`)).status;
    case 'unlockUser':
      return (await me.post(`/api/users/${userId}/unlock`)).status;
  }
}

// user, action, result on 蕉城区's record, result on 福安市's record
const matrix: [string, Action, number, number][] = [
  ['jiaocheng', 'readOrg', 200, 404],
  ['jiaocheng', 'updateOrg', 200, 404],
  ['jiaocheng', 'readUser', 200, 404],
  ['jiaocheng', 'unlockUser', 403, 404],
  ['fuan', 'readOrg', 404, 200],
  ['fuan', 'updateOrg', 404, 200],
  ['fuan', 'readUser', 404, 200],
  ['ningde', 'readOrg', 200, 200],
  ['ningde', 'updateOrg', 200, 200],
  ['ningde', 'readUser', 200, 200],
  ['owner1', 'readOrg', 404, 404],
  ['owner1', 'updateOrg', 403, 403],
  ['owner1', 'readUser', 403, 403],
  ['leader1', 'readOrg', 200, 200],
  ['leader1', 'updateOrg', 403, 403],
  ['supervisor', 'readOrg', 200, 200],
  ['supervisor', 'updateOrg', 403, 403],
  ['supervisor', 'readUser', 200, 200],
  ['admin', 'updateOrg', 200, 200],
  ['admin', 'unlockUser', 200, 200],
  ['security', 'readOrg', 403, 403],
  ['security', 'readUser', 200, 200],
  ['auditor', 'readOrg', 403, 403],
  ['auditor', 'readUser', 403, 403],
];

describe('jurisdiction matrix', () => {
  it.each(matrix)('%s %s → 蕉城 %i, 福安 %i', async (username, action, inJiaocheng, inFuan) => {
    expect(await attempt(username, action, 'jiaocheng')).toBe(inJiaocheng);
    expect(await attempt(username, action, 'fuan')).toBe(inFuan);
  });

  it('lists only what the person may open, and the total equals the rows', async () => {
    const county = await t.as('jiaocheng');
    const page = (await county.get('/api/organisations?pageSize=200')).body;
    expect(page.data.length).toBe(page.page.total);
    expect(page.data.every((o: { regionCode: string }) => o.regionCode === '350902')).toBe(true);
    const users = (await county.get('/api/users?pageSize=200')).body;
    expect(users.data.map((u: { username: string }) => u.username).sort()).toEqual(['jiaocheng', 'owner1']);
    const regions = (await county.get('/api/regions')).body.data.map((r: { code: string }) => r.code);
    expect(regions).toEqual(['350902']);
  });

  it('offers a county office the city’s leaders and departments to assign, and nothing else above it', async () => {
    const county = await t.as('jiaocheng');
    expect((await county.get('/api/users?role=leader')).body.data).toEqual([]);
    const leaders = (await county.get('/api/users?role=leader&assignable=true')).body.data;
    expect(leaders.map((u: { username: string }) => u.username).sort()).toEqual(['leader1', 'leader2']);
    const admins = (await county.get('/api/users?assignable=true&pageSize=200')).body.data;
    expect(admins.map((u: { username: string }) => u.username)).not.toContain('admin');
    const departments = (await county.get('/api/organisations?kind=department&assignable=true&pageSize=200'))
      .body.data;
    expect(departments.length).toBeGreaterThan(5);
    expect(departments.every((o: { regionCode: string }) => o.regionCode === '350900')).toBe(true);
    const owners = (await county.get('/api/organisations?kind=owner&assignable=true&pageSize=200')).body.data;
    expect(owners.every((o: { regionCode: string }) => o.regionCode === '350902')).toBe(true);
    expect((await county.get('/api/users?assignable=yes')).status).toBe(400);
  });

  it('shows an owner its own unit only', async () => {
    const owner = await t.as('owner1');
    const page = (await owner.get('/api/organisations')).body;
    expect(page.data.map((o: { name: string }) => o.name)).toEqual(['宁德市蕉城区城市建设投资开发有限公司']);
  });

  it('refuses to create an organisation in another county', async () => {
    const county = await t.as('jiaocheng');
    const response = await county.post('/api/organisations', {
      name: '某公司',
      kind: 'owner',
      regionCode: '350981',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].path).toBe('regionCode');
  });
});
