import { tmpdir } from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open-database';
import { auditEvents, jobOutbox, organisations, problemEvents, users, warningResults } from '../db/schema';
import { startFakeWebhook } from '../modules/notifications/fake-webhook.fixture';
import { recordJobFailure, resolveJobFailures } from '../modules/problems/escalation-failures';
import { escalationsJob } from '../modules/problems/escalations.job';
import { beijingMorning, insertTestProject, organisationId } from '../modules/problems/problem-test-kit';
import { warningsJob } from '../modules/warnings/warnings.job';
import { createTestApp, type TestApp } from '../testing/test-app';
import { testAuditKey } from '../testing/test-constants';
import { defineJob, intervalSlot, retryDelayMs } from './define-job';
import { claimDueJob, enqueueJob, staleClaimMs } from './outbox';
import { type JobWorker, startJobWorker } from './worker';

let t: TestApp;
let worker: JobWorker | undefined;
const logged: string[] = [];
let project: string;

beforeAll(async () => {
  t = await createTestApp({ nudgeJobs: () => worker?.nudge() });
  project = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
  });
});
afterAll(async () => {
  await worker?.stop();
  await t.close();
});

/** A job for these tests: records each run, fails while `failuresLeft` says so. */
function probeJob(name: string, options: { failuresLeft?: number; maxAttempts?: number } = {}) {
  const runs: { key: string; payload: { n: number } }[] = [];
  let failuresLeft = options.failuresLeft ?? 0;
  const job = defineJob({
    name,
    title: name,
    payload: z.object({ n: z.number().int() }).strict(),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    run: async (ctx, payload) => {
      runs.push({ key: ctx.key, payload });
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('网关不可用', { cause: new Error('connect ECONNREFUSED') });
      }
      return `ran ${payload.n}`;
    },
  });
  return { job, runs };
}

const rowsOf = (job: string) => t.db.select().from(jobOutbox).where(eq(jobOutbox.job, job));
const handWorker = (jobs: Parameters<typeof startJobWorker>[0]['jobs'], db: Database = t.db, id?: string) =>
  startJobWorker({
    db,
    clock: t.clock,
    auditKey: testAuditKey,
    jobs,
    isTimerOn: false,
    log: (line) => logged.push(line),
    ...(id ? { id } : {}),
  });

describe('the outbox', () => {
  it('enqueues nothing when the transaction rolls back, and once per natural key when it commits', async () => {
    const { job } = probeJob('test.enqueue');
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueJob(tx, job, { n: 1 }, 'k1', { now: t.clock.now() });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await rowsOf('test.enqueue')).toHaveLength(0);

    const added = await t.db.transaction((tx) => enqueueJob(tx, job, { n: 1 }, 'k1', { now: t.clock.now() }));
    const again = await t.db.transaction((tx) => enqueueJob(tx, job, { n: 2 }, 'k1', { now: t.clock.now() }));
    expect([added, again]).toEqual([true, false]);
    const rows = await rowsOf('test.enqueue');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ naturalKey: 'k1', payload: { n: 1 }, state: 'pending', attempts: 0 });
  });

  it('refuses a payload its job does not accept', async () => {
    const { job } = probeJob('test.payload');
    await expect(
      enqueueJob(t.db, job, { n: 'x' } as unknown as { n: number }, 'k', { now: t.clock.now() }),
    ).rejects.toThrow();
    expect(await rowsOf('test.payload')).toHaveLength(0);
  });

  it('lets two claimers take different rows (skip locked) and nobody a row not yet due', async () => {
    const { job } = probeJob('test.claim');
    const now = t.clock.now();
    await enqueueJob(t.db, job, { n: 1 }, 'a', { now });
    await enqueueJob(t.db, job, { n: 2 }, 'b', { now });
    await enqueueJob(t.db, job, { n: 3 }, 'later', { now, runAfter: new Date(now.getTime() + 60_000) });
    const claims = await Promise.all([
      claimDueJob(t.db, ['test.claim'], 'w1', now),
      claimDueJob(t.db, ['test.claim'], 'w2', now),
      claimDueJob(t.db, ['test.claim'], 'w3', now),
    ]);
    const taken = claims.filter((c) => c !== null);
    expect(taken.map((c) => c.naturalKey).sort()).toEqual(['a', 'b']);
    expect(new Set(taken.map((c) => c.claimedBy)).size).toBe(2);
    expect(taken.every((c) => c.state === 'running' && c.attempts === 1)).toBe(true);
    expect(await claimDueJob(t.db, ['test.claim'], 'w4', now)).toBeNull();
    // A claim left by a worker that died is taken over once it is stale: at least once.
    const stale = new Date(now.getTime() + staleClaimMs + 1_000);
    const retaken = await claimDueJob(t.db, ['test.claim'], 'w5', stale);
    expect(['a', 'b', 'later']).toContain(retaken?.naturalKey);
  });

  it('claims a row on PostgreSQL without waiting for another transaction that holds one locked', async () => {
    if (t.database.engine !== 'postgresql') return;
    const { job } = probeJob('test.locked');
    const now = t.clock.now();
    await enqueueJob(t.db, job, { n: 1 }, 'held', { now });
    await enqueueJob(t.db, job, { n: 2 }, 'free', { now: new Date(now.getTime() + 1) });
    const other = await openDatabase({ databaseUrl: t.database.databaseUrl!, dataDir: tmpdir() });
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = other.db.transaction(async (tx) => {
        await tx.execute(sql`select id from job_outbox where natural_key = 'held' for update`);
        locked();
        await held;
      });
      await isLocked;
      const claimed = await claimDueJob(t.db, ['test.locked'], 'w', new Date(now.getTime() + 10));
      expect(claimed?.naturalKey).toBe('free');
      release();
      await holder;
    } finally {
      await other.close();
    }
  });
});

