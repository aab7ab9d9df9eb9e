import type { ProjectFirstScreen } from '@tuijin/contracts';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTableAmount } from '../../lib/amount';
import { ReportStatusTag } from '../reports/ReportBits';
import { WarningTag } from '../warnings/WarningTag';

/**
 * 近况 under the project's header, from the page's one first-screen request: the latest monthly
 * report (month, status, 本年累计完成), the open problems (overdue ones in red) and the current colour,
 * each opening its tab.
 */
export function ProjectRecentStrip({ screen }: { screen: ProjectFirstScreen }) {
  const { t } = useTranslation();
  const latest = screen.reports[0];
  const overdue = screen.openProblems.filter((p) => p.overdue).length;
  const tab = (key: string) => `/projects/${screen.project.id}?tab=${key}`;
  return (
    <Space size={[16, 6]} wrap style={{ marginTop: 12 }} data-testid="project-recent">
      <Typography.Text type="secondary">{t('projects.recent.title')}</Typography.Text>
      <Link to={tab('reports')} data-testid="project-recent-report">
        {latest ? (
          <Space size={4}>
            {t('projects.recent.report', { year: latest.year, month: latest.month })}
            <ReportStatusTag status={latest.status} />
            {t('projects.recent.ytd', { amount: formatTableAmount(latest.ytdWanYuan) })}
          </Space>
        ) : (
          t('projects.recent.noReport')
        )}
      </Link>
      <Link to={tab('problems')} data-testid="project-recent-problems">
        {t('projects.recent.problems', { count: screen.openProblems.length })}
        {overdue > 0 && (
          <Tag color="error" style={{ marginInlineStart: 6 }}>
            {t('projects.recent.overdue', { count: overdue })}
          </Tag>
        )}
      </Link>
      <Space size={4} data-testid="project-recent-warning">
        {screen.warning ? (
          <>
            {t('projects.recent.warning', { month: screen.warning.month })}
            <WarningTag colour={screen.warning.colour} />
          </>
        ) : (
          <Typography.Text type="secondary">{t('projects.recent.noWarning')}</Typography.Text>
        )}
      </Space>
    </Space>
  );
}
