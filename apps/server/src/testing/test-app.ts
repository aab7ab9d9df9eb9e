import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { type App, type AppConfig, buildApp } from '../app';
import type { Clock } from '../context';
import { demoPassword } from '../demo/load-demo';
import { testAuditKey, testCaptchaText, testEpoch } from './test-constants';
import { createTestDatabase } from './test-database';

/** A clock tests move by hand. */
export interface MutableClock extends Clock {
  set(date: Date): void;
  advance(ms: number): void;
}

export function mutableClock(start: Date): MutableClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = date.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The whole app over a private copy of the demo database, with a hand-moved clock and helpers to
 * log in as a demo account and call the API as them.
 */
export async function createTestApp(
  options: Pick<AppConfig, 'tilesDir' | 'fetchTile' | 'nudgeJobs' | 'logger' | 'loginRatePerMinute'> = {},
) {
  const database = await createTestDatabase();
  const clock = mutableClock(new Date(testEpoch.getTime() + 3_600_000));
  const filesDir = mkdtempSync(join(tmpdir(), 'tuijin-files-'));
  const app: App = await buildApp({
    database,
    auditKey: testAuditKey,
    clock,
    loginRatePerMinute: 100_000,
    captchaText: () => testCaptchaText,
    filesDir,
    ...options,
  });
  await app.ready();

  async function login(username: string, options: { password?: string; ip?: string } = {}) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: options.password ?? demoPassword },
      remoteAddress: options.ip ?? '10.1.1.1',
    });
    if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'tuijin_session');
    return `tuijin_session=${cookie!.value}`;
  }

  /**
   * One login try as an unhurried person makes it: a minute after the last, with the image CAPTCHA
   * solved (test apps draw `testCaptchaText`), so the account-wide throttle's delay and CAPTCHA
   * never stand in the way and only the per-address lockout and the password decide.
   */
  async function tryLogin(username: string, password: string, ip = '10.9.9.9') {
    clock.advance(61_000);
    const captcha = (
      await app.inject({ method: 'POST', url: '/api/auth/captcha', remoteAddress: ip })
    ).json();
    return app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password, captchaId: captcha.id, captchaAnswer: testCaptchaText },
      remoteAddress: ip,
    });
  }

  /** Calls the API with a session cookie (or none), answering status and parsed JSON. */
  async function call(
    cookie: string | null,
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      headers: { ...(cookie ? { cookie } : {}), ...headers },
      remoteAddress: '10.1.1.1',
    });
    const body = response.body ? JSON.parse(response.body) : null;
    return { status: response.statusCode, body, headers: response.headers };
  }

  /** Logs in (a fresh session each time, so a moved clock cannot expire it) and calls as that person. */
  async function as(username: string) {
    const cookie = await login(username);
    return {
      get: (url: string) => call(cookie, 'GET', url),
      post: (url: string, payload?: unknown, headers?: Record<string, string>) =>
        call(cookie, 'POST', url, payload ?? {}, headers),
      put: (url: string, payload: unknown, headers?: Record<string, string>) =>
        call(cookie, 'PUT', url, payload, headers),
      patch: (url: string, payload: unknown) => call(cookie, 'PATCH', url, payload),
      cookie,
    };
  }

  return {
    app,
    database,
    db: database.db,
    clock,
    /** Where the app keeps its files (a job that writes documents is given a store over it). */
    filesDir,
    login,
    tryLogin,
    call,
    as,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
