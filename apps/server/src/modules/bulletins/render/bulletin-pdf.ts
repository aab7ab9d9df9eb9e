import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { chineseDate } from '../../../lib/official-docx';
import type { BulletinDocument } from './bulletin-document';
import {
  type BulletinColumnKind,
  type BulletinTable,
  bulletinColours,
  bulletinSectionTable,
  bulletinSerialLine,
  bulletinStamp,
  letterheadPoints,
} from './bulletin-tables';
import type { PdfContent, PdfDocumentDefinition, PdfMake } from './pdfmake-types';

const require = createRequire(import.meta.url);

/** Points per millimetre; the page is A4 with the official document's margins (37/35/28/26 mm). */
const mm = 72 / 25.4;
const margins: [number, number, number, number] = [28 * mm, 37 * mm, 26 * mm, 35 * mm];
const textWidth = 210 * mm - margins[0] - margins[2];
const red = `#${bulletinColours.red}`;
const font = 'NotoSansSC';

let configured: PdfMake | null = null;

/**
 * pdfmake with the packaged Noto Sans SC (Simplified Chinese) faces, subset and embedded in each
 * file; nothing is fetched from a URL and no file outside the font folder is read.
 */
function pdfMake(): PdfMake {
  if (configured) return configured;
  const pdfmake = require('pdfmake') as PdfMake;
  const fontDir = resolve(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  const regular = join(fontDir, 'NotoSansHans-Regular.otf');
  const bold = join(fontDir, 'NotoSansHans-Bold.otf');
  pdfmake.addFonts({ [font]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(fontDir + sep));
  configured = pdfmake;
  return pdfmake;
}

const alignments: Record<BulletinColumnKind, string> = { text: 'left', center: 'center', number: 'right' };
const cellPadding = 3;
/** A section whose table has at most this many rows is kept on one page with its heading. */
const keptTogetherRows = 10;
const ruleWidth = 0.5;

/** A section's table the width of the text, its header row repeated on each page; 本期无 when empty. */
function sectionTable(table: BulletinTable): PdfContent {
  if (table.rows.length === 0) return { text: '（本期无。）', style: 'body' };
  const n = table.columns.length;
  const available = textWidth - n * 2 * cellPadding - (n + 1) * ruleWidth - 1;
  const total = table.columns.reduce((sum, c) => sum + c.weight, 0);
  const header = table.columns.map((c) => ({ text: c.header, bold: true, alignment: 'center' }));
  const body = table.rows.map((row) =>
    row.cells.map((text, i) => ({
      text,
      alignment: alignments[table.columns[i]?.kind ?? 'text'],
      color: row.tone ? `#${bulletinColours[row.tone]}` : undefined,
    })),
  );
  return {
    fontSize: table.isWide ? 9 : 10.5,
    margin: [0, 4, 0, 10],
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: table.columns.map((c) => Math.floor((available * c.weight * 100) / total) / 100),
      body: [header, ...body],
    },
    layout: {
      hLineWidth: () => ruleWidth,
      vLineWidth: () => ruleWidth,
      paddingLeft: () => cellPadding,
      paddingRight: () => cellPadding,
      paddingTop: () => 2,
      paddingBottom: () => 2,
      fillColor: (row: number) => (row === 0 ? `#${bulletinColours.header}` : null),
    },
  };
}

/** The same layout as the Word file: red head, title, 主送, sections with tables, closing, signature. */
function bulletinPdfDefinition(doc: BulletinDocument): PdfDocumentDefinition {
  const stamp = bulletinStamp(doc);
  const sections = doc.sections.map((section): PdfContent => {
    const table = bulletinSectionTable(section.key, doc.snapshot);
    return {
      // A short section moves to the next page whole rather than leave its heading alone at the foot.
      unbreakable: !table || table.rows.length <= keptTogetherRows,
      stack: [
        { text: section.heading, bold: true, style: 'body', leadingIndent: 32 },
        { text: section.lead, style: 'body', leadingIndent: 32 },
        ...(table ? [sectionTable(table)] : []),
      ],
    };
  });
  return {
    pageSize: 'A4',
    pageMargins: margins,
    info: {
      title: doc.title,
      author: doc.issuer,
      subject: bulletinSerialLine(doc),
      creator: 'Tuijin 推进',
      producer: 'Tuijin 推进',
      creationDate: stamp,
      modDate: stamp,
    },
    defaultStyle: { font, fontSize: 16 },
    /** 三号 text at a 28-pt line pitch (Noto Sans SC's line is 1.45 em; 16 × 1.45 × 1.2 ≈ 28). */
    styles: { body: { lineHeight: 1.2 } },
    footer: (currentPage) => ({
      text: `— ${currentPage} —`,
      alignment: 'center',
      fontSize: 14,
      margin: [0, 36, 0, 0],
    }),
    content: [
      {
        text: doc.issuer,
        alignment: 'center',
        bold: true,
        color: red,
        fontSize: letterheadPoints(doc.issuer, textWidth),
        margin: [0, 0, 0, 10],
      },
      { text: bulletinSerialLine(doc), alignment: 'center', fontSize: 16, margin: [0, 0, 0, 4] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: textWidth, y2: 0, lineWidth: 1.5, lineColor: red }] },
      {
        text: doc.title,
        alignment: 'center',
        bold: true,
        fontSize: 22,
        lineHeight: 1.15,
        margin: [0, 18, 0, 14],
      },
      { text: `${doc.addressee}：`, style: 'body' },
      ...sections,
      { text: doc.closing, style: 'body', leadingIndent: 32 },
      { text: doc.issuer, alignment: 'right', margin: [0, 28, 32, 0] },
      { text: chineseDate(doc.dated), alignment: 'right', margin: [0, 0, 32, 0] },
    ],
  };
}

/**
 * Renders a bulletin as PDF with the Chinese font embedded (subset), the same bytes for the same
 * document: the creation and modification dates are the document's date, never the clock.
 */
export async function renderBulletinPdf(doc: BulletinDocument): Promise<Buffer> {
  return pdfMake().createPdf(bulletinPdfDefinition(doc)).getBuffer();
}
