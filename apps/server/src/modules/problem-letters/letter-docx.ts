import { problemLetterKindNames } from '@tuijin/domain';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import type { ProblemLetterRow } from './problem-letters.queries';

/** The problem and project facts a letter quotes. */
export interface LetterSubject {
  referenceNumber: string;
  category: string;
  description: string;
  request: string;
  projectName: string;
}

const body = '仿宋_GB2312';
const heading = '方正小标宋简体';
/** Half-points: 三号 16 pt, 二号 22 pt, 小初 36 pt. */
const size = { text: 32, title: 44, letterhead: 60 };

const run = (text: string, options: { bold?: boolean; font?: string; size?: number; color?: string } = {}) =>
  new TextRun({
    text,
    bold: options.bold,
    color: options.color,
    size: options.size ?? size.text,
    font: { ascii: options.font ?? body, eastAsia: options.font ?? body, hAnsi: options.font ?? body },
  });

const line = (
  text: string,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
) => new Paragraph({ alignment, spacing: { line: 560 }, children: [run(text)] });

/** 2026-03-09 → 2026年3月9日 (how official documents write dates). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** A China date (Beijing time) of an instant. */
const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const cell = (text: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: text.split('\n').map((part) => new Paragraph({ children: [run(part, { bold, size: 28 })] })),
  });

/** Builds the letter as docx's object model: letterhead, serial, title, addressee, body, table, signature. */
function letterDocument(letter: ProblemLetterRow, subject: LetterSubject): Document {
  const kindName = problemLetterKindNames[letter.kind];
  const issuedOn = beijingDate(letter.issuedAt);
  const facts: [string, string][] = [
    ['项目名称', subject.projectName],
    ['问题编号', subject.referenceNumber],
    ['问题分类', subject.category],
    ['问题描述', subject.description],
    ['诉求', subject.request || '—'],
    ['原办理期限', chineseDate(letter.originalDueOn)],
    ['逾期天数', `${letter.daysOverdue} 天`],
    ['督办事项', letter.demandedAction],
    ['回复期限', `${chineseDate(letter.replyDueOn)}前`],
  ];
  return new Document({
    creator: letter.issuerOrganisationName,
    lastModifiedBy: letter.issuerOrganisationName,
    title: `${kindName} ${letter.serial}`,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 8 } },
            children: [
              run(letter.issuerOrganisationName, { font: heading, size: size.letterhead, color: 'C00000' }),
            ],
          }),
          line(letter.serial, AlignmentType.CENTER),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 240 },
            children: [run(`重点项目问题${kindName}`, { font: heading, size: size.title })],
          }),
          line(`${letter.recipientOrganisationName}：`),
          line(
            `　　你单位承办的“${subject.projectName}”项目问题（编号 ${subject.referenceNumber}）已超过办理期限` +
              ` ${letter.daysOverdue} 天，尚未办结。根据重点项目问题办理有关规定，现予${
                letter.kind === 'reminder' ? '提醒' : '督办'
              }，具体如下：`,
          ),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: facts.map(
              ([label, value]) => new TableRow({ children: [cell(label, 22, true), cell(value, 78)] }),
            ),
          }),
          line(
            `　　请你单位按督办事项抓紧办理，于${chineseDate(letter.replyDueOn)}前将办理情况书面回复${letter.issuerOrganisationName}。`,
          ),
          line(''),
          line(letter.issuerOrganisationName, AlignmentType.RIGHT),
          line(chineseDate(issuedOn), AlignmentType.RIGHT),
          line(`签发人：${letter.issuedByName}`, AlignmentType.RIGHT),
        ],
      },
    ],
  });
}

/**
 * Renders a letter as .docx from its stored record alone, byte for byte the same every time: the
 * document's created/modified times are the issue time and every zip entry carries that date, so a
 * download today and one next year are the same file.
 */
export async function renderLetterDocx(letter: ProblemLetterRow, subject: LetterSubject): Promise<Buffer> {
  const raw = await Packer.toBuffer(letterDocument(letter, subject));
  const zip = await JSZip.loadAsync(raw);
  const stamp = `${letter.issuedAt.toISOString().slice(0, 19)}Z`;
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
    out.file(name, await zip.file(name)!.async('uint8array'), {
      date: letter.issuedAt,
      createFolders: false,
    });
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
