import type {
  AdjustMilestoneNode,
  MilestoneNode,
  MilestoneTemplate,
  ProjectMilestones,
  RecordMilestoneActual,
  UpdateMilestoneTemplate,
} from '@tuijin/contracts';
import { fileRoutes } from '@tuijin/contracts';
import type { Dayjs } from 'dayjs';
import { daysBetween } from './gantt-geometry';
import type { MilestonePortfolioQuery } from './milestones.queries';

/** A text worked out here and translated by the page: a key under `milestones.` and its values. */
export interface MilestoneText<K extends string = string> {
  key: K;
  values: Record<string, string | number>;
}

export type NodeStatus = MilestoneText<'status.done' | 'status.overdue' | 'status.open'> & {
  tone: 'success' | 'error' | 'processing';
};

/**
 * A node's status in the table: 已完成 once reached, 超期 n 天 (calendar days since its planned date)
 * while the server marks it late, 进行中 otherwise.
 */
export function nodeStatus(
  node: Pick<MilestoneNode, 'actualOn' | 'overdue' | 'plannedOn'>,
  today: string,
): NodeStatus {
  if (node.actualOn) return { key: 'status.done', values: {}, tone: 'success' };
  if (node.overdue)
    return {
      key: 'status.overdue',
      values: { days: Math.max(1, daysBetween(node.plannedOn, today)) },
      tone: 'error',
    };
  return { key: 'status.open', values: {}, tone: 'processing' };
}

export type SummaryPart = MilestoneText<
  'summary.total' | 'summary.reached' | 'summary.overdue' | 'summary.dueThisMonth'
> & { tone: 'secondary' | 'success' | 'danger' | 'warning' };

/**
 * The summary line (共 N 个节点，已完成 n，超期 n，本月到期 n) as parts, each with its emphasis: late
 * nodes in red and nodes due this month in orange only when there are any.
 */
export function summaryParts(summary: ProjectMilestones['summary']): SummaryPart[] {
  return [
    { key: 'summary.total', values: { count: summary.total }, tone: 'secondary' },
    { key: 'summary.reached', values: { count: summary.reached }, tone: 'success' },
    {
      key: 'summary.overdue',
      values: { count: summary.overdue },
      tone: summary.overdue > 0 ? 'danger' : 'secondary',
    },
    {
      key: 'summary.dueThisMonth',
      values: { count: summary.dueThisMonth },
      tone: summary.dueThisMonth > 0 ? 'warning' : 'secondary',
    },
  ];
}

/** A template offered for 倒排, and whether its domains suit the project. */
export interface TemplateChoice {
  template: MilestoneTemplate;
  isSuitable: boolean;
}

/**
 * The templates a plan may use: active ones only, those suiting the project's domain (or any
 * domain) first, otherwise in the server's order (nearest region first).
 */
export function templateChoices(
  templates: readonly MilestoneTemplate[],
  projectDomain: string,
): TemplateChoice[] {
  const active = templates
    .filter((template) => template.active)
    .map((template) => ({
      template,
      isSuitable: template.domains.length === 0 || template.domains.includes(projectDomain),
    }));
  return [...active.filter((choice) => choice.isSuitable), ...active.filter((choice) => !choice.isSuitable)];
}

/** The target node to preselect: the template's default when it is one of its nodes, else the last node. */
export function defaultTargetOf(
  template: Pick<MilestoneTemplate, 'defaultTarget' | 'nodes'>,
): string | undefined {
  return template.nodes.some((node) => node.code === template.defaultTarget)
    ? template.defaultTarget
    : template.nodes.at(-1)?.code;
}

/** 调整 needs a reason once the plan is frozen as the baseline. */
export const isAdjustReasonRequired = (plan: ProjectMilestones['plan']) => plan?.status === 'frozen';

export interface AdjustValues {
  plannedOn: Dayjs;
  reason?: string;
}

/** The body of 调整: the new date, the node's version, and the reason when one was written. */
export function adjustBody(values: AdjustValues, version: number): AdjustMilestoneNode {
  const reason = values.reason?.trim();
  return { version, plannedOn: values.plannedOn.format('YYYY-MM-DD'), ...(reason ? { reason } : {}) };
}

export interface ActualValues {
  actualOn: Dayjs;
  note?: string;
  /** The evidence (佐证材料) uploaded as a project file. */
  fileId?: string | null;
}

/** The body of 填报完成: the date, the node's version, the evidence file and the note (null when blank). */
export function actualBody(values: ActualValues, version: number): RecordMilestoneActual {
  return {
    version,
    actualOn: values.actualOn.format('YYYY-MM-DD'),
    fileId: values.fileId ?? null,
    note: values.note?.trim() || null,
  };
}

/** A node row of the template editor as the form holds it. */
export interface TemplateNodeValues {
  code?: string;
  name?: string;
  durationDays?: number | null;
  dependsOn?: string[];
  /** The node marks 开工 (bounded by the approvals' earliest start). */
  marksStart?: boolean;
}

export interface TemplateValues {
  name: string;
  domains?: string[];
  defaultTarget?: string;
  active: boolean;
  nodes?: TemplateNodeValues[];
}

