import { problemLetterKindNames } from '@tuijin/domain';
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
import type { ProblemLetterRow } from './problem-letters.queries';

/** The problem and project facts a letter quotes. */
export interface LetterSubject {
  referenceNumber: string;
  category: string;
  description: string;
  request: string;
  projectName: string;
}

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
        properties: { page: { margin: officialPageMargins } },
        children: [
          officialLetterheadWithRule(letter.issuerOrganisationName),
          officialLine(letter.serial, AlignmentType.CENTER),
          officialTitle(`重点项目问题${kindName}`),
          officialLine(`${letter.recipientOrganisationName}：`),
          officialLine(
            `　　你单位承办的“${subject.projectName}”项目问题（编号 ${subject.referenceNumber}）已超过办理期限` +
              ` ${letter.daysOverdue} 天，尚未办结。根据重点项目问题办理有关规定，现予${
                letter.kind === 'reminder' ? '提醒' : '督办'
              }，具体如下：`,
          ),
          officialFactsTable(facts),
          officialLine(
            `　　请你单位按督办事项抓紧办理，于${chineseDate(letter.replyDueOn)}前将办理情况书面回复${letter.issuerOrganisationName}。`,
          ),
          ...officialSignature(letter.issuerOrganisationName, issuedOn, letter.issuedByName),
        ],
      },
    ],
  });
}

/**
 * Renders a letter as .docx from its stored record alone, byte for byte the same every time (see
 * `packDeterministicDocx`: stamped with the issue time).
 */
export async function renderLetterDocx(letter: ProblemLetterRow, subject: LetterSubject): Promise<Buffer> {
  return packDeterministicDocx(letterDocument(letter, subject), letter.issuedAt);
}
