import type {
  BulletinFigure,
  BulletinOverdueLine,
  BulletinProjectLine,
  BulletinSectionKey,
  BulletinSiteDayRow,
  BulletinSnapshot,
} from '@tuijin/contracts';
import type { BulletinDocument } from './bulletin-document';

/**
 * The tables of a bulletin in one neutral shape, so the Word file, the PDF and the Excel annex show
 * the same columns, rows and colours: each renderer only draws them.
 */
export type BulletinColumnKind = 'text' | 'center' | 'number';

export interface BulletinColumn {
  header: string;
  /** Relative width; the renderers scale it to their page or sheet. */
  weight: number;
  kind: BulletinColumnKind;
}

export type BulletinTone = 'red' | 'yellow' | 'black';

export interface BulletinTableRow {
  cells: string[];
  /** Colours the row's text (red-light projects red, yellow-light ones amber). */
  tone?: BulletinTone;
}

export interface BulletinTable {
  /** The annex's sheet name (31 characters at most, none of : \ / ? * [ ]). */
  sheetName: string;
  columns: BulletinColumn[];
  rows: BulletinTableRow[];
  /** A wide table (the regions, the overdue lists) is set in a smaller font to fit an A4 page. */
  isWide: boolean;
}

/** The colours of the tones and of the letterhead (hex without #). */
export const bulletinColours = {
  red: 'C00000',
  yellow: 'B7791F',
  black: '000000',
  header: 'E8E8E8',
} as const;