/** The form's starting values for a template. */
export const templateValues = (template: MilestoneTemplate): TemplateValues => ({
  name: template.name,
  domains: [...template.domains],
  defaultTarget: template.defaultTarget,
  active: template.active,
  nodes: template.nodes.map((node) => ({ ...node, dependsOn: [...node.dependsOn] })),
});

/** The trimmed, non-empty node codes of the editor, in order. */
export const nodeCodesOf = (nodes: readonly TemplateNodeValues[] | undefined): string[] =>
  (nodes ?? []).map((node) => node.code?.trim() ?? '').filter((code) => code !== '');

/** Codes that appear more than once among the editor's nodes. */
export function duplicateCodes(nodes: readonly TemplateNodeValues[] | undefined): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const code of nodeCodesOf(nodes)) (seen.has(code) ? twice : seen).add(code);
  return [...twice];
}

/**
 * The PATCH body of a template: trimmed texts; a node's 前置 keeps only codes still in the list and
 * never itself (rows removed or renamed meanwhile drop out), in list order.
 */
export function templateBody(values: TemplateValues, version: number): UpdateMilestoneTemplate {
  const nodes = (values.nodes ?? []).map((node) => ({
    code: node.code?.trim() ?? '',
    name: node.name?.trim() ?? '',
    durationDays: node.durationDays ?? 0,
    dependsOn: node.dependsOn ?? [],
    ...(node.marksStart ? { marksStart: true } : {}),
  }));
  const codes = nodes.map((node) => node.code);
  return {
    version,
    name: values.name.trim(),
    domains: (values.domains ?? []).map((domain) => domain.trim()).filter((domain) => domain !== ''),
    defaultTarget: values.defaultTarget ?? '',
    active: values.active,
    nodes: nodes.map((node) => ({
      ...node,
      dependsOn: codes.filter((code) => code !== node.code && node.dependsOn.includes(code)),
    })),
  };
}

/** The file name of an exported chart: 时间节点图-<name>.png, without characters file systems refuse. */
export function chartFileName(title: string, name: string): string {
  const printable = Array.from(name, (char) => ((char.codePointAt(0) ?? 0) < 0x20 ? ' ' : char)).join('');
  const safe = printable
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .trim()
    .slice(0, 80);
  return safe ? `${title}-${safe}.png` : `${title}.png`;
}

/** The portfolio page's filters as its form holds them. */
export interface PortfolioFilters {
  regionCode?: string;
  q?: string;
  overdue?: boolean;
}

/** The filters as the endpoint takes them: a blank name is left out, 只看超期 travels as 'true' when on. */
export function portfolioQuery(
  filters: Partial<PortfolioFilters>,
  page: { page: number; pageSize: number },
): MilestonePortfolioQuery {
  const { overdue, q, regionCode } = filters;
  return {
    ...(regionCode ? { regionCode } : {}),
    ...(q?.trim() ? { q: q.trim() } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
    ...page,
  };
}

/** The portfolio's filters given in the address (a link from the cockpit: region and 只看超期). */
export function portfolioFiltersOf(params: URLSearchParams): Partial<PortfolioFilters> {
  const regionCode = params.get('regionCode');
  return {
    ...(regionCode ? { regionCode } : {}),
    ...(params.get('overdue') === 'true' ? { overdue: true } : {}),
  };
}

/** The Excel export's address under the same filters as the chart (every project, no paging). */
export function portfolioExportHref(filters: Partial<PortfolioFilters>): string {
  const { page: _page, pageSize: _pageSize, ...query } = portfolioQuery(filters, { page: 1, pageSize: 1 });
  const search = new URLSearchParams(query).toString();
  return `${fileRoutes.exportMilestonePortfolio}${search ? `?${search}` : ''}`;
}

/** A plan refused because its 开工 falls before the approvals' earliest start, with both dates. */
export interface StartConflict {
  node: string;
  startOn: string;
  earliestStartOn: string;
}

/** The `startBeforeApprovals` refusal among an error's details, if that is why the plan was refused. */
export function startConflictOf(
  details: readonly { issue?: string; params?: Record<string, string | number> }[],
): StartConflict | null {
  const detail = details.find((d) => d.issue === 'startBeforeApprovals');
  const params = detail?.params;
  if (!params?.startOn || !params.earliestStartOn) return null;
  return {
    node: String(params.node ?? ''),
    startOn: String(params.startOn),
    earliestStartOn: String(params.earliestStartOn),
  };
}

/**
 * The 手续最早可开工 marker of a project's Gantt: the approvals' earliest start while procedures
 * required before start are still open (a critical chain) and the 开工 node is not reached; none
 * otherwise (all approved: nothing left to wait for).
 */
export function earliestStartMarker(plan: Pick<ProjectMilestones, 'approvalStart' | 'nodes'>): string | null {
  const { earliestStartOn, criticalChain, startNodeCode } = plan.approvalStart;
  if (!earliestStartOn || criticalChain.length === 0) return null;
  const start = plan.nodes.find((node) => node.code === startNodeCode);
  return start?.actualOn ? null : earliestStartOn;
}
