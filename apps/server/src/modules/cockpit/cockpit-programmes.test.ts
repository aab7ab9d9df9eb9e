import { type Permission, rolePermissions, subtractDecimal } from '@tuijin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { buildCampaignFixture } from '../campaigns/campaigns-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let jiaocheng: Person;

interface Figure {
  key: string;
  formula: string;
  unit: string;
  numerator: string | null;
  denominator: string | null;
  percent: string | null;
  value: string | null;
}
interface Answer {
  year: number;
  asOf: string;
  region: { code: string; name: string; level: string };
  parts: { part: string; figures: Figure[] }[];
}

const programmes = async (who: Person, search: string) => {
  const response = await who.get(`/api/cockpit/programmes?${search}`);
  expect(response.status).toBe(200);
  return response.body as Answer;
};
const figureOf = (answer: Answer, key: string) => {
  const found = answer.parts.flatMap((p) => p.figures).find((f) => f.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
};
const rateOf = (answer: Answer, key: string) => {
  const { numerator, denominator, percent } = figureOf(answer, key);
  return { numerator, denominator, percent };
};
const figureValue = (answer: Answer, key: string) => figureOf(answer, key).value;
/** What a module's own page answers. */
const page = async (who: Person, url: string) => {
  const response = await who.get(url);
  expect(response.status).toBe(200);
  return response.body;
};
const ratioOf = (r: { numerator: string; denominator: string; percent: string | null }) => ({
  numerator: r.numerator,
  denominator: r.denominator,
  percent: r.percent,
});

const allParts = [
  'whitelist',
  'resumption',
  'workforce',
  'funds',
  'factors',
  'promotion',
  'bankMatchmaking',
  'campaigns',
];

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('ningde');
  jiaocheng = await t.as('jiaocheng');
}, 120_000);
afterAll(async () => t.close());