const dash = (value: string | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : value;
const isPlainNumber = (value: string) => /^[+-]?\d+(\.\d+)?$/.test(value);

/** A rate as the document writes it: 85.3 → 85.3%; a value already carrying its unit is left alone. */
export const percentText = (value: string | null) =>
  value === null ? '—' : isPlainNumber(value) ? `${value}%` : value;

/** A difference in percentage points with its sign: 3.2 → +3.2, -5.1 → -5.1, 0 → 0. */
export const signedText = (value: string | null) =>
  value === null
    ? '—'
    : isPlainNumber(value) && Number(value) > 0 && !value.startsWith('+')
      ? `+${value}`
      : value;

/** A headline figure with its unit: 5082550.00 万元, 85.3%, 1.4 个百分点, 355 个. */
function figureText(value: string | null, unit: BulletinFigure['unit']) {
  if (value === null) return '—';
  if (unit === '%') return percentText(value);
  return unit ? `${value}${unit === '百分点' ? ' 个百分点' : ` ${unit}`}` : value;
}

const column = (header: string, weight: number, kind: BulletinColumnKind = 'text'): BulletinColumn => ({
  header,
  weight,
  kind,
});
const serialColumn = column('序号', 7, 'center');

function headlineTable(s: BulletinSnapshot): BulletinTable {
  return {
    sheetName: '总体情况',
    isWide: false,
    columns: [
      column('指标', 22),
      column('本期', 26, 'number'),
      column('去年同期', 26, 'number'),
      column('同比', 20, 'number'),
    ],
    // 同比 comes written by the snapshot: +6.8% for amounts, +3.4 个百分点 for rates, +17 for counts.
    rows: s.headline.map((f) => ({
      cells: [f.label, figureText(f.value, f.unit), figureText(f.lastYear, f.unit), f.yearOnYear ?? '—'],
    })),
  };
}

function regionsTable(s: BulletinSnapshot): BulletinTable {
  return {
    sheetName: '各地进展',
    isWide: true,
    columns: [
      serialColumn,
      column('地区', 12),
      column('项目数', 8, 'number'),
      column('年度计划（万元）', 15, 'number'),
      column('完成投资（万元）', 15, 'number'),
      column('完成率', 10, 'number'),
      column('较序时进度', 11, 'number'),
      column('开工率', 10, 'number'),
      column('排名', 6, 'center'),
    ],
    rows: s.regions.map((r, i) => ({
      cells: [
        String(i + 1),
        r.name,
        String(r.projectCount),
        r.plannedInvestment,
        r.completedYtd,
        percentText(r.completionRate),
        signedText(r.progressGap),
        percentText(r.startRate),
        r.rank === null ? '—' : String(r.rank),
      ],
    })),
  };
}

function redBlackTable(s: BulletinSnapshot): BulletinTable | null {
  if (!s.redBlack) return null;
  const lines = (list: 'red' | 'black', name: string) =>
    s.redBlack![list].map((l) => ({
      cells: [name, String(l.rank), l.name, dash(l.score)],
      tone: list as BulletinTone,
    }));
  return {
    sheetName: '红黑榜',
    isWide: false,
    columns: [
      column('榜单', 12, 'center'),
      column('名次', 10, 'center'),
      column('名称', 50),
      column('得分', 16, 'number'),
    ],
    rows: [...lines('red', '红榜'), ...lines('black', '黑榜')],
  };
}

const projectColumns = [
  serialColumn,
  column('项目名称', 28),
  column('地区', 11),
  column('业主单位', 20),
  column('情况', 35),
];
const projectCells = (p: BulletinProjectLine, i: number) => [
  String(i + 1),
  p.name,
  p.regionName,
  p.ownerName,
  p.detail,
];

function warningsTable(s: BulletinSnapshot): BulletinTable {
  const lines = [
    ...s.warnings.red.map((p) => ({ p, light: '红灯', tone: 'red' as const })),
    ...s.warnings.yellow.map((p) => ({ p, light: '黄灯', tone: 'yellow' as const })),
  ];
  return {
    sheetName: '红黄灯项目',
    isWide: false,
    columns: [serialColumn, column('灯色', 8, 'center'), ...projectColumns.slice(1)],
    rows: lines.map(({ p, light, tone }, i) => {
      const [serial, ...rest] = projectCells(p, i);
      return { cells: [serial!, light, ...rest], tone };
    }),
  };
}

const snailsTable = (s: BulletinSnapshot): BulletinTable => ({
  sheetName: '蜗牛榜',
  isWide: false,
  columns: projectColumns,
  rows: s.snails.map((p, i) => ({ cells: projectCells(p, i) })),
});

function overdueTable(
  sheetName: string,
  referenceHeader: string,
  lines: BulletinOverdueLine[],
): BulletinTable {
  return {
    sheetName,
    isWide: true,
    columns: [
      serialColumn,
      column(referenceHeader, 18),
      column('事项', 24),
      column('项目', 19),
      column('责任单位', 16),
      column('期限', 16, 'center'),
      column('逾期天数', 11, 'number'),
    ],
    rows: lines.map((l, i) => ({
      cells: [
        String(i + 1),
        l.reference,
        l.title,
        dash(l.projectName),
        l.responsible,
        dash(l.dueOn),
        String(l.daysOverdue),
      ],
    })),
  };
}

/** 现场用工与督查: each child region's day, then the total (with the roster, health and inspection counts). */
function siteDayTable(s: BulletinSnapshot): BulletinTable | null {
  if (!s.siteDay) return null;
  const count = (n: number) => String(n);
  const cells = (r: BulletinSiteDayRow, serial: string) => [
    serial,
    r.name,
    count(r.workersOnSite),
    count(r.workersArrived),
    count(r.workersDeparted),
    count(r.inObservation),
    count(r.healthAbnormal),
    count(r.inspections),
    count(r.sitesInspected),
    count(r.findingsRaised),
    count(r.findingsClosed),
    count(r.findingsOpen),
    count(r.findingsOverdue),
    count(r.projectsStopped),
  ];
  return {
    sheetName: '现场用工与督查',
    isWide: true,
    columns: [
      serialColumn,
      column('地区', 12),
      column('在岗', 8, 'number'),
      column('到岗', 7, 'number'),
      column('离岗', 7, 'number'),
      column('观察中', 8, 'number'),
      column('异常', 7, 'number'),
      column('督查次数', 8, 'number'),
      column('督查项目', 8, 'number'),
      column('发现问题', 8, 'number'),
      column('整改销号', 8, 'number'),
      column('待整改', 8, 'number'),
      column('逾期整改', 8, 'number'),
      column('停工项目', 8, 'number'),
    ],
    rows: [
      ...s.siteDay.rows.map((r, i) => ({ cells: cells(r, String(i + 1)) })),
      { cells: cells(s.siteDay.total, '') },
    ],
  };
}

const stoppedTable = (s: BulletinSnapshot): BulletinTable | null =>
  s.stoppedProjects
    ? {
        sheetName: '停工项目',
        isWide: false,
        columns: projectColumns,
        rows: s.stoppedProjects.map((p, i) => ({ cells: projectCells(p, i) })),
      }
    : null;

/** The table a section shows under its lead, or null (本期动态 has only its sentence). */
export function bulletinSectionTable(key: BulletinSectionKey, s: BulletinSnapshot): BulletinTable | null {
  switch (key) {
    case 'headline':
      return headlineTable(s);
    case 'regions':
      return regionsTable(s);
    case 'redBlack':
      return redBlackTable(s);
    case 'warnings':
      return warningsTable(s);
    case 'snails':
      return snailsTable(s);
    case 'overdueProblems':
      return overdueTable('逾期问题', '问题编号', s.overdueProblems);
    case 'overdueTasks':
      return overdueTable('逾期交办事项', '交办编号', s.overdueTasks);
    case 'overdueApprovals':
      return overdueTable('超期手续', '手续', s.overdueApprovals);
    case 'activity':
      return null;
    case 'siteDay':
      return siteDayTable(s);
    case 'stoppedProjects':
      return stoppedTable(s);
  }
}

/** The line under the letterhead: the 文号, or 草稿 while the bulletin is not issued. */
export const bulletinSerialLine = (doc: BulletinDocument) => doc.serial ?? '（草稿）';

/** The instant a file is stamped with: the document's date at 00:00 Beijing time (never the clock). */
export const bulletinStamp = (doc: BulletinDocument) => new Date(`${doc.dated}T00:00:00+08:00`);

/** The letterhead's size in points: as large as 发文机关标志 may be (30 pt) while it fits one line. */
export const letterheadPoints = (issuer: string, lineWidthPoints: number) =>
  Math.max(16, Math.min(30, Math.floor(lineWidthPoints / Math.max(1, [...issuer].length))));