describe('the job worker', () => {
  it('retries a failing run with backoff, keeps the reason, and gives up after its attempts', async () => {
    const flaky = probeJob('test.flaky', { failuresLeft: 1 });
    const doomed = probeJob('test.doomed', { failuresLeft: 99, maxAttempts: 2 });
    const start = t.clock.now();
    await enqueueJob(t.db, flaky.job, { n: 7 }, 'flaky:1', { now: start });
    await enqueueJob(t.db, doomed.job, { n: 8 }, 'doomed:1', { now: start });
    const w = handWorker([flaky.job, doomed.job]);
    const first = await w.runDue();
    expect(first.map((r) => [r.key, r.isDone, r.message])).toEqual([
      ['flaky:1', false, 'connect ECONNREFUSED'],
      ['doomed:1', false, 'connect ECONNREFUSED'],
    ]);
    const [waiting] = await rowsOf('test.flaky');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: 'connect ECONNREFUSED' });
    expect(waiting!.runAfter.getTime() - start.getTime()).toBe(retryDelayMs(1));
    // Not due again before its backoff has passed.
    t.clock.advance(retryDelayMs(1) - 1_000);
    expect(await w.runDue()).toEqual([]);
    t.clock.advance(1_000);
    const second = await w.runDue();
    expect(second.map((r) => [r.key, r.isDone])).toEqual([
      ['flaky:1', true],
      ['doomed:1', false],
    ]);
    expect((await rowsOf('test.flaky'))[0]).toMatchObject({ state: 'done', attempts: 2, result: 'ran 7' });
    expect((await rowsOf('test.doomed'))[0]).toMatchObject({ state: 'failed', attempts: 2 });
    t.clock.advance(retryDelayMs(5));
    expect(await w.runDue()).toEqual([]);
    expect(flaky.runs).toHaveLength(2);
    expect(doomed.runs).toHaveLength(2);
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    expect(retryDelayMs(40)).toBe(3_600_000);
  });

  it('delivers the DingTalk robot message of a newly raised problem on the commit’s nudge, without waiting for a schedule', async () => {
    const hook = await startFakeWebhook();
    worker = startJobWorker({
      db: t.db,
      clock: t.clock,
      auditKey: testAuditKey,
      // Scheduled jobs off (as TUIJIN_REMIND_INTERVAL_MINUTES=0): event jobs still run on a nudge.
      scheduleEveryMinutes: 0,
      isTimerOn: false,
      log: (line) => logged.push(line),
    });
    try {
      const admin = await t.as('admin');
      const channel = await admin.post('/api/notification-channels', {
        name: '蕉城区住建钉钉群',
        kind: 'dingtalk',
        url: `${hook.url}?access_token=robot`,
        secret: 'SECrobot',
      });
      expect(channel.status).toBe(200);
      const [housing] = await t.db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, '宁德市住房和城乡建设局'));
      const staff = await t.db
        .select({ displayName: users.displayName })
        .from(users)
        .where(and(eq(users.organisationId, housing!.id), eq(users.isActive, true)));
      expect(staff.length).toBeGreaterThan(0);
      const office = await t.as('jiaocheng');
      const rule = await office.post('/api/problem-routing-rules', {
        regionCode: '350902',
        category: '审批',
        departmentId: housing!.id,
        limitWorkingDays: 5,
      });
      expect(rule.status, JSON.stringify(rule.body)).toBe(200);

      const raised = await office.post('/api/problems', {
        projectId: project,
        category: '审批',
        description: '施工许可证办理受阻',
        channel: 'meeting',
      });
      expect(raised.status).toBe(200);
      // The answer comes after the commit; the nudge sends the message with no schedule running (the
      // 5-second target is a figure of docs/PERFORMANCE.md, not of a test on a shared machine).
      const startedAt = Date.now();
      await expect
        .poll(() => hook.received.length, { timeout: 30_000, interval: 50 })
        .toBeGreaterThanOrEqual(staff.length);
      logged.push(`delivered in ${Date.now() - startedAt} ms`);
      const texts = hook.received.map((r) => JSON.stringify(r.body));
      expect(texts.every((text) => text.includes(raised.body.referenceNumber))).toBe(true);
      expect(hook.received[0]!.url).toMatch(/access_token=robot&timestamp=\d+&sign=/);
      await expect
        .poll(async () => (await rowsOf('deliverNotifications')).find((r) => r.state === 'done')?.result)
        .toMatch(/^投递成功 \d+ 条/);
      await admin.patch(`/api/notification-channels/${channel.body.id}`, { version: 0, enabled: false });
    } finally {
      await worker.stop();
      worker = undefined;
      await hook.close();
    }
  });

  it('processes each escalation and warning item once when two instances run the same slot', async () => {
    const office = await t.as('jiaocheng');
    expect((await office.post('/api/escalation-ladders/350902/preset', { preset: 'luohe' })).status).toBe(
      200,
    );
    t.clock.set(beijingMorning('2026-03-02'));
    const problem = (
      await (
        await t.as('jiaocheng')
      ).post('/api/problems', {
        projectId: project,
        category: '征迁',
        description: '3 户未签订征迁协议',
        channel: 'meeting',
      })
    ).body as { id: string };
    // Last month's warnings not computed yet, so the run has something to write.
    await t.db.delete(warningResults).where(eq(warningResults.month, '2026-02'));
    const recomputes = () =>
      t.db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'warning.recompute'), eq(auditEvents.entityId, '2026-02')));
    const recomputedBefore = (await recomputes()).length;
    const asOf = beijingMorning('2026-03-16');
    t.clock.set(asOf);
    const second =
      t.database.engine === 'postgresql'
        ? await openDatabase({ databaseUrl: t.database.databaseUrl!, dataDir: tmpdir() })
        : null;
    try {
      const jobs = [warningsJob, escalationsJob];
      const one = handWorker(jobs, t.db, 'instance-1');
      const two = handWorker(jobs, second?.db ?? t.db, 'instance-2');
      const [a, b] = await Promise.all([one.runDue(), two.runDue()]);
      const runs = [...a, ...b];
      const slot = intervalSlot(asOf, 60);
      expect(runs.map((r) => `${r.key}:${r.isDone}`).sort()).toEqual([
        `escalations:${slot}:true`,
        'warnings:2026-02:true',
      ]);
      expect((await rowsOf('escalations')).map((r) => [r.naturalKey, r.state, r.attempts])).toEqual([
        [`escalations:${slot}`, 'done', 1],
      ]);
      expect((await rowsOf('warnings')).map((r) => [r.naturalKey, r.state])).toEqual([
        ['warnings:2026-02', 'done'],
      ]);
      const moves = await t.db
        .select({ problemId: problemEvents.problemId, count: sql<number>`count(*)::int` })
        .from(problemEvents)
        .where(and(eq(problemEvents.action, 'escalate'), eq(problemEvents.at, asOf)))
        .groupBy(problemEvents.problemId);
      expect(moves.find((m) => m.problemId === problem.id)?.count).toBe(1);
      expect(moves.every((m) => m.count === 1)).toBe(true);
      expect(await recomputes()).toHaveLength(recomputedBefore + 1);
      // The same slot again (a later pass, a third instance) queues and runs nothing.
      expect(await handWorker(jobs, t.db, 'instance-3').runDue()).toEqual([]);
    } finally {
      await second?.close();
    }
  });
});

