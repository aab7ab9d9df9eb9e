import type {
  Bulletin,
  BulletinOverdueLine,
  BulletinProjectLine,
  BulletinSectionKey,
  BulletinSiteDayRow,
} from '@tuijin/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { figureText, yearOnYearText } from './bulletin-logic';
import { ProvenanceFigure } from './FigureButton';

type Snapshot = Bulletin['snapshot'];

/** A plain table of the document: header cells, then rows; "无" when there are none. */
function DocTable({
  head,
  rows,
  testId,
  isWide = false,
}: {
  head: string[];
  rows: ReactNode[][];
  testId?: string;
  /** Many narrow columns (现场用工与督查): a smaller type, headers kept whole. */
  isWide?: boolean;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="tj-bulletin-none">{t('bulletins.doc.none')}</p>;
  return (
    <table
      className={isWide ? 'tj-bulletin-table tj-bulletin-table-wide' : 'tj-bulletin-table'}
      data-testid={testId}
    >
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 总体情况: each headline figure with 去年同期 and 同比, every number a button with its formula. */
function HeadlineTable({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const points = t('bulletins.doc.points');
  return (
    <DocTable
      testId="bulletin-headline"
      head={[
        t('bulletins.doc.figure'),
        t('bulletins.doc.value'),
        t('bulletins.doc.lastYear'),
        t('bulletins.doc.yearOnYear'),
      ]}
      rows={snapshot.headline.map((f) => {
        const yoy = yearOnYearText(f, points);
        return [
          f.label,
          <ProvenanceFigure
            key="v"
            provenance={f.provenance}
            text={figureText(f.value, f.unit)}
            testId={`figure-${f.key}`}
          />,
          f.lastYear === null ? (
            <span className="tj-bulletin-muted">{t('bulletins.doc.noLastYear')}</span>
          ) : (
            <ProvenanceFigure
              key="l"
              provenance={f.provenance}
              formula="lastYear"
              text={figureText(f.lastYear, f.unit)}
            />
          ),
          yoy === null ? (
            <span className="tj-bulletin-muted">—</span>
          ) : (
            <ProvenanceFigure key="y" provenance={f.provenance} formula="yearOnYear" text={yoy} />
          ),
        ];
      })}
    />
  );
}

/** The region table's columns: the number of each row and the formula that explains it. */
const regionColumns = [
  ['projectCount', 'projectCount', null],
  ['plannedInvestment', 'plannedInvestment', null],
  ['completedYtd', 'completedYtd', null],
  ['completionRate', 'planCompletionRate', '%'],
  ['progressGap', 'progressGap', null],
  ['startRate', 'startRate', '%'],
] as const;

/** 各地进展及排名: one row per region, every number a button with its formula and the region's records. */
function RegionsTable({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const labels = {
    projectCount: t('bulletins.doc.projectCount'),
    plannedInvestment: t('bulletins.doc.planned'),
    completedYtd: t('bulletins.doc.completed'),
    completionRate: t('bulletins.doc.completionRate'),
    progressGap: t('bulletins.doc.progressGap'),
    startRate: t('bulletins.doc.startRate'),
  };
  return (
    <DocTable
      testId="bulletin-regions"
      head={[t('bulletins.doc.rank'), t('bulletins.doc.region'), ...regionColumns.map(([c]) => labels[c])]}
      rows={snapshot.regions.map((r) => [
        r.rank === null ? (
          '—'
        ) : (
          <ProvenanceFigure key="rank" provenance={r.provenance} formula="rank" text={String(r.rank)} />
        ),
        r.name,
        ...regionColumns.map(([column, formula, unit]) => {
          const value = r[column];
          return value === null ? (
            '—'
          ) : (
            <ProvenanceFigure
              key={column}
              provenance={r.provenance}
              formula={formula}
              text={figureText(String(value), unit)}
            />
          );
        }),
      ])}
    />
  );
}

function ProjectLines({ lines, testId }: { lines: BulletinProjectLine[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <DocTable
      testId={testId}
      head={[
        t('bulletins.doc.project'),
        t('bulletins.doc.region'),
        t('bulletins.doc.owner'),
        t('bulletins.doc.detail'),
      ]}
      rows={lines.map((p) => [
        <Link key="p" to={p.href}>
          {p.name}
        </Link>,
        p.regionName,
        p.ownerName,
        p.detail,
      ])}
    />
  );
}

function OverdueLines({ lines, testId }: { lines: BulletinOverdueLine[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <DocTable
      testId={testId}
      head={[
        t('bulletins.doc.reference'),
        t('bulletins.doc.matter'),
        t('bulletins.doc.project'),
        t('bulletins.doc.responsible'),
        t('bulletins.doc.dueOn'),
        t('bulletins.doc.daysOverdue'),
      ]}
      rows={lines.map((l) => [
        <Link key="r" to={l.href}>
          {l.reference}
        </Link>,
        l.title,
        l.projectName ?? '—',
        l.responsible,
        l.dueOn ?? '—',
        t('bulletins.doc.days', { count: l.daysOverdue }),
      ])}
    />
  );
}

function RedBlack({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const redBlack = snapshot.redBlack;
  if (!redBlack) return <p className="tj-bulletin-none">{t('bulletins.doc.none')}</p>;
  const head = [t('bulletins.doc.rank'), t('bulletins.doc.region'), t('bulletins.doc.score')];
  const rows = (lines: typeof redBlack.red) => lines.map((l) => [String(l.rank), l.name, l.score ?? '—']);
  return (
    <>
      <p className="tj-bulletin-note">
        <Link to={redBlack.href}>{t('bulletins.doc.quarter', { quarter: redBlack.quarter })}</Link>
      </p>
      <p className="tj-bulletin-subhead">{t('bulletins.doc.redList')}</p>
      <DocTable head={head} rows={rows(redBlack.red)} />
      <p className="tj-bulletin-subhead">{t('bulletins.doc.blackList')}</p>
      <DocTable head={head} rows={rows(redBlack.black)} />
    </>
  );
}

function Activity({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const a = snapshot.activity;
  return (
    <DocTable
      head={[
        t('bulletins.doc.activityProblemsRaised'),
        t('bulletins.doc.activityProblemsSolved'),
        t('bulletins.doc.activityTasksDone'),
        t('bulletins.doc.activityVisits'),
        t('bulletins.doc.activityProjectsStarted'),
      ]}
      rows={[[a.problemsRaised, a.problemsSolved, a.tasksDone, a.visits, a.projectsStarted].map(String)]}
    />
  );
}

type SiteDayColumn = Exclude<keyof BulletinSiteDayRow, 'code' | 'name' | `${string}Href`>;

/** 现场用工与督查: the columns in the document's order, each with the records its figure comes from. */
const siteDayColumns: [SiteDayColumn, 'workforceHref' | 'inspectionsHref' | 'stoppagesHref'][] = [
  ['workersOnSite', 'workforceHref'],
  ['workersArrived', 'workforceHref'],
  ['workersDeparted', 'workforceHref'],
  ['inObservation', 'workforceHref'],
  ['healthAbnormal', 'workforceHref'],
  ['inspections', 'inspectionsHref'],
  ['sitesInspected', 'inspectionsHref'],
  ['findingsRaised', 'inspectionsHref'],
  ['findingsClosed', 'inspectionsHref'],
  ['findingsOpen', 'inspectionsHref'],
  ['findingsOverdue', 'inspectionsHref'],
  ['projectsStopped', 'stoppagesHref'],
];

/** 现场用工与督查: each child region's day and the total, every count a button with its formula and records. */
function SiteDayTable({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const siteDay = snapshot.siteDay;
  if (!siteDay) return <p className="tj-bulletin-none">{t('bulletins.doc.none')}</p>;
  const row = (r: BulletinSiteDayRow) => [
    r.name,
    ...siteDayColumns.map(([column, href]) => (
      <ProvenanceFigure
        key={column}
        provenance={{ formula: `bulletins.formula.siteDay.${column}`, href: r[href] }}
        text={String(r[column])}
      />
    )),
  ];
  return (
    <>
      <p className="tj-bulletin-note">{t('bulletins.doc.siteDayOn', { date: siteDay.onDate })}</p>
      <DocTable
        testId="bulletin-site-day"
        isWide
        head={[t('bulletins.doc.region'), ...siteDayColumns.map(([c]) => t(`bulletins.doc.siteDay.${c}`))]}
        rows={[...siteDay.rows.map(row), row(siteDay.total)]}
      />
    </>
  );
}

/** The table (or lists) under a section's lead sentence. */
export function SectionBody({ section, snapshot }: { section: BulletinSectionKey; snapshot: Snapshot }) {
  const { t } = useTranslation();
  switch (section) {
    case 'headline':
      return <HeadlineTable snapshot={snapshot} />;
    case 'regions':
      return <RegionsTable snapshot={snapshot} />;
    case 'redBlack':
      return <RedBlack snapshot={snapshot} />;
    case 'warnings':
      return (
        <>
          <p className="tj-bulletin-subhead">{t('bulletins.doc.redProjects')}</p>
          <ProjectLines lines={snapshot.warnings.red} testId="bulletin-red" />
          <p className="tj-bulletin-subhead">{t('bulletins.doc.yellowProjects')}</p>
          <ProjectLines lines={snapshot.warnings.yellow} />
        </>
      );
    case 'snails':
      return <ProjectLines lines={snapshot.snails} />;
    case 'overdueProblems':
      return <OverdueLines lines={snapshot.overdueProblems} />;
    case 'overdueTasks':
      return <OverdueLines lines={snapshot.overdueTasks} />;
    case 'overdueApprovals':
      return <OverdueLines lines={snapshot.overdueApprovals} />;
    case 'activity':
      return <Activity snapshot={snapshot} />;
    case 'siteDay':
      return <SiteDayTable snapshot={snapshot} />;
    case 'stoppedProjects':
      return <ProjectLines lines={snapshot.stoppedProjects ?? []} testId="bulletin-stopped" />;
  }
}
