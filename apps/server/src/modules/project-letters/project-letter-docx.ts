import type { ProjectLetterFacts } from '@tuijin/domain';
import { problemLetterKindNames, projectLetterReasonNames } from '@tuijin/domain';
import { AlignmentType, Document } from 'docx';
import {
  beijingDate,
  chineseDate,
  officialFactsTable,
  officialLetterheadWithRule,
  officialLine,
  officialPageMargins,
  officialSignature,
  officialTitle,
  packDeterministicDocx,
} from '../../lib/official-docx';
import type { ProjectLetterRow } from './project-letters.queries';

const colourNames = { green: '绿色', yellow: '黄色', red: '红色' } as const;

/** The rows of the facts table: the figures as they stood when the letter was issued. */
function factRows(projectName: string, letter: ProjectLetterRow): [string, string][] {
  const facts = letter.facts as ProjectLetterFacts;
  const rows: [string, string][] = [
    ['项目名称', projectName],
    ['滞后情形', projectLetterReasonNames[letter.reason]],
    ['统计月份', facts.month],
    ['预警等级', facts.colour ? colourNames[facts.colour] : '—'],
  ];
  if (facts.completionPercent !== null)
    rows.push(
      ['年度计划投资', `${facts.plannedWanYuan} 万元`],
      ['年度累计完成', `${facts.completedWanYuan} 万元（${facts.completionPercent}%）`],
      ['序时进度', `${facts.timePercent}%`],
    );
  if (facts.overdueMilestones > 0) rows.push(['逾期节点', `${facts.overdueMilestones} 个`]);
  if (letter.reason === 'notStarted') rows.push(['计划开工', facts.plannedStartMonth ?? '—']);
  rows.push(['督办事项', letter.demandedAction], ['回复期限', `${chineseDate(letter.replyDueOn)}前`]);
  return rows;
}

/** Builds the letter as docx's object model: letterhead, serial, title, addressee, body, facts, signature. */
function letterDocument(letter: ProjectLetterRow, projectName: string): Document {
  const kindName = problemLetterKindNames[letter.kind];
  return new Document({
    creator: letter.issuerOrganisationName,
    lastModifiedBy: letter.issuerOrganisationName,
    title: `${kindName} ${letter.serial}`,
    sections: [
      {
        properties: { page: { margin: officialPageMargins } },
        children: [
          officialLetterheadWithRule(letter.issuerOrganisationName),
          officialLine(letter.serial, AlignmentType.CENTER),
          officialTitle(`重点项目推进${kindName}`),
          officialLine(`${letter.recipientOrganisationName}：`),
          officialLine(
            `　　你单位负责的“${projectName}”项目推进滞后（${projectLetterReasonNames[letter.reason]}）。` +
              `根据重点项目推进有关规定，现予${letter.kind === 'reminder' ? '提醒' : '督办'}，具体如下：`,
          ),
          officialFactsTable(factRows(projectName, letter)),
          officialLine(
            `　　请你单位按督办事项抓紧整改，于${chineseDate(letter.replyDueOn)}前将落实情况书面回复${letter.issuerOrganisationName}。`,
          ),
          ...officialSignature(
            letter.issuerOrganisationName,
            beijingDate(letter.issuedAt),
            letter.issuedByName,
          ),
        ],
      },
    ],
  });
}

/** Renders a project letter as .docx from its stored record alone, byte for byte the same every time. */
export async function renderProjectLetterDocx(
  letter: ProjectLetterRow,
  projectName: string,
): Promise<Buffer> {
  return packDeterministicDocx(letterDocument(letter, projectName), letter.issuedAt);
}