describe('GET /api/jobs', () => {
  it('shows the system admin every job with its schedule, runs, retries and failed items', async () => {
    expect((await t.call(null, 'GET', '/api/jobs')).status).toBe(401);
    expect((await (await t.as('jiaocheng')).get('/api/jobs')).status).toBe(403);
    const admin = await t.as('admin');
    expect((await admin.get('/api/jobs?limit=0')).status).toBe(400);
    expect((await admin.get('/api/jobs?state=sleeping')).status).toBe(400);
    const overview = (await admin.get('/api/jobs')).body;
    expect(overview.jobs.map((j: { name: string }) => j.name)).toEqual([
      'warnings',
      'escalations',
      'provisionalReplyDates',
      'reminders',
      'approvalPromises',
      'deemedNotices',
      'dispatchTasks',
      'healthRecordsPurge',
      'overdueInspectionFindings',
      'dailyBulletins',
      'auditLogDaily',
      'deliverNotifications',
    ]);
    const escalations = overview.jobs.find((j: { name: string }) => j.name === 'escalations');
    expect(escalations).toMatchObject({ title: '问题提级', everyMinutes: 60, counts: { done: 1 } });
    expect(escalations.lastRun).toMatchObject({ state: 'done', attempts: 1 });
    expect(escalations.lastRun.claimedBy).toMatch(/^instance-[12]$/);
    expect(
      overview.jobs.find((j: { name: string }) => j.name === 'deliverNotifications').everyMinutes,
    ).toBeNull();
    expect(overview.runs.length).toBeLessThanOrEqual(50);
    const failed = (await admin.get('/api/jobs?state=failed')).body.runs;
    expect(failed.map((r: { key: string }) => r.key)).toContain('doomed:1');
    expect(failed.every((r: { state: string }) => r.state === 'failed')).toBe(true);

    // Items a run failed on: the admin's jurisdiction only, open ones first.
    const [own] = await t.db
      .select({ regionPath: organisations.regionPath })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.username, 'admin'));
    const at = t.clock.now();
    const failure = { regionPath: own!.regionPath, reason: '提级层级缺失' };
    await recordJobFailure(t.db, 'problem.escalation', { ...failure, itemKey: 'p-old', label: 'WT-OLD' }, at);
    await resolveJobFailures(t.db, 'problem.escalation', ['p-old'], at);
    await recordJobFailure(
      t.db,
      'problem.escalation',
      { ...failure, itemKey: 'p-open', label: 'WT-OPEN' },
      at,
    );
    await recordJobFailure(
      t.db,
      'problem.escalation',
      { regionPath: '990000', reason: '别处', itemKey: 'p-elsewhere', label: 'WT-ELSEWHERE' },
      at,
    );
    const items = (await admin.get('/api/jobs')).body.itemFailures;
    expect(
      items.map((f: { label: string; resolvedAt: string | null }) => [f.label, f.resolvedAt !== null]),
    ).toEqual([
      ['WT-OPEN', false],
      ['WT-OLD', true],
    ]);
  });
});
