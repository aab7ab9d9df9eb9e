import { AlignmentType, Document, Table, TableRow, WidthType } from 'docx';
import {
  chineseDate,
  officialCell,
  officialLine,
  officialPageMargins,
  officialTitle,
  packDeterministicDocx,
} from '../../lib/official-docx';

/** What a 超时默认 notice states: the stored notice with its item, project and issuing office. */
export interface DeemedNoticeFacts {
  noticeNumber: string;
  deadlineOn: string;
  issuedOn: string;
  issuedAt: Date;
  projectName: string;
  itemName: string;
  departmentName: string | null;
  acceptedOn: string;
  committedDays: number;
  issuerName: string;
}

/**
 * The wording of the notice, in one place: neutral, stating the facts and the office's rule. An office
 * whose rule reads otherwise changes these lines (and nothing else).
 */
export const deemedNoticeWording = {
  title: '前期手续超时默认告知书',
  opening: (f: DeemedNoticeFacts) =>
    `　　“${f.projectName}”项目的“${f.itemName}”事项于${chineseDate(f.acceptedOn)}受理，承诺办理时限为 ${f.committedDays} 个工作日，已于${chineseDate(f.deadlineOn)}届满，截至本告知书发出之日尚未作出审批决定。`,
  statement:
    '　　根据本地区重点项目审批超时默认有关规定，该事项视为审批通过。请审批部门即行出具批复文件，并将办理情况反馈重点项目办公室。',
  copies: '抄送：项目业主单位、帮办代办人员',
  labels: {
    project: '项目名称',
    item: '手续事项',
    department: '审批部门',
    acceptedOn: '受理日期',
    committedDays: '承诺时限',
    deadlineOn: '时限届满',
    issuedOn: '告知日期',
  },
} as const;

function noticeDocument(f: DeemedNoticeFacts): Document {
  const w = deemedNoticeWording;
  const facts: [string, string][] = [
    [w.labels.project, f.projectName],
    [w.labels.item, f.itemName],
    [w.labels.department, f.departmentName ?? '—'],
    [w.labels.acceptedOn, chineseDate(f.acceptedOn)],
    [w.labels.committedDays, `${f.committedDays} 个工作日`],
    [w.labels.deadlineOn, chineseDate(f.deadlineOn)],
    [w.labels.issuedOn, chineseDate(f.issuedOn)],
  ];
  return new Document({
    creator: f.issuerName,
    lastModifiedBy: f.issuerName,
    title: `${w.title} ${f.noticeNumber}`,
    sections: [
      {
        properties: { page: { margin: officialPageMargins } },
        children: [
          officialTitle(w.title),
          officialLine(f.noticeNumber, AlignmentType.CENTER),
          officialLine(`${f.departmentName ?? '审批部门'}：`),
          officialLine(w.opening(f)),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: facts.map(
              ([label, value]) =>
                new TableRow({ children: [officialCell(label, 24, true), officialCell(value, 76)] }),
            ),
          }),
          officialLine(w.statement),
          officialLine(''),
          officialLine(f.issuerName, AlignmentType.RIGHT),
          officialLine(chineseDate(f.issuedOn), AlignmentType.RIGHT),
          officialLine(''),
          officialLine(w.copies),
        ],
      },
    ],
  });
}

/** Renders a notice as .docx from its stored record, the same bytes every time (stamped with its issue time). */
export function renderDeemedNoticeDocx(facts: DeemedNoticeFacts): Promise<Buffer> {
  return packDeterministicDocx(noticeDocument(facts), facts.issuedAt);
}
