import {
  AlignmentType,
  BorderStyle,
  type Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';

/**
 * Building blocks of the official documents the system issues (提醒函 / 督办单, 超时默认告知书):
 * 仿宋 body and 小标宋 headings at the sizes 党政机关公文格式 (GB/T 9704) uses, document dates, a
 * two-column facts table, and the byte-stable packing that makes a download the same file every time.
 */
export const officialFonts = { body: '仿宋_GB2312', heading: '方正小标宋简体' } as const;

/** Half-points: 三号 16 pt, 二号 22 pt, 小初 36 pt. */
export const officialSizes = { text: 32, title: 44, letterhead: 60 } as const;

/** The page margins of an official document (37 mm top, 35 mm bottom, 28 mm left, 26 mm right). */
export const officialPageMargins = { top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;

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

/** The red letterhead: the issuing organisation's name in 小初 heading type over a red rule. */
export const officialLetterhead = (organisationName: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 8 } },
    children: [
      officialRun(organisationName, {
        font: officialFonts.heading,
        size: officialSizes.letterhead,
        color: 'C00000',
      }),
    ],
  });

/** A two-column facts table (label, value) across the page width. */
export const officialFactsTable = (facts: readonly (readonly [string, string])[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: facts.map(
      ([label, value]) =>
        new TableRow({ children: [officialCell(label, 22, true), officialCell(value, 78)] }),
    ),
  });

/** The closing block of a letter: a blank line, the issuer, the date (YYYY-MM-DD) and the signer, right-aligned. */
export const officialSignature = (organisationName: string, issuedOn: string, signerName: string) => [
  officialLine(''),
  officialLine(organisationName, AlignmentType.RIGHT),
  officialLine(chineseDate(issuedOn), AlignmentType.RIGHT),
  officialLine(`签发人：${signerName}`, AlignmentType.RIGHT),
];

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
  const raw = await Packer.toBuffer(document);
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
