import {
  type AmountUnit,
  AppError,
  addDecimals,
  type ColumnKey,
  type ConstructionType,
  categoryName,
  classifyRow,
  cleanText,
  constructionTypeOfHeading,
  headingLevel,
  isYearRangeProblem,
  type LedgerCell,
  ledgerColumns,
  mapColumns,
  parseAmount,
  parseUnitFromText,
  parseYearRange,
  type RowKind,
  startsLikeFormula,
  statedCount,
  stripLevelMarker,
} from '@tuijin/domain';
import { checkXlsx } from '../../lib/xlsx-guard';
import { columnLetter, type LedgerRow, readLedgerRows } from '../../lib/xlsx-rows';

const refuse = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path: 'file', message }]);

/** One project row of a ledger, as the preview and the CLI's `--dry-run --json` show it. */
export interface LedgerRecord {
  row: number;
  name: string | null;
  level: 'provincial' | null;
  category: string | null;
  owner: string | null;
  location: string | null;
  scale: string | null;
  startYear: number | null;
  endYear: number | null;
  totalInvestmentWanYuan: string | null;
  annualPlanWanYuan: string | null;
  completedToDateWanYuan: string | null;
  annualTarget: string | null;
  progress: string | null;
  responsibleUnit: string | null;
  leader: string | null;
  remark: string | null;
}

export interface LedgerProblem {
  row: number;
  column: string | null;
  severity: 'error' | 'warning';
  message: string;
}

/** A parsed record with what the preview leaves out: sheet, months and the project code column. */
export type ParsedRecord = LedgerRecord & {
  sheet: string;
  startMonth: number | null;
  endMonth: number | null;
  code: string | null;
  /** 新建/续建 as a heading above the row states it (`一、新建项目`), else null. */
  constructionType: ConstructionType | null;
  /** 本月完成 / `11月完成` of a progress sheet, in 万元. */
  monthCompletedWanYuan: string | null;
  /** 占年度计划% of a progress sheet as printed (a fraction, a percent or `75.3%`), only checked. */
  planShare: string | number | null;
};

export interface ParsedLedger {
  records: ParsedRecord[];
  /** Per sheet, the Excel column letter of each ledger column found in its header. */
  sheetColumns: Record<string, Partial<Record<ColumnKey, string>>>;
  /** Per sheet with a header, the text of its first title row (`2026年重点项目建设计划表`). */
  sheetTitles: Record<string, string>;
  skippedRows: { sheet: string; row: number; kind: Exclude<RowKind, 'data'> }[];
  problems: (LedgerProblem & { sheet: string })[];
  /** Hidden and very hidden sheets: never read (each has a warning on row 0 of its sheet). */
  hiddenSheets: string[];
}

/** Blank-like placeholders meaning "not known" (`-`, `—`, `/`), as the amount and year rules read them. */
const placeholder = /^[-–—―/\\]+$/;

/**
 * Mapped columns whose values no record keeps: 序号, and 占年度计划% (only checked; our own monthly
 * ledger computes it with a formula on every row).
 */
const unTakenColumns = new Set<ColumnKey>(['seq', 'planShare']);

/** Columns whose text becomes or picks a name: a formula-like text there is refused. */
const nameColumns = ['code', 'owner', 'location', 'responsibleUnit', 'leader', 'category'] as const;
type NameColumn = (typeof nameColumns)[number] | 'name';

const amountColumns = ['totalInvestment', 'annualPlan', 'completedToDate', 'monthCompleted'] as const;
type AmountColumn = (typeof amountColumns)[number];
/** The record field each amount column fills. */
const recordAmount = {
  totalInvestment: 'totalInvestmentWanYuan',
  annualPlan: 'annualPlanWanYuan',
  completedToDate: 'completedToDateWanYuan',
  monthCompleted: 'monthCompletedWanYuan',
} as const satisfies Record<AmountColumn, string>;
/** An amount a 合计 or 小计 row prints: its column and the figure in 万元. */
interface StatedAmount {
  key: AmountColumn;
  column: number;
  wanYuan: string;
}

