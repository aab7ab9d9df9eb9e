import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from './problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let county: Person;
let project: string;

beforeAll(async () => {
  t = await createTestApp();
  county = await t.as('jiaocheng');
  project = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
  });
});
afterAll(async () => t.close());

const call = (over: Record<string, unknown>) =>
  county.post('/api/problems', {
    projectId: project,
    category: '用地',
    description: '项目红线内 12 亩用地尚未完成报批',
    channel: 'hotline',
    callerName: '李先生',
    ...over,
  });

describe('hotline intake validation', () => {
  it.each([
    ['13800000000', '13800000000'],
    ['0593-2863456', '0593-2863456'],
    ['05932863456', '05932863456'],
    ['0593 2863456', '05932863456'],
    ['010-12345678-801', '010-12345678-801'],
    ['0593-2863456转801', '0593-2863456转801'],
  ])('accepts the phone number %s', async (phone, stored) => {
    const response = await call({ callerPhone: phone });
    expect(response.status).toBe(200);
    expect(response.body.callerPhone).toBe(stored);
  });

  it.each(['12800000000', '1380000000', '138000000001', '2863456', '0593-123', 'abc', '96345'])(
    'refuses the phone number %s, naming the field',
    async (phone) => {
      const response = await call({ callerPhone: phone });
      expect(response.status).toBe(400);
      expect(response.body.error.details).toContainEqual(
        expect.objectContaining({
          path: 'callerPhone',
          message: expect.stringContaining('电话号码格式不正确'),
        }),
      );
    },
  );

  it.each([
    ['', '必填'],
    ['   ', '必填'],
    ['太短了', '问题描述至少 5 个字'],
    ['字'.repeat(2001), '不能超过 2000 个字符'],
  ])('refuses the description “%s”', async (description, message) => {
    const response = await call({ description });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toContainEqual(
      expect.objectContaining({ path: 'description', message: expect.stringContaining(message) }),
    );
  });
});

describe('交办 lists and accepts only departments and offices of the jurisdiction', () => {
  it('offers the city’s departments and the offices above the project, never owners or other counties', async () => {
    const raised = (await call({})).body;
    const response = await county.get(`/api/problems/${raised.id}/handler-candidates`);
    expect(response.status).toBe(200);
    const names = response.body.data.map((o: { name: string }) => o.name);
    expect(names).toEqual(expect.arrayContaining(['宁德市住房和城乡建设局', '宁德市交通运输局']));
    expect(names).toEqual(expect.arrayContaining(['蕉城区重点项目建设办公室', '宁德市重点项目建设办公室']));
    expect(names).not.toContain('宁德市蕉城区城市建设投资开发有限公司');
    expect(names).not.toContain('宁德时代新能源科技股份有限公司');
    expect(names).not.toContain('福安市重点项目建设办公室');
    expect(names).not.toContain('宁德市人民政府');
    const kinds = response.body.data.map((o: { kind: string }) => o.kind);
    expect(kinds.indexOf('office')).toBeGreaterThan(kinds.lastIndexOf('department'));
    expect((await (await t.as('owner1')).get(`/api/problems/${raised.id}/handler-candidates`)).status).toBe(
      403,
    );
    expect((await (await t.as('fuan')).get(`/api/problems/${raised.id}/handler-candidates`)).status).toBe(
      404,
    );
  });

  it('refuses to route to an owner company or another county’s office with a 400 naming the field', async () => {
    const raised = (await call({})).body;
    for (const name of ['宁德市蕉城区城市建设投资开发有限公司', '福安市重点项目建设办公室']) {
      const refused = await county.post(`/api/problems/${raised.id}/route`, {
        version: raised.version,
        handlerOrganisationId: await organisationId(t, name),
      });
      expect(refused.status, name).toBe(400);
      expect(refused.body.error.details[0].path).toBe('handlerOrganisationId');
    }
    const owner = await county.post(`/api/problems/${raised.id}/route`, {
      version: raised.version,
      handlerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    });
    expect(owner.body.error.message).toContain('不能交办给业主单位');
    const routed = await county.post(`/api/problems/${raised.id}/route`, {
      version: raised.version,
      handlerOrganisationId: await organisationId(t, '宁德市交通运输局'),
    });
    expect(routed.status).toBe(200);
    expect(routed.body.handlerOrganisationName).toBe('宁德市交通运输局');
  });
});
