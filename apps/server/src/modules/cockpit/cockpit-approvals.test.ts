import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let county: Person;

interface Figures {
  open: number;
  gapsOpen: number;
  yellow: number;
  red: number;
  overdue: number;
  approvedThisYear: number;
  averageWorkingDays: number | null;
}
interface Answer {
  total: Figures;
  totalOverdueNodes: { projects: number; nodes: number };
  rows: {
    key: string;
    label: string;
    kind: string;
    figures: Figures;
    overdueNodes: { projects: number; nodes: number } | null;
  }[];
}

const approvals = async (who: Person, search: string) => {
  const response = await who.get(`/api/cockpit/approvals?year=2026&${search}`);
  expect(response.status).toBe(200);
  return response.body as Answer;
};
/** The 手续事项 list's total under a filter: what a click on a figure opens. */
const listed = async (who: Person, search: string) => {
  const response = await who.get(`/api/approval-items?view=all&pageSize=1&${search}`);
  expect(response.status).toBe(200);
  return response.body.page.total as number;
};
const sum = (rows: Answer['rows'], pick: (f: Figures) => number) =>
  rows.reduce((n, row) => n + pick(row.figures), 0);

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('ningde');
  county = await t.as('jiaocheng');
}, 120_000);
afterAll(async () => t.close());

describe('前期手续 in the cockpit', () => {
  it('counts per county of the city, adding up to the total, each figure what the list shows', async () => {
    const answer = await approvals(city, 'by=region');
    expect(answer.total.open).toBeGreaterThan(0);
    for (const pick of [
      (f: Figures) => f.open,
      (f: Figures) => f.gapsOpen,
      (f: Figures) => f.overdue,
      (f: Figures) => f.approvedThisYear,
    ])
      expect(sum(answer.rows, pick)).toBe(pick(answer.total));
    expect(answer.rows.find((r) => r.key === '350902')).toMatchObject({ label: '蕉城区', kind: 'region' });
    expect(await listed(city, 'open=true')).toBe(answer.total.open);
    const busiest = [...answer.rows].sort((a, b) => b.figures.open - a.figures.open)[0]!;
    const region = `regionCode=${busiest.key}${busiest.kind === 'regionSelf' ? '&regionSelf=true' : ''}`;
    expect(await listed(city, `${region}&open=true`)).toBe(busiest.figures.open);
    expect(await listed(city, `${region}&open=true&gaps=true`)).toBe(busiest.figures.gapsOpen);
    for (const colour of ['yellow', 'red', 'overdue'] as const)
      expect(await listed(city, `${region}&open=true&colour=${colour}`)).toBe(busiest.figures[colour]);
    expect(await listed(city, `${region}&open=false&approvedYear=2026`)).toBe(
      busiest.figures.approvedThisYear,
    );
  });

  it('counts per approving department, each row what the list shows for that department', async () => {
    const answer = await approvals(city, 'by=department');
    expect(sum(answer.rows, (f) => f.open)).toBe(answer.total.open);
    const department = answer.rows.find((r) => r.kind === 'department' && r.figures.open > 0)!;
    expect(department.label).not.toBe('');
    expect(department.overdueNodes).toBeNull();
    expect(await listed(city, `departmentId=${department.key}&open=true`)).toBe(department.figures.open);
    expect(await listed(city, `departmentId=${department.key}&open=true&colour=overdue`)).toBe(
      department.figures.overdue,
    );
  });

  it('honours the cockpit’s project filters, as the list does', async () => {
    const all = await approvals(city, 'by=region');
    const newOnes = await approvals(city, 'by=region&constructionType=new');
    expect(newOnes.total.open).toBeLessThanOrEqual(all.total.open);
    expect(await listed(city, 'open=true&constructionType=new')).toBe(newOnes.total.open);
    const big = await approvals(city, 'by=region&size=ge10000');
    expect(await listed(city, 'open=true&size=ge10000')).toBe(big.total.open);
  });

  it('shows the overdue milestone nodes per region, adding up to the total', async () => {
    const answer = await approvals(city, 'by=region');
    expect(answer.rows.reduce((n, r) => n + (r.overdueNodes?.nodes ?? 0), 0)).toBe(
      answer.totalOverdueNodes.nodes,
    );
    expect(answer.rows.reduce((n, r) => n + (r.overdueNodes?.projects ?? 0), 0)).toBe(
      answer.totalOverdueNodes.projects,
    );
  });

  it('keeps to the reader’s jurisdiction: a county sees its own figures, another county is not found', async () => {
    const city350902 = (await approvals(city, 'by=region')).rows.find((r) => r.key === '350902')!;
    const own = await approvals(county, 'by=region');
    expect(own.total.open).toBe(city350902.figures.open);
    expect((await county.get('/api/cockpit/approvals?year=2026&region=350981')).status).toBe(404);
    expect((await county.get('/api/cockpit/approvals?year=2026&by=project')).status).toBe(400);
    expect((await t.call(null, 'GET', '/api/cockpit/approvals?year=2026')).status).toBe(401);
  });
});