/** A merged group cell is read only at its left; carry it right over the cells its sub-headers fill. */
function fillGroupRight(group: readonly LedgerCell[], lower: readonly LedgerCell[]): LedgerCell[] {
  const filled = [...group];
  for (let i = 1; i < lower.length; i++) {
    if (cleanText(filled[i]) === null && cleanText(lower[i]) !== null && cleanText(lower[i - 1]) !== null) {
      filled[i] = filled[i - 1] ?? null;
    }
  }
  return filled;
}

/** Sums exact 万元 decimal strings, skipping unknown (null) amounts: the domain's `addDecimals`. */
export function sumWanYuan(values: readonly (string | null)[]): string {
  return addDecimals(values.filter((value): value is string => value !== null));
}

/** State of one worksheet while its rows stream past. */
class SheetParser {
  private unit: AmountUnit | null = null;
  private headerRow: LedgerRow | null = null;
  private columns: Partial<Record<ColumnKey, number>> | null = null;
  /** The columns whose values a record takes (a formula there gets a warning). */
  private takenColumns = new Set<number>();
  private columnUnits: Partial<Record<AmountColumn, AmountUnit | null>> = {};
  private category: string | null = null;
  private constructionType: ConstructionType | null = null;
  /** Open numbered headings with the count they state and the rows seen under them so far. */
  private headings: { row: number; level: number; stated: number | null; seen: number; text: string }[] = [];
  /** Per amount column, the records' amounts since the last category or subtotal row. */
  private sinceSubtotal: Partial<Record<AmountColumn, string[]>> = {};
  private totalsSeen: { row: number; stated: StatedAmount[]; count: number | null }[] = [];
  private recordsSinceSubtotal = 0;
  private readonly sheetRecords: ParsedLedger['records'] = [];

  /** Whether this sheet has a header row, i.e. is a ledger and not prose. */
  get hasHeader(): boolean {
    return this.headerRow !== null;
  }

  constructor(
    private readonly sheet: string,
    private readonly out: ParsedLedger,
  ) {}

  take(row: LedgerRow): void {
    if (this.headerRow && !this.columns) {
      if (
        classifyRow(row.cells, { afterHeader: true, columns: mapColumns(this.headerRow.cells) }) === 'header'
      ) {
        this.settleHeader(row.cells, fillGroupRight(this.headerRow.cells, row.cells));
        this.skip(row, 'header');
        return;
      }
      this.settleHeader(this.headerRow.cells);
    }
    const kind = classifyRow(row.cells, {
      afterHeader: this.columns !== null,
      columns: this.columns ?? undefined,
    });
    if (kind === 'data' && this.columns) {
      this.record(row);
      return;
    }
    if (kind === 'header' && !this.headerRow) this.headerRow = row;
    if (kind === 'title' && !(this.sheet in this.out.sheetTitles)) {
      const text = row.cells.map(cleanText).find((t) => t !== null);
      if (text) this.out.sheetTitles[this.sheet] = text;
    }
    if (kind === 'title' || kind === 'units') {
      for (const cell of row.cells) this.unit = parseUnitFromText(cell) ?? this.unit;
    }
    if (kind === 'category') this.heading(row);
    if (kind === 'category' || kind === 'subtotal') this.checkSubtotal(row, kind);
    if (kind === 'total') this.rememberTotal(row);
    this.skip(row, kind === 'data' ? 'note' : kind);
  }

