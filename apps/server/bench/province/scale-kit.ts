/**
 * Timing for the province benchmark: a workload is a function doing one unit of work (one request
 * sequence, or one SQL statement set); it is measured sequentially (median, p99) and then by N
 * clients at once for a while (throughput, errors). A cookie-carrying HTTP client logs in like the
 * web app (session cookie, `Origin` on state changes for the same-origin check).
 */
import { loadavg } from 'node:os';
import { step } from '../bench-kit';

export interface Figures {
  samples: number;
  median: number;
  p99: number;
  /** Units per second with `clients` clients at once. */
  throughput: number;
  clients: number;
  errors: number;
  firstError: string | null;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/**
 * Runs `unit` a few times to warm up, then sequentially until `samples` runs or `seconds` have
 * passed (at least 10 runs), then with `clients` concurrent loops for `seconds` (or until `limit`
 * units when given: write workloads consume their targets). `unit(i)` gets a running number.
 */
export async function measureWorkload(
  label: string,
  unit: (i: number) => Promise<void>,
  options: { samples: number; seconds: number; clients: number; warmup?: number; limit?: number },
): Promise<Figures> {
  step(`${label}: sequential`);
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const run = async () => {
    const i = next++;
    try {
      await unit(i);
      return true;
    } catch (error) {
      errors++;
      firstError ??= (error as Error).message.slice(0, 300);
      return false;
    }
  };
  for (let i = 0; i < (options.warmup ?? 3); i++) await run();
  const times: number[] = [];
  const started = performance.now();
  while (
    times.length < options.samples &&
    (times.length < 10 || performance.now() - started < options.seconds * 1000) &&
    (options.limit === undefined || next < options.limit)
  ) {
    const t0 = performance.now();
    if (await run()) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  step(`${label}: ${options.clients} clients`);
  let done = 0;
  const loadStart = performance.now();
  const deadline = loadStart + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (performance.now() < deadline && (options.limit === undefined || next < options.limit)) {
        if (await run()) done++;
      }
    }),
  );
  const elapsed = (performance.now() - loadStart) / 1000;
  return {
    samples: times.length,
    median: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    throughput: done / elapsed,
    clients: options.clients,
    errors,
    firstError,
  };
}

/** A logged-in client of the server at `base`. */
export class Session {
  private constructor(
    readonly base: string,
    private readonly cookie: string,
  ) {}

  static async login(base: string, username: string, password: string): Promise<Session> {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200)
      throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    await response.arrayBuffer();
    return new Session(base, cookie);
  }

  /** GET answering the parsed body; anything but 200 throws with the status and body. */
  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    const text = await response.text();
    if (response.status !== 200)
      throw new HttpError(response.status, `GET ${path}: ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }

  /** A state change as the web app sends it: same origin, JSON body, an idempotency key. */
  async send<T>(method: 'POST' | 'PUT', path: string, body: unknown, idempotencyKey: string): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        origin: this.base,
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 200)
      throw new HttpError(response.status, `${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The machine's load, as printed at the start and the end of a run. */
export function machineLoad(cores: number): string {
  const [one, five, fifteen] = loadavg();
  return `load average ${one!.toFixed(2)} / ${five!.toFixed(2)} / ${fifteen!.toFixed(2)} (1/5/15 min) on ${cores} cores`;
}

const ms = (x: number) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const rate = (x: number) => (x < 100 ? x.toFixed(1) : x.toFixed(0));

export interface Row {
  label: string;
  api: Figures;
  sql: Figures | null;
  note?: string;
}

/** The Markdown table docs/PERFORMANCE.md takes. */
export function markdownTable(rows: Row[]): string {
  const lines = [
    '| workload | API median ms | API p99 ms | API throughput /s | API errors | SQL median ms | SQL p99 ms | SQL throughput /s | SQL errors |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { label, api, sql } of rows) {
    const cells = [
      label,
      ms(api.median),
      ms(api.p99),
      `${rate(api.throughput)} (${api.clients} clients)`,
      String(api.errors),
      sql ? ms(sql.median) : '–',
      sql ? ms(sql.p99) : '–',
      sql ? `${rate(sql.throughput)} (${sql.clients})` : '–',
      sql ? String(sql.errors) : '–',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
