import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../context';
import type { Database } from '../db/database';
import type { FileStore } from '../lib/file-store';
import { defaultMaxAttempts, intervalSlot, type JobDefinition, retryDelayMs } from './define-job';
import { failureReason } from './failure-reason';
import { claimDueJob, completeJob, enqueueJob, failJob } from './outbox';
import { jobRegistry } from './registry';

/** One run a worker pass went through. */
export interface WorkerRun {
  job: string;
  key: string;
  isDone: boolean;
  /** The summary, or the reason it failed. */
  message: string;
}

export interface JobWorker {
  /** Names this worker in `claimed_by`. */
  id: string;
  /** Wakes the worker now (after a commit that queued a run); passes never overlap. */
  nudge(): void;
  /** One pass: queue the scheduled jobs' current slots, then run every due run until none is left. */
  runDue(): Promise<WorkerRun[]>;
  /** Stops the timer and waits for the pass in progress. */
  stop(): Promise<void>;
}

export interface JobWorkerOptions {
  db: Database;
  clock: Clock;
  auditKey: Buffer;
  log: (message: string, error?: unknown) => void;
  /** The file store handed to the jobs that write documents. */
  store?: FileStore;
  jobs?: readonly JobDefinition[];
  id?: string;
  /**
   * Minutes between the slots of every scheduled job (`TUIJIN_REMIND_INTERVAL_MINUTES`); 0 turns
   * the scheduled jobs off (event jobs such as delivery still run). Default: each job's own.
   */
  scheduleEveryMinutes?: number;
  /** How often the worker looks for due runs without a nudge (retries, other instances' rows). */
  pollMs?: number;
  /** Delay before the first pass after start. */
  firstRunDelayMs?: number;
  /** Start the timer (default); tests that drive passes by hand pass false. */
  isTimerOn?: boolean;
}

/**
 * The background job worker (one per server process; several instances may share a PostgreSQL).
 * Each pass queues the current slot of every scheduled job under its natural key
 * (`escalations:2026-12-06T09:00`, `warnings:2026-11`) — `on conflict do nothing`, so of two
 * instances only one row exists per slot — then claims due rows one at a time with
 * `for update skip locked`, runs them outside the claim (each job keeps its own transactions) and
 * marks them done, or pending again after a backoff, or failed once the attempts are used up. A
 * worker that dies mid-run leaves a stale claim that another worker takes over: at least once.
 */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const jobs = options.jobs ?? jobRegistry;
  const byName = new Map(jobs.map((job) => [job.name, job]));
  const id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const every = options.scheduleEveryMinutes;
  let isStopped = false;
  let timer: NodeJS.Timeout | null = null;

  // The slot key each scheduled job was last queued under, so a pass queues a slot only once.
  const queued = new Map<string, string>();
  const enqueueSlots = async () => {
    if (every === 0) return;
    const now = options.clock.now();
    for (const job of jobs) {
      if (!job.schedule) continue;
      const key = `${job.name}:${(job.schedule.slot ?? intervalSlot)(now, every ?? job.schedule.everyMinutes)}`;
      if (queued.get(job.name) === key) continue;
      await enqueueJob(options.db, job, {}, key, { now });
      queued.set(job.name, key);
    }
  };

  const runOne = async (names: readonly string[]): Promise<WorkerRun | null> => {
    const row = await claimDueJob(options.db, names, id, options.clock.now());
    if (!row) return null;
    const job = byName.get(row.job)!;
    try {
      const payload = job.payload.parse(row.payload);
      const ctx = {
        db: options.db,
        clock: options.clock,
        auditKey: options.auditKey,
        log: options.log,
        key: row.naturalKey,
        store: options.store,
      };
      const summary = (await job.run(ctx, payload)) ?? null;
      await completeJob(options.db, row, options.clock.now(), summary);
      if (summary) options.log(`${job.title}：${summary}`);
      return { job: row.job, key: row.naturalKey, isDone: true, message: summary ?? '' };
    } catch (error) {
      const reason = failureReason(error);
      const isLast = row.attempts >= (job.maxAttempts ?? defaultMaxAttempts);
      await failJob(options.db, row, options.clock.now(), reason, isLast ? null : retryDelayMs(row.attempts));
      options.log(
        `${job.title}（${row.naturalKey}）第 ${row.attempts} 次运行失败${isLast ? '，不再重试' : '，稍后重试'}`,
        error,
      );
      return { job: row.job, key: row.naturalKey, isDone: false, message: reason };
    }
  };

  /**
   * A lane runs its jobs' due runs one after another; passes of one lane never overlap (a call
   * during a pass makes it go round once more). Scheduled and event jobs have a lane each, so a
   * channel delivery never waits behind a long monthly computation.
   */
  const lane = (names: readonly string[], before?: () => Promise<void>) => {
    let current: Promise<WorkerRun[]> | null = null;
    let again = false;
    const pass = async (): Promise<WorkerRun[]> => {
      const runs: WorkerRun[] = [];
      try {
        await before?.();
        while (!isStopped) {
          const run = await runOne(names);
          if (!run) break;
          runs.push(run);
        }
      } catch (error) {
        options.log('后台任务运行失败', error);
      }
      return runs;
    };
    return (): Promise<WorkerRun[]> => {
      if (current) {
        again = true;
        return current;
      }
      current = (async () => {
        const runs: WorkerRun[] = [];
        do {
          again = false;
          runs.push(...(await pass()));
        } while (again && !isStopped);
        return runs;
      })().finally(() => {
        current = null;
      });
      return current;
    };
  };
  const lanes = [
    lane(
      jobs.filter((job) => job.schedule).map((job) => job.name),
      enqueueSlots,
    ),
    lane(jobs.filter((job) => !job.schedule).map((job) => job.name)),
  ];
  let current: Promise<WorkerRun[]> | null = null;
  const runDue = (): Promise<WorkerRun[]> => {
    const pass = Promise.all(lanes.map((run) => run())).then((runs) => runs.flat());
    current = pass;
    return pass;
  };

  const schedule = (ms: number) => {
    if (isStopped || options.isTimerOn === false) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      void runDue().finally(() => schedule(options.pollMs ?? 30_000));
    }, ms);
    timer.unref();
  };
  schedule(options.firstRunDelayMs ?? 30_000);

  return {
    id,
    nudge: () => {
      if (!isStopped) void runDue();
    },
    runDue,
    stop: async () => {
      isStopped = true;
      if (timer) clearTimeout(timer);
      await current?.catch(() => {});
    },
  };
}