  /** Called when the sheet ends: a header never followed by data still settles, totals are checked. */
  finish(): void {
    // A sheet without a header is prose (填报说明…): its lines are notes, not titles.
    if (!this.headerRow) {
      delete this.out.sheetTitles[this.sheet];
      for (const skipped of this.out.skippedRows)
        if (skipped.sheet === this.sheet && skipped.kind === 'title') skipped.kind = 'note';
    }
    if (this.headerRow && !this.columns) this.settleHeader(this.headerRow.cells);
    this.checkSubtotal(null, 'subtotal');
    this.closeHeadings(0);
    for (const total of this.totalsSeen) {
      for (const { key, column, wanYuan } of total.stated) {
        const computed = sumWanYuan(this.sheetRecords.map((r) => r[recordAmount[key]]));
        this.compare(total.row, key, column, wanYuan, computed, '合计');
      }
      this.compareCount(total.row, total.count, this.sheetRecords.length, '合计行');
    }
    this.out.records.push(...this.sheetRecords);
  }

  private settleHeader(lower: readonly LedgerCell[], group?: readonly LedgerCell[]) {
    const width = Math.max(lower.length, group?.length ?? 0);
    const padded = Array.from({ length: width }, (_, i) => lower[i] ?? null);
    this.columns = mapColumns(padded, group);
    this.takenColumns = new Set(
      Object.entries(this.columns)
        .filter(([key]) => !unTakenColumns.has(key as ColumnKey))
        .map(([, index]) => index as number),
    );
    this.out.sheetColumns[this.sheet] = Object.fromEntries(
      Object.entries(this.columns).map(([key, index]) => [key, columnLetter(index as number)]),
    );
    for (const key of amountColumns) {
      const index = this.columns[key];
      if (index === undefined) continue;
      this.columnUnits[key] = parseUnitFromText(padded[index]) ?? parseUnitFromText(group?.[index]) ?? null;
    }
    if (this.columns.name === undefined) {
      this.problem(this.headerRow?.rowNumber ?? 0, null, 'error', '表头中找不到“项目名称”列');
    }
  }

  private cell(row: LedgerRow, key: ColumnKey): LedgerCell {
    const index = this.columns?.[key];
    return index === undefined ? null : (row.cells[index] ?? null);
  }

  private amount(row: LedgerRow, key: AmountColumn): string | null {
    const parsed = parseAmount(this.cell(row, key), this.columnUnits[key] ?? this.unit);
    if (parsed.problem)
      this.problem(
        row.rowNumber,
        this.columns?.[key] ?? null,
        'error',
        `${ledgerColumns[key].label}：${parsed.problem}`,
      );
    return parsed.wanYuan;
  }

  private share(row: LedgerRow): string | number | null {
    const cell = this.cell(row, 'planShare');
    return typeof cell === 'number' || typeof cell === 'string' ? cell : null;
  }

  /**
   * A name cell's clean text (a placeholder such as `-` is blank); text a spreadsheet would run as a
   * formula or command (`=cmd|…`, `@SUM(…)`) is an error on its cell and never becomes a name.
   */
  private nameText(row: LedgerRow, key: NameColumn, text: string | null): string | null {
    if (text === null || placeholder.test(text)) return null;
    if (startsLikeFormula(text))
      this.problem(
        row.rowNumber,
        this.columns?.[key] ?? null,
        'error',
        `${ledgerColumns[key].label}“${text.slice(0, 30)}”以 =、+、-、@ 开头，电子表格会把它当作公式或命令，不能作为名称；请改正后再导入`,
      );
    return text;
  }

