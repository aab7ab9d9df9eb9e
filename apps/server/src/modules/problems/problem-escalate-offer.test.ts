import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationLadders, escalationLevels } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from './problem-test-kit';

let t: TestApp;
let project: string;

beforeAll(async () => {
  t = await createTestApp();
  // This copy of the demo has no ladder anywhere: nothing to escalate to.
  await t.db.delete(escalationLevels);
  await t.db.delete(escalationLadders);
  project = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    sector: '住建',
  });
});
afterAll(async () => t.close());

describe('提级 where no ladder applies', () => {
  it('is not offered to the office, and the API refuses it with a clear message', async () => {
    const city = await t.as('ningde');
    const raised = await city.post('/api/problems', {
      projectId: project,
      category: '用地',
      description: '项目红线内 12 亩用地尚未完成报批',
      request: '请协调加快用地报批',
    });
    expect(raised.status).toBe(200);
    const view = await city.get(`/api/problems/${raised.body.id}`);
    expect(view.body.actions).toContain('route');
    expect(view.body.actions).not.toContain('escalate');
    const refused = await city.post(`/api/problems/${raised.body.id}/escalate`, {
      version: view.body.version,
      reason: '久拖不决',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('本辖区尚未配置问题提级层级，不能提级');
  });
});
