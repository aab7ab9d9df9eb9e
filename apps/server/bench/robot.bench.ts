/**
 * `npm run bench robot`: how soon a DingTalk robot message leaves after a problem is raised (target:
 * within 5 s of the answer, docs/PERFORMANCE.md). The demo's people and projects, a robot channel on
 * a local stand-in webhook, a routing rule sending 审批 problems of 蕉城区 to 住建局; then each run
 * raises a problem through the API and waits until every member of the department's message is in.
 * The job worker runs as the server runs it: scheduled jobs off, delivery on the commit's nudge.
 */
import { and, eq } from 'drizzle-orm';
import { buildApp } from '../src/app';
import type { DatabaseHandle } from '../src/db/database';
import { organisations, projects, users } from '../src/db/schema';
import { loadDemo } from '../src/demo/load-demo';
import { type JobWorker, startJobWorker } from '../src/jobs/worker';
import { startFakeWebhook } from '../src/modules/notifications/fake-webhook.fixture';
import { measure, onEachEngine, printResults, scratchDir, secondsSince } from './bench-kit';

const auditKey = Buffer.alloc(32, 7);
const clock = { now: () => new Date() };

async function run(engine: string, handle: DatabaseHandle) {
  const seedStart = performance.now();
  await handle.migrate();
  await loadDemo({ db: handle.db, auditKey, clock }, { base: true });
  const seedSeconds = secondsSince(seedStart);
  let worker: JobWorker | undefined;
  const app = await buildApp({
    database: handle,
    auditKey,
    loginRatePerMinute: 1_000_000,
    filesDir: scratchDir('files'),
    nudgeJobs: () => worker?.nudge(),
  });
  worker = startJobWorker({
    db: handle.db,
    clock,
    auditKey,
    scheduleEveryMinutes: 0,
    isTimerOn: false,
    log: (message, error) => error && console.error(message, error),
  });
  const hook = await startFakeWebhook();
  try {
    const login = async (username: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'Tuijin#2026' },
      });
      return `tuijin_session=${response.cookies[0]!.value}`;
    };
    const post = async (cookie: string, url: string, payload: unknown) => {
      const response = await app.inject({
        method: 'POST',
        url,
        payload: payload as object,
        headers: { cookie },
      });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    };
    const admin = await login('admin');
    const office = await login('jiaocheng');
    await post(admin, '/api/notification-channels', {
      name: '蕉城区住建钉钉群',
      kind: 'dingtalk',
      url: `${hook.url}?access_token=bench`,
      secret: 'SECbench',
    });
    const [housing] = await handle.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '宁德市住房和城乡建设局'));
    const staff = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.organisationId, housing!.id), eq(users.isActive, true)));
    await post(office, '/api/problem-routing-rules', {
      regionCode: '350902',
      category: '审批',
      departmentId: housing!.id,
      limitWorkingDays: 5,
    });
    const [project] = await handle.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.regionCode, '350902'))
      .limit(1);
    let n = 0;
    const results = [
      await measure('raise → every robot message received', 10, async () => {
        n += 1;
        const before = hook.received.length;
        await post(office, '/api/problems', {
          projectId: project!.id,
          category: '审批',
          description: `施工许可证办理受阻（第 ${n} 次）`,
          channel: 'meeting',
        });
        const answered = performance.now();
        while (hook.received.length < before + staff.length) {
          if (performance.now() - answered > 30_000) throw new Error('no robot message within 30 s');
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return `${staff.length} messages`;
      }),
    ];
    printResults(
      `${engine}: robot delivery after a problem is raised (demo people; seeded in ${seedSeconds} s; request included)`,
      results,
      'steps',
    );
  } finally {
    await worker.stop();
    await hook.close();
    await app.close();
  }
}

await onEachEngine('robot', run);
