import {
  AlignmentType,
  BorderStyle,
  type Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import JSZip from 'jszip';

/**
 * Building blocks of the official documents the system issues (提醒函 / 督办单, 超时默认告知书, 通报):
 * 仿宋 body and 小标宋 headings at the sizes 党政机关公文格式 (GB/T 9704) uses, the red head (发文机关标志,
 * 文号 over the red line), 黑体 headings, document dates, a facts table and data tables, “— 1 —” page
 * numbers, and the byte-stable packing that makes a download the same file every time.
 */
export const officialFonts = {
  body: '仿宋_GB2312',
  heading: '方正小标宋简体',
  section: '黑体',
  number: '宋体',
} as const;

/** Half-points: 三号 16 pt, 二号 22 pt, 小初 36 pt. */
export const officialSizes = { text: 32, title: 44, letterhead: 60 } as const;

/** The page margins of an official document (37 mm top, 35 mm bottom, 28 mm left, 26 mm right). */
export const officialPageMargins = { top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;

/** The width of the text on an A4 page between those margins, in twips (156 mm). */
export const officialTextWidth = 11906 - officialPageMargins.left - officialPageMargins.right;

/** 红色分隔线 / 发文机关标志: the red of an official document's head. */
export const officialRed = 'C00000';

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** A run of text in the body font unless told otherwise. */
export const officialRun = (
  text: string,
  options: { bold?: boolean; font?: string; size?: number; color?: string } = {},
) =>
  new TextRun({
    text,
    bold: options.bold,
    color: options.color,
    size: options.size ?? officialSizes.text,
    font: {
      ascii: options.font ?? officialFonts.body,
      eastAsia: options.font ?? officialFonts.body,
      hAnsi: options.font ?? officialFonts.body,
    },
  });

/** One paragraph of body text at the fixed 28-pt line pitch. */
export const officialLine = (text: string, alignment: Alignment = AlignmentType.LEFT) =>
  new Paragraph({ alignment, spacing: { line: 560 }, children: [officialRun(text)] });

/** The centred title in the heading font. */
export const officialTitle = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 240 },
    children: [officialRun(text, { font: officialFonts.heading, size: officialSizes.title })],
  });

/** A cell of a facts table (四号 text; a newline starts a paragraph). */
export const officialCell = (text: string, widthPercent: number, bold = false) =>
  new TableCell({
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: text
      .split('\n')
      .map((part) => new Paragraph({ children: [officialRun(part, { bold, size: 28 })] })),
  });

/** 发文机关标志: the issuer in red 小标宋, centred (size in half-points). */
export const officialLetterhead = (issuer: string, size: number = officialSizes.letterhead) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [officialRun(issuer, { font: officialFonts.heading, size, color: officialRed })],
  });

/** The 文号 centred under the letterhead, with the red separator line beneath it. */
export const officialSerialWithRule = (serial: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 560, after: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: officialRed, space: 12 } },
    children: [officialRun(serial)],
  });

/** A first-level heading (一、总体情况): 三号 黑体 at the 28-pt pitch, indented two characters. */
export const officialHeading = (text: string) =>
  new Paragraph({
    keepNext: true,
    spacing: { line: 560 },
    indent: { firstLine: 640 },
    children: [officialRun(text, { font: officialFonts.section })],
  });

/** A body paragraph indented two characters (首行缩进), at the 28-pt pitch; kept with the next one if asked (a table's lead). */
export const officialParagraph = (text: string, keepNext = false) =>
  new Paragraph({
    keepNext,
    spacing: { line: 560 },
    indent: { firstLine: 640 },
    children: [officialRun(text)],
  });

/** The footer of an official document: the page number as “— 1 —” in 四号 宋体, centred. */
export const officialPageNumberFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: 28,
            font: {
              ascii: officialFonts.number,
              eastAsia: officialFonts.number,
              hAnsi: officialFonts.number,
            },
          }),
        ],
      }),
    ],
  });

export interface OfficialTableColumn {
  header: string;
  /** Relative width: the columns share the text width in these proportions. */
  weight: number;
  alignment?: Alignment;
}

/**
 * A data table the width of the text: a shaded header row repeated on every page, rows that do not
 * split across pages, each row's text optionally coloured (size in half-points; 五号 is 21).
 */
export function officialTable(
  columns: OfficialTableColumn[],
  rows: { cells: string[]; color?: string }[],
  size = 24,
) {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => Math.floor((officialTextWidth * c.weight) / total));
  const cell = (text: string, i: number, options: { bold?: boolean; color?: string; shade?: boolean }) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      shading: options.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } : undefined,
      children: [
        new Paragraph({
          alignment: options.shade ? AlignmentType.CENTER : (columns[i]?.alignment ?? AlignmentType.LEFT),
          children: [officialRun(text, { bold: options.bold, size, color: options.color })],
        }),
      ],
    });
  return new Table({
    width: { size: officialTextWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c.header, i, { bold: true, shade: true })),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.cells.map((text, i) => cell(text, i, { color: row.color })),
          }),
      ),
    ],
  });
}

/** 2026-03-09 → 2026年3月9日 (how official documents write dates). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** A China date (Beijing time) of an instant. */
export const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Packs a document byte for byte the same every time: the created/modified times are `stampedAt`
 * and every zip entry carries that date, in a fixed order, so a download today and one next year
 * are the same file.
 */
export async function packDeterministicDocx(document: Document, stampedAt: Date): Promise<Buffer> {
  return restampOfficeZip(await Packer.toBuffer(document), stampedAt);
}

/**
 * Rewrites an Office Open XML package (.docx, .xlsx) so its bytes depend on its content alone: the
 * core properties' created/modified become `stampedAt`, every entry carries that date, and the
 * entries are stored in a fixed order ([Content_Types].xml first).
 */
export async function restampOfficeZip(raw: Buffer | Uint8Array, stampedAt: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(raw);
  const stamp = `${stampedAt.toISOString().slice(0, 19)}Z`;
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = (await core.async('string')).replace(
      /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      `$1${stamp}$3`,
    );
    zip.file('docProps/core.xml', xml);
  }
  const out = new JSZip();
  const names = Object.keys(zip.files)
    .filter((name) => !zip.files[name]!.dir)
    .sort((a, b) =>
      a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b),
    );
  for (const name of names)
    out.file(name, await zip.file(name)!.async('uint8array'), { date: stampedAt, createFolders: false });
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The .docx media type. */
export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
