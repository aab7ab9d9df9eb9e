import { Writable } from 'node:stream';
import { workforceEndpoints } from '@tuijin/contracts';
import { asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { organisations, projects, workers } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { decryptIdNumber } from './id-number-crypto';
import {
  rosterRow,
  rosterSheet,
  testIdNumber,
  uploadSheet,
  workerBody,
  xlsxText,
} from './workforce-test-kit';

// PIPL sweep: every endpoint that answers workers, as every role; only the project's owner unit may
// ever receive a whole 身份证号码, and no whole number reaches the request log.

let t: TestApp;
const logLines: string[] = [];
let fullNumbers: string[] = [];
let ownerProject = '';
let fuanProject = '';
let workerIds: string[] = [];
let contractorId = '';

const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

beforeAll(async () => {
  t = await createTestApp({ logger: { level: 'info', stream: logStream } });
  const [ownerOrg] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '宁德市蕉城区城市建设投资开发有限公司'));
  const withWorkers = await t.db
    .selectDistinct({ id: projects.id, owner: projects.ownerOrganisationId, region: projects.regionCode })
    .from(projects)
    .innerJoin(workers, eq(workers.projectId, projects.id))
    .orderBy(asc(projects.id));
  ownerProject = withWorkers.find((p) => p.owner === ownerOrg!.id)!.id;
  fuanProject = withWorkers.find((p) => p.region === '350981')!.id;
  // The office switches a watch on so the health lists are not empty; one worker has a fever.
  const office = await t.as('jiaocheng');
  const watch = await office.post('/api/health-watches', {
    name: '新冠疫情防控',
    fromOn: '2026-01-20',
    toOn: null,
    originKind: 'outsideProvince',
    originProvinces: [],
    observationDays: 14,
    retentionDays: 30,
  });
  expect(watch.status).toBe(200);
  const roster = await office.get(`/api/projects/${ownerProject}/workforce`);
  workerIds = roster.body.workers.map((w: { id: string }) => w.id);
  contractorId = roster.body.contractors[0].id;
  const onSite = roster.body.workers.find((w: { isOnSite: boolean }) => w.isOnSite);
  const fever = await office.post(`/api/workers/${onSite.id}/health-checks`, {
    checkedOn: '2026-03-02',
    temperature: '38.1',
    hasSymptoms: true,
  });
  expect(fever.status).toBe(200);
}, 120_000);
afterAll(async () => t.close());

/** Every whole number stored, read back the only way there is: decrypting the stored values. */
async function storedNumbers() {
  const rows = await t.db.select().from(workers).where(isNull(workers.deletedAt));
  return rows.map((r) => decryptIdNumber(testAuditKey, r.idNumberCipher));
}

const leaks = (text: string) => fullNumbers.filter((n) => text.includes(n));

type Answer = { status: number; text: string };

async function call(
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
): Promise<Answer> {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const isXlsx = String(response.headers['content-type'] ?? '').includes('spreadsheetml');
  return {
    status: response.statusCode,
    text: isXlsx ? await xlsxText(response.rawPayload) : response.body,
  };
}