describe('专项工作 in the cockpit', () => {
  it('gives an office every part, each figure what its module’s own page shows for the year', async () => {
    const answer = await programmes(city, 'year=2026');
    expect(answer).toMatchObject({
      year: 2026,
      asOf: '2026-03-02',
      region: { code: '350900', name: '宁德市' },
    });
    expect(answer.parts.map((p) => p.part)).toEqual(allParts);

    // 四保白名单 (demo): the six largest projects under construction on the 省级 list, the next six on
    // the 市级 list in the season before, the last of them removed since: 6 and 5.
    expect([figureValue(answer, 'whitelistProvincial'), figureValue(answer, 'whitelistCity')]).toEqual([
      '6',
      '5',
    ]);
    const whitelist = await page(city, '/api/whitelist');
    expect([whitelist.counts.provincial, whitelist.counts.city]).toEqual([6, 5]);
    expect(figureOf(answer, 'whitelistCity')).toMatchObject({ formula: 'whitelistCount', unit: 'count' });

    // 现场用工 on the count day: what /workforce shows for the city on that day.
    const workforce = await page(city, '/api/workforce/overview?on=2026-03-02');
    expect(
      ['workersOnSite', 'workersInObservation', 'workersAbnormal'].map((k) => figureValue(answer, k)),
    ).toEqual([workforce.total.onSite, workforce.total.inObservation, workforce.total.abnormal].map(String));
    expect(figureOf(answer, 'workersOnSite')).toMatchObject({ formula: 'workersOnSite', unit: 'people' });

    for (const [kind, start, paid] of [
      ['specialBond', 'specialBondStartRate', 'specialBondPaymentRate'],
      ['centralBudget', 'centralBudgetStartRate', 'centralBudgetPaymentRate'],
    ] as const) {
      const funds = await page(city, `/api/funds/overview?year=2026&kind=${kind}`);
      expect(rateOf(answer, start)).toEqual(ratioOf(funds.totals.startRate));
      expect(rateOf(answer, paid)).toEqual(ratioOf(funds.totals.disbursementRate));
      expect(figureOf(answer, paid)).toMatchObject({ formula: 'fundPaymentRate', unit: 'wanYuan' });
    }
    expect(figureValue(answer, 'idleFunds')).toBe(
      (await page(city, '/api/funds/overview?year=2026')).totals.idleWanYuan,
    );

    const board = await page(city, '/api/factors/board');
    expect(rateOf(answer, 'factorDemandsMet')).toMatchObject({
      numerator: String(board.totals.met),
      denominator: String(board.totals.total),
    });
    expect(Number(figureOf(answer, 'factorDemandsMet').denominator)).toBe(30);
    expect(figureValue(answer, 'factorDemandsOverdue')).toBe(String(board.totals.overdue));
    const quotas = await page(city, '/api/factors/quotas?year=2026');
    const unstarted = (kind: string) => quotas.kinds.find((k: { kind: string }) => k.kind === kind).unstarted;
    expect(figureValue(answer, 'landQuotaUnstarted')).toBe(unstarted('land'));
    expect(figureValue(answer, 'energyQuotaUnstarted')).toBe(unstarted('energy'));
    expect(figureOf(answer, 'landQuotaUnstarted').unit).toBe('mu');

    const promotion = await page(city, '/api/promotion/overview?year=2026');
    expect(rateOf(answer, 'signedToStarted')).toEqual(ratioOf(promotion.conversion));

    const banks = await page(city, '/api/bank-matchmaking/overview?year=2026');
    expect(figureValue(answer, 'bankCreditSigned')).toBe(banks.totals.creditSignedWanYuan);
    expect(figureValue(answer, 'bankProjectsPushed')).toBe(String(banks.totals.projectsPushed));

    // Every event of the year is the city's (or a county's): the city's figures are the year's.
    const events = (await page(city, '/api/campaigns?year=2026')).yearFigures;
    expect(figureValue(answer, 'campaignEvents')).toBe(String(events.events));
    expect(figureValue(answer, 'campaignProjects')).toBe(String(events.distinctProjects));
    expect(figureValue(answer, 'campaignInvestment')).toBe(events.investmentWanYuan);
    // The demo fills each programme, so the equalities above compare real figures.
    for (const key of ['specialBondStartRate', 'centralBudgetPaymentRate', 'signedToStarted'])
      expect(Number(figureOf(answer, key).denominator), key).toBeGreaterThan(0);
    for (const key of [
      'idleFunds',
      'factorDemandsOverdue',
      'bankCreditSigned',
      'campaignEvents',
      'workersOnSite',
    ])
      expect(Number(figureValue(answer, key)), key).toBeGreaterThan(0);
  });

  it('counts a past year to its last day and a year with nothing as nothing', async () => {
    // The demo's stoppages fall in the 2025 season (the clock is before 2026's zone dates).
    const past = await programmes(city, 'year=2025');
    expect(past.asOf).toBe('2025-12-31');
    const overview = await page(city, '/api/resumption?date=2025-12-31&from=2025-01-01');
    expect(rateOf(past, 'resumptionRate')).toEqual({
      numerator: String(overview.total.resumed),
      denominator: String(overview.total.due),
      percent: overview.total.ratePercent,
    });
    // 蕉城: every stoppage resumed by the year's end but the one still awaiting acceptance.
    const county = await programmes(city, 'year=2025&region=350902');
    const { numerator, denominator } = rateOf(county, 'resumptionRate');
    expect(Number(denominator)).toBeGreaterThan(1);
    expect(Number(numerator)).toBe(Number(denominator) - 1);

    const empty = await programmes(city, 'year=2024');
    expect([figureValue(empty, 'whitelistProvincial'), figureValue(empty, 'whitelistCity')]).toEqual([
      '0',
      '0',
    ]);
    expect(rateOf(empty, 'resumptionRate')).toEqual({ numerator: '0', denominator: '0', percent: null });
    expect(figureValue(empty, 'campaignEvents')).toBe('0');
  });

  it('scopes to the region chosen: the city looking at a county sees what the county sees', async () => {
    const fromCity = await programmes(city, 'year=2026&region=350902');
    const own = await programmes(jiaocheng, 'year=2026');
    expect(fromCity.region).toEqual({ code: '350902', name: '蕉城区', level: 'county' });
    expect(own.parts).toEqual(fromCity.parts);
    const whole = await programmes(city, 'year=2026');
    expect(Number(figureValue(fromCity, 'campaignProjects'))).toBeLessThanOrEqual(
      Number(figureValue(whole, 'campaignProjects')),
    );
  });

  it('counts a county’s events by hand: those with its projects, its projects and their investment', async () => {
    const regions = { jiaocheng: '350902', fuan: '350981', pingnan: '350923' } as const;
    type Place = keyof typeof regions;
    const take = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(regions).map(async ([name, code]) => [
            name,
            await programmes(city, `year=2026&region=${code}`),
          ]),
        ),
      ) as Record<Place, Answer>;
    const before = await take();
    const ids = await buildCampaignFixture(t);
    const event = await city.post('/api/campaign-events', {
      campaignId: null,
      name: '专项工作测试集中开工',
      heldOn: '2026-02-26',
      kind: 'start',
      level: 'city',
      mainVenue: '蕉城主会场',
      participants: [
        { projectId: ids.a, role: 'start' },
        { projectId: ids.b, role: 'start', investmentWanYuan: '1200.5' },
        { projectId: ids.c, role: 'start', investmentWanYuan: '2000' },
      ],
    });
    expect(event.status).toBe(200);
    const after = await take();
    const change = (place: Place) =>
      ['campaignEvents', 'campaignProjects', 'campaignInvestment'].map((key) =>
        subtractDecimal(figureValue(after[place], key)!, figureValue(before[place], key)!),
      );
    // By hand: 蕉城 takes part with A (10000, its total) and B (1200.5), 福安 with C (2000); 屏南,
    // which neither held it nor took part, counts none of it.
    expect(change('jiaocheng')).toEqual(['1', '2', '11200.5']);
    expect(change('fuan')).toEqual(['1', '1', '2000']);
    expect(change('pingnan')).toEqual(['0', '0', '0']);
  });

  it('leaves out a part the reader may not read, never refusing the whole', async () => {
    const officer = await t.as('officer1');
    const answer = await programmes(officer, 'year=2026');
    expect(answer.parts.map((p) => p.part)).toEqual(allParts.filter((p) => p !== 'promotion'));

    // A role without fund.read (the leader's, with it taken away) gets no funds part.
    const leader = await t.as('leader1');
    expect((await programmes(leader, 'year=2026')).parts.map((p) => p.part)).toContain('funds');
    const granted = rolePermissions.leader;
    rolePermissions.leader = granted.filter((p: Permission) => p !== 'fund.read');
    try {
      const without = await programmes(leader, 'year=2026');
      expect(without.parts.map((p) => p.part)).toEqual(allParts.filter((p) => p !== 'funds'));
      expect((await leader.get('/api/funds/overview?year=2026')).status).toBe(403);
    } finally {
      rolePermissions.leader = granted;
    }
  });

  it('keeps to the reader’s jurisdiction and its own permission', async () => {
    expect((await jiaocheng.get('/api/cockpit/programmes?year=2026&region=350981')).status).toBe(404);
    expect((await city.get('/api/cockpit/programmes?year=2026&region=999999')).status).toBe(404);
    expect((await city.get('/api/cockpit/programmes?year=twenty')).status).toBe(400);
    expect((await city.get('/api/cockpit/programmes?year=2026&month=3')).status).toBe(400);
    expect((await (await t.as('owner1')).get('/api/cockpit/programmes?year=2026')).status).toBe(403);
    expect((await t.call(null, 'GET', '/api/cockpit/programmes?year=2026')).status).toBe(401);
  });
});