  private record(row: LedgerRow) {
    for (const column of row.formulaColumns.filter((c) => this.takenColumns.has(c)))
      this.problem(
        row.rowNumber,
        column,
        'warning',
        `第 ${row.rowNumber} 行 ${columnLetter(column)} 列是公式，已取其计算结果`,
      );
    const rawName = cleanText(this.cell(row, 'name'));
    const marked = rawName ? stripLevelMarker(rawName) : null;
    if (marked?.name) this.nameText(row, 'name', marked.name);
    if (!marked?.name) this.problem(row.rowNumber, this.columns?.name ?? null, 'error', '项目名称为空');
    const period = parseYearRange(this.cell(row, 'period'));
    if (isYearRangeProblem(period)) {
      this.problem(row.rowNumber, this.columns?.period ?? null, 'error', `建设起止年限：${period.problem}`);
    }
    const years = period && !isYearRangeProblem(period) ? period : null;
    const names = Object.fromEntries(
      nameColumns.map((key) => [key, this.nameText(row, key, cleanText(this.cell(row, key)))]),
    ) as Record<(typeof nameColumns)[number], string | null>;
    const record = {
      sheet: this.sheet,
      row: row.rowNumber,
      name: marked?.name || null,
      level: marked?.isProvincial ? ('provincial' as const) : null,
      category: names.category ?? this.category,
      code: names.code,
      owner: names.owner,
      location: names.location,
      scale: cleanText(this.cell(row, 'scale')),
      startYear: years?.startYear ?? null,
      startMonth: years?.startMonth ?? null,
      endYear: years?.endYear ?? null,
      endMonth: years?.endMonth ?? null,
      totalInvestmentWanYuan: this.amount(row, 'totalInvestment'),
      annualPlanWanYuan: this.amount(row, 'annualPlan'),
      completedToDateWanYuan: this.amount(row, 'completedToDate'),
      annualTarget: cleanText(this.cell(row, 'annualTarget')),
      progress: cleanText(this.cell(row, 'progress')),
      responsibleUnit: names.responsibleUnit,
      leader: names.leader,
      remark: cleanText(this.cell(row, 'remark')),
      constructionType: this.constructionType,
      monthCompletedWanYuan: this.amount(row, 'monthCompleted'),
      planShare: this.share(row),
    };
    this.sheetRecords.push(record);
    for (const key of amountColumns) {
      const amounts = this.sinceSubtotal[key] ?? [];
      amounts.push(record[recordAmount[key]] ?? '0');
      this.sinceSubtotal[key] = amounts;
    }
    this.recordsSinceSubtotal++;
    for (const open of this.headings) open.seen++;
  }

  private rememberTotal(row: LedgerRow) {
    const stated = this.statedAmounts(row);
    const count = this.countIn(row);
    if (stated.length > 0 || count !== null) this.totalsSeen.push({ row: row.rowNumber, stated, count });
  }

  /**
   * The amounts a 合计 or 小计 row prints in the amount columns (总投资, 年度计划, 1–N月完成, 本月完成
   * — a progress sheet's totals are its completed amounts). An empty or unreadable cell states nothing.
   */
  private statedAmounts(row: LedgerRow): StatedAmount[] {
    return amountColumns.flatMap((key) => {
      const column = this.columns?.[key];
      if (column === undefined) return [];
      const { wanYuan } = parseAmount(row.cells[column] ?? null, this.columnUnits[key] ?? this.unit);
      return wanYuan === null ? [] : [{ key, column, wanYuan }];
    });
  }

  /** The project count a total, subtotal or heading row states in its label (`合计（34个）`). */
  private countIn(row: LedgerRow): number | null {
    const label = row.cells.find((c) => cleanText(c) !== null);
    return typeof label === 'string' ? statedCount(label) : null;
  }

  /**
   * A numbered heading: `一、新建项目` / `二、续建项目` set 新建/续建 for the rows below (and start a
   * new section, so no domain carries over); any other heading names the domain. Its stated count
   * (`（17个）`) is checked against the rows under it when the next heading of its depth comes.
   */
  private heading(row: LedgerRow) {
    const cell = row.cells.find((c) => cleanText(c) !== null);
    const name = categoryName(cell);
    const level = headingLevel(cell);
    this.closeHeadings(level);
    this.headings.push({
      row: row.rowNumber,
      level,
      stated: typeof cell === 'string' ? statedCount(cell) : null,
      seen: 0,
      text: cleanText(cell) ?? '',
    });
    const type = constructionTypeOfHeading(name);
    if (type) {
      this.constructionType = type;
      this.category = null;
    } else this.category = name ?? this.category;
  }

  /** Closes the open headings at `level` or deeper, reporting a stated count the rows do not bear out. */
  private closeHeadings(level: number) {
    while (this.headings.length > 0 && this.headings.at(-1)!.level >= level) {
      const open = this.headings.pop()!;
      this.compareCount(open.row, open.stated, open.seen, `标题“${open.text}”`);
    }
  }

