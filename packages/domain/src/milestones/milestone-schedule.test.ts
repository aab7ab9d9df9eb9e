import { describe, expect, it } from 'vitest';
import { dependencyOrder } from '../approvals/approval-schedule';
import { china2025And2026 } from '../calendar/china-calendar.fixture';
import { addWorkingDays } from '../calendar/working-days';
import { milestonePresets } from './milestone-presets';
import { isNodeOverdue, scheduleNodes, subtractWorkingDays } from './milestone-schedule';

const calendar = china2025And2026;
const eleven = milestonePresets.find((p) => p.key === 'construction-11')!.nodes;

describe('subtractWorkingDays', () => {
  it('steps back over 清明, 劳动节 and a Saturday worked, as addWorkingDays steps forward', () => {
    expect(subtractWorkingDays('2026-05-11', 15, calendar)).toBe('2026-04-16');
    expect(addWorkingDays('2026-04-16', 15, calendar)).toBe('2026-05-11');
    expect(subtractWorkingDays('2026-04-16', 30, calendar)).toBe('2026-03-04');
    expect(subtractWorkingDays('2026-05-02', 0, calendar)).toBe('2026-04-30');
  });
});

describe('倒排工期 for the eleven nodes, target 开工 on 2026-06-30, parallel branches meeting at the permit', () => {
  // Hand-computed backward on the 2026 calendar (清明 04-04…06, 劳动节 05-01…05 with 05-09 worked,
  // 端午 06-19…21): 开工 06-30 ← 施工许可 06-23 ← 施工招标 06-15 and 工程规划许可 06-15; 施工图审查 must
  // leave 25 days for the tender: 05-11; 方案设计 leaves 15 for the drawings: 04-16 (the planning branch
  // would allow 05-25); 用地 05-25; 立项 03-04; 签约 02-12 (02-28 and 02-14, Saturdays, worked; the land branch would allow later).
  it.each([
    ['signing', '2026-02-12'],
    ['filing', '2026-03-04'],
    ['land', '2026-05-25'],
    ['design', '2026-04-16'],
    ['planning', '2026-06-15'],
    ['drawings', '2026-05-11'],
    ['tender', '2026-06-15'],
    ['permit', '2026-06-23'],
    ['start', '2026-06-30'],
  ])('plans %s on %s, on time', (code, plannedOn) => {
    const plan = scheduleNodes(eleven, { code: 'start', on: '2026-06-30' }, '2026-01-05', calendar);
    expect(plan.find((n) => n.code === code)).toMatchObject({ plannedOn, isLate: false });
  });

  it('runs the nodes after the target forward from it', () => {
    const plan = scheduleNodes(eleven, { code: 'start', on: '2026-06-30' }, '2026-01-05', calendar);
    const structure = plan.find((n) => n.code === 'structure')!;
    expect(structure.startOn).toBe('2026-06-30');
    expect(structure.plannedOn).toBe(addWorkingDays('2026-06-30', 160, calendar));
  });

  it('moves what is already late forward from today (2026-03-02), marking the nodes that cannot keep their dates', () => {
    const plan = scheduleNodes(eleven, { code: 'start', on: '2026-06-30' }, '2026-03-02', calendar);
    const at = (code: string) => plan.find((n) => n.code === code)!;
    expect(at('signing')).toMatchObject({ plannedOn: '2026-03-02', isLate: true });
    expect(at('filing')).toMatchObject({ plannedOn: '2026-03-16', isLate: true });
    expect(at('land')).toMatchObject({ plannedOn: '2026-05-25', isLate: false });
    expect(at('design')).toMatchObject({ plannedOn: '2026-04-28', isLate: true });
    expect(at('drawings')).toMatchObject({ plannedOn: '2026-05-21', isLate: true });
    expect(at('planning')).toMatchObject({ plannedOn: '2026-06-15', isLate: false });
    expect(at('tender')).toMatchObject({ plannedOn: '2026-06-26', isLate: true });
    expect(at('permit')).toMatchObject({ plannedOn: '2026-07-03', isLate: true });
    expect(at('start')).toMatchObject({ plannedOn: '2026-07-10', isLate: true });
  });

  it('keeps the actual dates of nodes reached', () => {
    const plan = scheduleNodes(
      eleven,
      { code: 'start', on: '2026-06-30' },
      '2026-03-02',
      calendar,
      new Map([
        ['signing', '2026-02-10'],
        ['filing', '2026-02-27'],
      ]),
    );
    expect(plan.find((n) => n.code === 'signing')).toMatchObject({ plannedOn: '2026-02-10', isLate: false });
    expect(plan.find((n) => n.code === 'filing')).toMatchObject({ plannedOn: '2026-02-27', isLate: false });
    expect(plan.find((n) => n.code === 'design')).toMatchObject({ plannedOn: '2026-04-16', isLate: false });
  });

  it('refuses a target that is not a node', () => {
    expect(() =>
      scheduleNodes(eleven, { code: 'nowhere', on: '2026-06-30' }, '2026-03-02', calendar),
    ).toThrow(/目标节点/);
  });
});

describe('the presets', () => {
  it('hold unique codes, known dependencies and no cycle', () => {
    for (const preset of milestonePresets) {
      const codes = preset.nodes.map((n) => n.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const node of preset.nodes) for (const code of node.dependsOn) expect(codes).toContain(code);
      expect(dependencyOrder(preset.nodes)).toHaveLength(codes.length);
      expect(codes).toContain(preset.defaultTarget);
    }
  });
});

it('calls a node overdue only when not reached and its planned date has passed', () => {
  expect(isNodeOverdue({ plannedOn: '2026-03-01', actualOn: null }, '2026-03-02')).toBe(true);
  expect(isNodeOverdue({ plannedOn: '2026-03-02', actualOn: null }, '2026-03-02')).toBe(false);
  expect(isNodeOverdue({ plannedOn: '2026-03-01', actualOn: '2026-03-01' }, '2026-03-02')).toBe(false);
});
