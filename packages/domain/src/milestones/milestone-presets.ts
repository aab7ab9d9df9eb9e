import type { NodeSpec } from './milestone-schedule';

/** A node template: the nodes of a kind of project with their default durations and dependencies. */
export interface MilestoneTemplatePreset {
  key: string;
  name: string;
  /** Project domains it suits (empty = all). */
  domains: string[];
  /** The node a plan is usually scheduled back from (开工 or 投产). */
  defaultTarget: string;
  nodes: NodeSpec[];
}

const n = (code: string, name: string, durationDays: number, dependsOn: string[] = []): NodeSpec => ({
  code,
  name,
  durationDays,
  dependsOn,
  ...(code === 'start' ? { marksStart: true } : {}),
});

/**
 * Presets: the short lifecycle (签约 → 供地 → 开工 → 主体完工 → 竣工 → 投产) and an eleven-node plan for
 * a project under construction in the manner of Yichang's, with the approvals, land and design in
 * parallel branches meeting at the construction permit. Every duration is editable once loaded.
 */
export const milestonePresets: readonly MilestoneTemplatePreset[] = [
  {
    key: 'lifecycle',
    name: '签约到投产六节点',
    domains: [],
    defaultTarget: 'operation',
    nodes: [
      n('signing', '项目签约', 0),
      n('land', '供地', 60, ['signing']),
      n('start', '开工', 40, ['land']),
      n('structure', '主体完工', 180, ['start']),
      n('completion', '竣工验收', 90, ['structure']),
      n('operation', '投产', 30, ['completion']),
    ],
  },
  {
    key: 'construction-11',
    name: '在建项目十一节点',
    domains: [],
    defaultTarget: 'start',
    nodes: [
      n('signing', '项目签约', 0),
      n('filing', '立项（审批/核准/备案）', 10, ['signing']),
      n('land', '用地取得', 40, ['signing']),
      n('design', '方案及初步设计', 30, ['filing']),
      n('planning', '工程规划许可', 15, ['land', 'design']),
      n('drawings', '施工图审查', 15, ['design']),
      n('tender', '施工招标', 25, ['drawings']),
      n('permit', '施工许可', 5, ['planning', 'drawings', 'tender']),
      n('start', '开工', 5, ['permit']),
      n('structure', '主体完工', 160, ['start']),
      n('completion', '竣工验收', 60, ['structure']),
    ],
  },
];
