import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Moves the clock to a moment in China time. */
const at = (chinaTime: string) => t.clock.set(new Date(`${chinaTime}+08:00`));

describe('GET /api/reporting-period', () => {
  it('needs a session and a region the caller may read', async () => {
    await at('2026-12-06T10:00:00');
    expect((await t.call(null, 'GET', '/api/reporting-period')).status).toBe(401);
    expect((await (await t.as('fuan')).get('/api/reporting-period?region=350902')).status).toBe(404);
    const owner = await (await t.as('owner1')).get('/api/reporting-period');
    expect(owner.status).toBe(200);
    // A county office reads the rule of the city above it too.
    expect((await (await t.as('jiaocheng')).get('/api/reporting-period?region=350900')).status).toBe(200);
  });

  it.each([
    ['2026-12-06T10:00:00', '2026-11', 'late', '2026-11-25', 'December has not opened: November'],
    ['2026-12-15T09:00:00', '2026-12', 'open', '2026-12-25', 'December opens 10 days before the 25th'],
    ['2027-01-03T10:00:00', '2026-12', 'late', '2026-12-25', "December→January: last year's December"],
    ['2026-06-26T10:00:00', '2026-06', 'late', '2026-06-25', "the day after June's deadline"],
    [
      '2026-07-16T10:00:00',
      '2026-06',
      'late',
      '2026-06-25',
      '25 July is a Saturday: July is due on the 27th, opens the 17th',
    ],
    ['2026-12-06T00:30:00', '2026-11', 'late', '2026-11-25', 'China date, not UTC (still 5 December in UTC)'],
  ])('on %s answers %s (%s, due %s: %s)', async (moment, key, state, dueOn) => {
    await at(moment);
    const period = await (await t.as('ningde')).get('/api/reporting-period');
    expect(period.status).toBe(200);
    expect(period.body).toMatchObject({ regionCode: '350900', key, state, dueOn });
    expect(`${period.body.year}-${String(period.body.month).padStart(2, '0')}`).toBe(key);
  });

  it('answers the quarter of the reporting month', async () => {
    await at('2027-01-03T10:00:00');
    expect((await (await t.as('ningde')).get('/api/reporting-period')).body.quarter).toBe('2026Q4');
  });
});

describe("the current reporting month as every page's default", () => {
  it('opens the status board on the current reporting month with its due projects', async () => {
    await at('2026-12-06T10:00:00');
    const county = await t.as('jiaocheng');
    const board = await county.get('/api/monthly-reports/status-board?pageSize=5');
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({ year: 2026, month: 11 });
    expect(board.body.counts.due).toBeGreaterThan(0);
    const explicit = await county.get('/api/monthly-reports/status-board?year=2026&month=11&pageSize=5');
    expect(board.body.counts).toEqual(explicit.body.counts);
  });

  it("shows the big screen up to November on 6 December, with the cockpit's 序时进度 (91.7%, not 100%)", async () => {
    await at('2026-12-06T10:00:00');
    const office = await t.as('ningde');
    const screen = await office.get('/api/screen');
    expect(screen.body.figures).toMatchObject({ year: 2026, month: 11 });
    expect(screen.body.figures.figures.timeProgress.percent).toBe('91.7');
    const cockpit = await office.get('/api/cockpit/rollup?year=2026&month=11');
    expect(screen.body.figures.figures).toEqual(cockpit.body.total);
  });

  it("moves the screen to December once December's window opens", async () => {
    await at('2026-12-20T10:00:00');
    const screen = await (await t.as('ningde')).get('/api/screen');
    expect(screen.body.figures).toMatchObject({ year: 2026, month: 12 });
  });

  it('shades the map up to the current reporting month by default', async () => {
    await at('2026-12-06T10:00:00');
    const map = await (await t.as('ningde')).get('/api/map/regions');
    expect(map.status).toBe(200);
    expect(map.body).toMatchObject({ year: 2026, month: 11 });
  });

  it("follows a county's own calendar: its month differs from the city's when their windows differ", async () => {
    await at('2026-12-16T10:00:00');
    const county = await t.as('jiaocheng');
    const set = await county.put('/api/reporting-calendars/350902', {
      deadlineKind: 'dayOfMonth',
      deadlineDay: 5,
      deadlineMonthOffset: 1,
      deadlineWorkingDays: null,
      opensDaysBefore: 10,
      lateAllowed: true,
      lateCloseDays: null,
      blockingChecks: ['negativeAmount'],
      version: null,
    });
    expect(set.status).toBe(200);
    // County: December is due 5 January and opens 26 December; November (due 7 December) is late.
    expect((await county.get('/api/reporting-period')).body).toMatchObject({
      key: '2026-11',
      dueOn: '2026-12-07',
    });
    expect((await county.get('/api/monthly-reports/status-board?pageSize=1')).body.month).toBe(11);
    // City: the 25th rule has opened December on the 15th.
    expect((await (await t.as('ningde')).get('/api/reporting-period')).body.key).toBe('2026-12');
  });
});

describe('provisional deadlines (暂定) beyond the years with holiday data', () => {
  it("flags a deadline in a year without holiday data on the status board's resolver, never a submitted one", async () => {
    const { reportingDeadlineResolver } = await import('./reporting-calendars');
    const deadlines = await reportingDeadlineResolver(t.db);
    const path = '350000.350900.350902';
    expect(deadlines.isDueOnProvisional(null, path, 2026, 11)).toBe(false);
    expect(deadlines.isDueOnProvisional(null, path, 2031, 1)).toBe(true);
    const submitted = { submittedAt: new Date('2031-01-20T02:00:00Z'), dueOn: '2031-01-27', late: false };
    expect(deadlines.isDueOnProvisional(submitted, path, 2031, 1)).toBe(false);
  });

  it('marks the status board rows of this year as not provisional', async () => {
    await at('2026-12-06T10:00:00');
    const office = await t.as('jiaocheng');
    const board = await office.get('/api/monthly-reports/status-board?year=2026&month=11');
    expect(board.status).toBe(200);
    const rows = (board.body as { data: { isDueOnProvisional: boolean }[] }).data;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.isDueOnProvisional === false)).toBe(true);
  });
});
