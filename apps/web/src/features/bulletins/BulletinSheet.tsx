import type { Bulletin } from '@tuijin/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SectionBody } from './BulletinTables';

/** 2026年12月6日, as an official document dates itself. */
const chineseDate = (date: string) =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * The bulletin as the document reads, on a white A4-like sheet: the red issuer line, 文号, title,
 * 主送, the numbered sections each with its lead sentence and table, the closing, issuer and date.
 * The sheet keeps its width; on a phone it scrolls inside its frame, never the page.
 */
export function BulletinSheet({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const { template, snapshot } = bulletin;
  const date = bulletin.issuedOn ?? dayjs(bulletin.generatedAt).format('YYYY-MM-DD');
  return (
    <div className="tj-bulletin-scroll" data-testid="bulletin-scroll">
      <article
        className="tj-bulletin-paper"
        aria-label={t('bulletins.doc.sheet')}
        data-testid="bulletin-sheet"
      >
        {bulletin.status !== 'issued' && (
          <div className="tj-bulletin-mark">
            {bulletin.status === 'draft' ? t('bulletins.doc.draftMark') : t('bulletins.doc.reviewedMark')}
          </div>
        )}
        <div className="tj-bulletin-issuer">{template.issuer}</div>
        <div className="tj-bulletin-serial" data-testid="bulletin-serial">
          {bulletin.serial ?? t('bulletins.doc.noSerial')}
        </div>
        <div className="tj-bulletin-rule" />
        <h1 className="tj-bulletin-title" data-testid="bulletin-title">
          {bulletin.title}
        </h1>
        {template.addressee && (
          <p className="tj-bulletin-addressee">
            {t('bulletins.doc.addressee', { addressee: template.addressee })}
          </p>
        )}
        {bulletin.sections.map((section) => (
          <section
            key={section.key}
            className="tj-bulletin-section"
            data-testid={`bulletin-section-${section.key}`}
          >
            <h2>{section.heading}</h2>
            {section.lead && <p className="tj-bulletin-lead">{section.lead}</p>}
            <SectionBody section={section.key} snapshot={snapshot} />
          </section>
        ))}
        {bulletin.closing && <p className="tj-bulletin-lead">{bulletin.closing}</p>}
        <div className="tj-bulletin-signoff">
          <div>{template.issuer}</div>
          <div data-testid="bulletin-date">{chineseDate(date)}</div>
        </div>
        <p className="tj-bulletin-footnote">
          {t('bulletins.doc.figureMonth', { month: snapshot.figureMonthLabel })} ·{' '}
          {t('bulletins.doc.takenAt', { time: dayjs(snapshot.takenAt).format('YYYY-MM-DD HH:mm') })}
        </p>
      </article>
    </div>
  );
}
