import { AlignmentType, Document, Paragraph } from 'docx';
import {
  chineseDate,
  officialHeading,
  officialLetterhead,
  officialLine,
  officialPageMargins,
  officialPageNumberFooter,
  officialParagraph,
  officialSerialWithRule,
  officialTable,
  officialTextWidth,
  officialTitle,
  packDeterministicDocx,
} from '../../../lib/official-docx';
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

const alignments: Record<BulletinColumnKind, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  text: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  number: AlignmentType.RIGHT,
};

/** A section's table (小五 for a wide one, 五号 otherwise, as in the PDF), or 本期无 when it is empty. */
function sectionTable(table: BulletinTable) {
  if (table.rows.length === 0) return officialParagraph('（本期无。）');
  return officialTable(
    table.columns.map((c) => ({ header: c.header, weight: c.weight, alignment: alignments[c.kind] })),
    table.rows.map((row) => ({ cells: row.cells, color: row.tone ? bulletinColours[row.tone] : undefined })),
    table.isWide ? 18 : 21,
  );
}

/**
 * A bulletin as an official document (GB/T 9704 as far as Word allows): red 发文机关标志, 文号 (or
 * 草稿) centred over the red separator line, 二号 title, 主送, each section's 黑体 heading, 仿宋 lead
 * and table, the closing, the issuer and date bottom right, and “— 1 —” page numbers.
 */
function bulletinDocxDocument(doc: BulletinDocument): Document {
  const body = doc.sections.flatMap((section) => {
    const table = bulletinSectionTable(section.key, doc.snapshot);
    return [
      officialHeading(section.heading),
      officialParagraph(section.lead, table !== null),
      ...(table ? [sectionTable(table), new Paragraph({ spacing: { after: 120 }, children: [] })] : []),
    ];
  });
  return new Document({
    creator: doc.issuer,
    lastModifiedBy: doc.issuer,
    title: doc.serial ? `${doc.title} ${doc.serial}` : doc.title,
    sections: [
      {
        properties: { page: { margin: officialPageMargins } },
        footers: { default: officialPageNumberFooter() },
        children: [
          officialLetterhead(doc.issuer, letterheadPoints(doc.issuer, officialTextWidth / 20) * 2),
          officialSerialWithRule(bulletinSerialLine(doc)),
          officialTitle(doc.title),
          officialLine(`${doc.addressee}：`),
          ...body,
          officialParagraph(doc.closing),
          officialLine(''),
          officialLine(doc.issuer, AlignmentType.RIGHT),
          officialLine(chineseDate(doc.dated), AlignmentType.RIGHT),
        ],
      },
    ],
  });
}

/** Renders a bulletin as .docx, the same bytes for the same document (stamped with its date). */
export async function renderBulletinDocx(doc: BulletinDocument): Promise<Buffer> {
  return packDeterministicDocx(bulletinDocxDocument(doc), bulletinStamp(doc));
}
