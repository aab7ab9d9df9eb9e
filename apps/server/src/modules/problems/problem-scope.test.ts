import { problemVisible } from '@tuijin/domain';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, problems, projects, regions } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { loadActorByUsername } from '../auth';
import { scopedOf } from './problem-context';
import { insertTestProject, organisationId, systemTestCtx, userId } from './problem-test-kit';
import { raiseProblem } from './raise-problem';
import { createRoutingRule } from './routing-rules';

let t: TestApp;
/** Problem ids by what they are to 住建局 (zhujian): its sector, another sector, routed to it… */
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const ctx = systemTestCtx(t);
  await t.db
    .insert(regions)
    .values({ code: '350100', name: '福州市', level: 'city', parentCode: '350000', path: '350000.350100' });
  const [fuzhouOwner] = await t.db
    .insert(organisations)
    .values({ name: '福州测试业主', kind: 'owner', regionCode: '350100', regionPath: '350000.350100' })
    .returning({ id: organisations.id });
  const jiaochengOwner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  const xiapuOwner = fuzhouOwner!.id;
  const housing = await organisationId(t, '宁德市住房和城乡建设局');
  await createRoutingRule(ctx, {
    regionCode: '350921',
    category: '环保',
    departmentId: housing,
    limitWorkingDays: 5,
  });
  const projectsByKey = {
    sector: await insertTestProject(t, {
      regionCode: '350902',
      ownerOrganisationId: jiaochengOwner,
      sector: '住建',
    }),
    otherSector: await insertTestProject(t, {
      regionCode: '350921',
      ownerOrganisationId: jiaochengOwner,
      sector: '交通',
    }),
    routed: await insertTestProject(t, {
      regionCode: '350921',
      ownerOrganisationId: jiaochengOwner,
      sector: '交通',
    }),
    responsible: await insertTestProject(t, {
      regionCode: '350902',
      ownerOrganisationId: jiaochengOwner,
      responsibleDepartmentId: housing,
      leaderUserId: await userId(t, 'leader1'),
    }),
    outside: await insertTestProject(t, {
      regionCode: '350100',
      ownerOrganisationId: xiapuOwner,
      sector: '住建',
    }),
  };
  for (const [key, projectId] of Object.entries(projectsByKey))
    ids[key] = await raiseProblem(ctx, {
      projectId,
      category: key === 'routed' ? '环保' : '其他',
      description: `范围测试：${key}`,
      request: '',
      channel: 'meeting',
      callerName: null,
      callerPhone: null,
    });
});
afterAll(async () => t.close());

describe('a department sees problems of its jurisdiction and sector, or routed to it', () => {
  it.each([
    ['sector', 200],
    ['otherSector', 404],
    ['routed', 200],
    ['responsible', 200],
    ['outside', 404],
  ])('zhujian opens the %s problem → %i', async (key, status) => {
    const zhujian = await t.as('zhujian');
    expect((await zhujian.get(`/api/problems/${ids[key]}`)).status).toBe(status);
    const listed = (await zhujian.get('/api/problems?pageSize=200')).body.data.map(
      (p: { id: string }) => p.id,
    );
    expect(listed.includes(ids[key])).toBe(status === 200);
  });

  it('cannot act on a problem outside its jurisdiction and sector', async () => {
    const zhujian = await t.as('zhujian');
    const answer = await zhujian.post(`/api/problems/${ids.otherSector}/answer`, {
      version: 0,
      answer: '越权',
    });
    expect(answer.status).toBe(404);
  });
});

describe('problem scope: SQL and policy agree', () => {
  it.each([
    'ningde',
    'jiaocheng',
    'fuan',
    'owner1',
    'leader1',
    'leader2',
    'officer1',
    'zhujian',
    'supervisor',
  ])('lists and counts for %s exactly the problems the policy lets them open', async (username) => {
    const actor = (await loadActorByUsername(t.db, username))!;
    const rows = await t.db
      .select({ problem: problems, project: projects })
      .from(problems)
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .where(inArray(problems.id, Object.values(ids)));
    const expected = rows
      .filter((r) => problemVisible(actor, scopedOf(r.problem, r.project)))
      .map((r) => r.problem.id)
      .sort();
    const person = await t.as(username);
    const listed = (await person.get('/api/problems?pageSize=200')).body.data
      .map((p: { id: string }) => p.id)
      .filter((id: string) => Object.values(ids).includes(id))
      .sort();
    expect(listed).toEqual(expected);
    for (const id of Object.values(ids))
      expect((await person.get(`/api/problems/${id}`)).status).toBe(expected.includes(id) ? 200 : 404);
  });

  it('lets the linked leader see the problems of the projects assigned to them', async () => {
    const leader = await t.as('leader1');
    const mine = (await leader.get('/api/problems?view=leading&pageSize=200')).body.data.map(
      (p: { id: string }) => p.id,
    );
    expect(mine).toContain(ids.responsible);
    expect(mine).not.toContain(ids.sector);
  });
});