  private compareCount(rowNumber: number, stated: number | null, counted: number, label: string) {
    if (stated === null || stated === counted) return;
    this.problem(
      rowNumber,
      null,
      'warning',
      `${label}写明 ${stated} 个项目，下列明细实有 ${counted} 个；以明细为准，未修改项目数据`,
    );
  }

  /** A 小计 is compared with the records since the last category or subtotal; never "corrected". */
  private checkSubtotal(row: LedgerRow | null, kind: 'category' | 'subtotal') {
    if (row && kind === 'subtotal') {
      for (const { key, column, wanYuan } of this.statedAmounts(row))
        this.compare(row.rowNumber, key, column, wanYuan, sumWanYuan(this.sinceSubtotal[key] ?? []), '小计');
      this.compareCount(row.rowNumber, this.countIn(row), this.recordsSinceSubtotal, '小计行');
    }
    if (row) {
      this.sinceSubtotal = {};
      this.recordsSinceSubtotal = 0;
    }
  }

  private compare(
    rowNumber: number,
    key: AmountColumn,
    column: number,
    stated: string,
    computed: string,
    label: string,
  ) {
    if (sumWanYuan([stated]) === computed) return;
    this.problem(
      rowNumber,
      column,
      'warning',
      `${label}行的${ledgerColumns[key].label}为 ${stated} 万元，按明细计算为 ${computed} 万元；以明细为准，未修改项目数据`,
    );
  }

  private skip(row: LedgerRow, kind: Exclude<RowKind, 'data'>) {
    this.out.skippedRows.push({ sheet: this.sheet, row: row.rowNumber, kind });
  }

  private problem(row: number, column: number | null, severity: 'error' | 'warning', message: string) {
    this.out.problems.push({
      sheet: this.sheet,
      row,
      column: column === null ? null : columnLetter(column),
      severity,
      message,
    });
  }
}

/**
 * Parses a ledger the way offices really keep one, streaming its rows: finds the header (one or two
 * rows) by its words wherever it is, reads units from the units line, the column headers and the
 * cells, tags each project with its category, and skips title, units, header, total, subtotal,
 * category, blank and note rows (reporting each). Sheets without a header (prose) are skipped
 * whole. Totals and subtotals are cross-checked as warnings; projects are never "corrected".
 */
export async function parseLedger(bytes: Buffer): Promise<ParsedLedger> {
  checkXlsx(bytes);
  const out: ParsedLedger = {
    records: [],
    sheetColumns: {},
    sheetTitles: {},
    skippedRows: [],
    problems: [],
    hiddenSheets: [],
  };
  let current = null as { name: string; parser: SheetParser } | null;
  let hasHeader = false;
  const onHiddenSheet = (sheet: string) => {
    out.hiddenSheets.push(sheet);
    out.problems.push({
      sheet,
      row: 0,
      column: null,
      severity: 'warning',
      message: `工作表“${sheet}”是隐藏的工作表，已忽略，未作为台账读取`,
    });
  };
  for await (const row of readLedgerRows(bytes, { onHiddenSheet })) {
    if (current?.name !== row.sheetName) {
      current?.parser.finish();
      hasHeader ||= current?.parser.hasHeader ?? false;
      current = { name: row.sheetName, parser: new SheetParser(row.sheetName, out) };
    }
    current.parser.take(row);
  }
  current?.parser.finish();
  hasHeader ||= current?.parser.hasHeader ?? false;
  if (current === null)
    throw refuse(
      out.hiddenSheets.length > 0
        ? `工作簿中没有可读取的工作表：隐藏的工作表（${out.hiddenSheets.join('、')}）不作为台账读取`
        : '工作簿是空的：没有任何工作表数据',
    );
  if (!hasHeader) throw refuse('工作簿中找不到台账表头：需要一行含“项目名称”等列名的表头');
  return out;
}
