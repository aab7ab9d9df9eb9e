import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import type { E2eServer } from './global-setup';

/** Flags that keep Chromium quiet on a closed network (no background calls home). */
const quietFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches Debian's Chromium through playwright-core (no browser download; a fresh profile each time). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: quietFlags,
  });
}

/**
 * Every test's browser context: Chinese in Beijing time, and with the system's "reduce motion" asked
 * for, so the app shows dialogs, drop-downs and messages without animations (it follows that
 * setting for everyone) and a click never lands on something still moving in or out.
 */
export const inChina = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  reducedMotion: 'reduce',
} as const;

export const screenshotDir = join(process.cwd(), '.tmp', 'screenshots');

/** Saves a full-page screenshot under .tmp/screenshots for a person to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * Hovers `target` until `shown` appears. A tooltip closes when the element under the mouse is
 * re-rendered (a query refetching on a loaded machine), so one hover can miss it: the mouse is moved
 * away and back until the tooltip stays, or `timeout` passes.
 */
export async function hoverUntil(target: Locator, shown: Locator, timeout = 20_000) {
  const until = Date.now() + timeout;
  for (;;) {
    await target.hover();
    try {
      await shown.waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await target.page().mouse.move(0, 0);
    }
  }
}

/**
 * The server this test file drives: the one started for its worker (VITEST_POOL_ID runs from 1 to
 * the number of workers), so files running side by side never share one.
 */
export function e2eServer(): E2eServer {
  const servers = inject('servers');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  const server = servers[(worker - 1) % servers.length];
  if (!server) throw new Error('the browser tests started no server (see e2e/global-setup.ts)');
  return server;
}

/** Logs in through the login page as a person would. */
export async function loginThroughPage(
  page: Page,
  baseUrl: string,
  username: string,
  password = 'Tuijin#2026',
) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

export interface FreshPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * Chromium for the tests of the calling file, and before each test a new zh-CN (Asia/Shanghai)
 * context — so no cookie of the last test's login is left — with one page of `viewport`'s size,
 * handed to `take`.
 */
export function freshPagePerTest(
  viewport: { width: number; height: number },
  take: (fresh: FreshPage) => void,
) {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    await context?.close();
    if (!browser) throw new Error('Chromium did not start');
    context = await browser.newContext({ ...inChina, viewport });
    take({ browser, context, page: await context.newPage() });
  });
}

/**
 * Chromium for the calling file's tests and a way to open signed-in pages, each in a context of its
 * own (its own cookies), zh-CN in Beijing time, on a 1366×900 desktop or a 375×812 touch phone;
 * all are closed when the file's tests end. The session comes from the login API (the login page
 * itself is driven by the shell and audit tests); the page then opens `at` — 首页 unless told —
 * so a test that starts elsewhere loads the app once, or never when `at` is null (API-only use).
 */
export function signedInPages(baseUrl: string) {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });
  return async function signIn(
    username: string,
    device: 'desktop' | 'phone' = 'desktop',
    at: string | null = '/',
  ): Promise<Page> {
    if (!browser) throw new Error('Chromium did not start');
    const phone = device === 'phone';
    const context = await browser.newContext({
      ...inChina,
      viewport: phone ? { width: 375, height: 812 } : { width: 1366, height: 900 },
      ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    contexts.push(context);
    const login = await context.request.post(`${baseUrl}/api/auth/login`, {
      data: { username, password: 'Tuijin#2026' },
    });
    if (!login.ok())
      throw new Error(`${username} could not sign in: ${login.status()} ${await login.text()}`);
    const page = await context.newPage();
    if (at !== null) await page.goto(new URL(at, baseUrl).href);
    return page;
  };
}
