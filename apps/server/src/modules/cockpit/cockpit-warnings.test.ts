import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

/**
 * The cockpit's 红黄绿灯 counts come from the stored warning results of its own year-month, so on
 * the demo (February 2026 computed under 宁德市's rule set) every region's counts equal what the
 * warnings overview answers for the same month and region.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t.close());

type Counts = { red: number; yellow: number; green: number };
interface Row {
  key: string;
  kind: string;
  figures: { warnings: Counts & { formula: string } };
}

const colours = ({ red, yellow, green }: Counts) => ({ red, yellow, green });

describe('cockpit warning counts', () => {
  it('equal the warnings overview for each region of the city and in total', async () => {
    const city = await t.as('ningde');
    const rollup = await city.get('/api/cockpit/rollup?year=2026&month=2&dimension=region');
    expect(rollup.status).toBe(200);
    const overall = await city.get('/api/warnings?month=2026-02&pageSize=1');
    expect(overall.status).toBe(200);
    expect(colours(rollup.body.total.warnings)).toEqual(overall.body.counts);
    expect(rollup.body.total.warnings.formula).toBe('warnings');
    expect(overall.body.counts.red + overall.body.counts.yellow).toBeGreaterThan(0);
    const regions = (rollup.body.rows as Row[]).filter((r) => r.kind === 'region');
    expect(regions.length).toBeGreaterThan(1);
    let withWarnings = 0;
    for (const row of regions) {
      const own = await city.get(`/api/warnings?month=2026-02&regionCode=${row.key}&pageSize=1`);
      expect(colours(row.figures.warnings), row.key).toEqual(own.body.counts);
      if (own.body.page.total > 0) withWarnings += 1;
    }
    expect(withWarnings).toBeGreaterThan(1);
    // The rows add up to the total (本级 included).
    const sum = (rollup.body.rows as Row[]).reduce((n, r) => n + r.figures.warnings.red, 0);
    expect(sum).toBe(rollup.body.total.warnings.red);
  });

  it('are scoped to the reader and follow the cockpit month (none stored for March)', async () => {
    const county = await t.as('jiaocheng');
    const mine = await county.get('/api/cockpit/rollup?year=2026&month=2&dimension=domain');
    const overview = await county.get('/api/warnings?month=2026-02&pageSize=1');
    expect(colours(mine.body.total.warnings)).toEqual(overview.body.counts);
    const march = await county.get('/api/cockpit/rollup?year=2026&month=3');
    expect(colours(march.body.total.warnings)).toEqual({ red: 0, yellow: 0, green: 0 });
  });

  it('drill down to exactly the projects of that colour, each with its colour', async () => {
    const city = await t.as('ningde');
    const counts = (await city.get('/api/warnings?month=2026-02&pageSize=1')).body.counts as Counts;
    for (const [colour, measure] of [
      ['red', 'warningRed'],
      ['yellow', 'warningYellow'],
    ] as const) {
      const overview = await city.get(`/api/warnings?month=2026-02&colour=${colour}&pageSize=200`);
      const expected = overview.body.data.map((r: { projectId: string }) => r.projectId).sort();
      expect(expected).toHaveLength(counts[colour]);
      const drawer = await city.get(
        `/api/cockpit/projects?year=2026&month=2&measure=${measure}&pageSize=200`,
      );
      expect(drawer.status).toBe(200);
      expect(drawer.body.data.map((p: { id: string }) => p.id).sort()).toEqual(expected);
      expect(drawer.body.data.every((p: { warningColour: string }) => p.warningColour === colour)).toBe(true);
    }
    const all = await city.get('/api/cockpit/projects?year=2026&month=2&pageSize=200');
    const colourOf = new Map(
      (await city.get('/api/warnings?month=2026-02&pageSize=200')).body.data.map(
        (r: { projectId: string; colour: string }) => [r.projectId, r.colour],
      ),
    );
    for (const p of all.body.data as { id: string; warningColour: string | null }[])
      expect(p.warningColour).toBe(colourOf.get(p.id) ?? null);
  });
});