/** Each endpoint that answers workers, called as a person; the names are the contract's endpoint names. */
async function sweep(username: string): Promise<Map<string, Answer[]>> {
  const { cookie } = await t.as(username);
  const answers = new Map<string, Answer[]>();
  const add = (name: string, answer: Answer) => answers.set(name, [...(answers.get(name) ?? []), answer]);
  const newNumber = testIdNumber(700 + username.length * 7 + username.charCodeAt(0));
  fullNumbers.push(newNumber);
  for (const project of [ownerProject, fuanProject]) {
    add('getProjectWorkforce', await call(cookie, 'GET', `/api/projects/${project}/workforce`));
    add('exportWorkers', await call(cookie, 'GET', `/api/projects/${project}/workers/export.xlsx`));
  }
  for (const id of workerIds.slice(0, 5)) add('getWorker', await call(cookie, 'GET', `/api/workers/${id}`));
  add('searchWorkers', await call(cookie, 'GET', '/api/workforce/workers?presence=all&pageSize=200'));
  for (const number of fullNumbers.slice(0, 3))
    add('searchWorkers', await call(cookie, 'GET', `/api/workforce/workers?q=${number}&presence=all`));
  add('workforceOverview', await call(cookie, 'GET', '/api/workforce/overview'));
  add('workforceOverview', await call(cookie, 'GET', '/api/workforce/overview?regionCode=350902'));
  // The writes answer workers too: a person allowed to make them must get them masked back.
  const created = await call(
    cookie,
    'POST',
    `/api/projects/${ownerProject}/workers`,
    workerBody(contractorId, newNumber, { name: `扫描${username}` }),
  );
  add('createWorker', created);
  const id = created.status === 200 ? JSON.parse(created.text).id : workerIds[0]!;
  const [row] = await t.db.select().from(workers).where(eq(workers.id, id));
  add(
    'updateWorker',
    await call(cookie, 'PATCH', `/api/workers/${id}`, {
      ...workerBody(contractorId, newNumber),
      idNumber: newNumber,
      name: row!.name,
      version: row!.version,
    }),
  );
  add(
    'saveHealthCheck',
    await call(cookie, 'POST', `/api/workers/${id}/health-checks`, {
      checkedOn: '2026-03-02',
      temperature: '36.5',
      hasSymptoms: false,
    }),
  );
  const [again] = await t.db.select().from(workers).where(eq(workers.id, id));
  add(
    'departWorker',
    await call(cookie, 'POST', `/api/workers/${id}/departure`, {
      version: again!.version,
      departedOn: '2026-03-02',
    }),
  );
  add(
    'createContractor',
    await call(cookie, 'POST', `/api/projects/${ownerProject}/contractors`, {
      name: `扫描单位${username}`,
      creditCode: null,
      role: 'labour',
    }),
  );
  const roster = JSON.parse(
    (await call(cookie, 'GET', `/api/projects/${ownerProject}/workforce`)).text || '{}',
  );
  const mine = roster.contractors?.find((c: { name: string }) => c.name === `扫描单位${username}`);
  if (mine) {
    add(
      'updateContractor',
      await call(cookie, 'PATCH', `/api/contractors/${mine.id}`, {
        name: mine.name,
        creditCode: null,
        role: 'specialist',
        version: mine.version,
      }),
    );
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/contractors/${mine.id}?version=${mine.version + 1}`,
      headers: { cookie },
    });
    add('removeContractor', { status: response.statusCode, text: response.body });
  } else {
    add('updateContractor', { status: 404, text: '' });
    add('removeContractor', { status: 404, text: '' });
  }
  const sheet = await rosterSheet([
    rosterRow('导入甲', fullNumbers[0]!),
    rosterRow('导入乙', testIdNumber(650 + username.length)),
  ]);
  fullNumbers.push(testIdNumber(650 + username.length));
  for (const url of [
    `/api/projects/${ownerProject}/workers/import/preview`,
    `/api/projects/${ownerProject}/workers/import`,
  ]) {
    const response = await uploadSheet(t, cookie, url, sheet, { contractorId });
    add(url.endsWith('preview') ? 'previewWorkerImport' : 'importWorkers', {
      status: response.statusCode,
      text: response.body,
    });
  }
  return answers;
}

describe('the ID-number sweep over every endpoint that answers workers', () => {
  it('covers every JSON endpoint whose answer carries a worker', () => {
    const swept = new Set([
      'getProjectWorkforce',
      'getWorker',
      'searchWorkers',
      'workforceOverview',
      'createWorker',
      'updateWorker',
      'saveHealthCheck',
      'departWorker',
      'createContractor',
      'updateContractor',
      'removeContractor',
    ]);
    const answeringWorkers = Object.entries(workforceEndpoints)
      .filter(([, e]) =>
        JSON.stringify(z.toJSONSchema(e.response, { io: 'output', unrepresentable: 'any' })).includes(
          'idNumberIsMasked',
        ),
      )
      .map(([name]) => name);
    expect(answeringWorkers.length).toBeGreaterThan(5);
    for (const name of answeringWorkers) expect(swept, name).toContain(name);
  });

  it.each([
    'ningde',
    'jiaocheng',
    'fuan',
    'leader1',
    'officer1',
    'zhujian',
    'supervisor',
    'admin',
    'security',
    'auditor',
  ])(
    'never lets a whole ID number out to %s',
    async (username) => {
      fullNumbers = [...new Set([...fullNumbers, ...(await storedNumbers())])];
      const answers = await sweep(username);
      fullNumbers = [...new Set([...fullNumbers, ...(await storedNumbers())])];
      for (const [name, list] of answers)
        for (const answer of list)
          expect(leaks(answer.text), `${username} ${name} (${answer.status})`).toEqual([]);
      if (username === 'jiaocheng') {
        // The office over the project keeps rosters: its answers were real, not refusals.
        expect(answers.get('getProjectWorkforce')![0]!.status).toBe(200);
        expect(answers.get('createWorker')![0]!.status).toBe(200);
        expect(answers.get('importWorkers')![0]!.status).toBe(200);
        expect(answers.get('exportWorkers')![0]!.text).toContain('***********');
      }
    },
    120_000,
  );

  it('lets the owner unit — and only it — see the whole numbers of its own project', async () => {
    fullNumbers = await storedNumbers();
    const answers = await sweep('owner1');
    expect(leaks(answers.get('getProjectWorkforce')![0]!.text).length).toBeGreaterThan(10);
    expect(leaks(answers.get('exportWorkers')![0]!.text).length).toBeGreaterThan(10);
    expect(answers.get('getProjectWorkforce')![1]!.status).toBe(404);
    expect(leaks(answers.get('previewWorkerImport')![0]!.text).length).toBeGreaterThan(0);
  }, 120_000);

  it('keeps every whole number out of the request log (no bodies, no query strings)', async () => {
    const log = logLines.join('');
    expect(log).toContain('/api/workforce/workers');
    expect(leaks(log)).toEqual([]);
    expect(log).not.toContain('?q=');
  });
});
