import type { Project, ProjectReportYear } from '@tuijin/contracts';
import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { flaggedPhotoCount } from '../../components/photo-evidence/photo-evidence';
import { QueryError } from '../../components/QueryError';
import { useCan } from '../auth/use-current-user';
import { Amount, ReportEvents, ReportPhotoGrid, ReportStatusTag } from './ReportBits';
import { ReportDrawer } from './ReportDrawer';
import { useProjectReportYear } from './reports.queries';
import './reports.css';

type Month = ProjectReportYear['months'][number];

/** 月报 tab of the project page: the year's months with amount, totals, status, history and photos. */
export function ProjectReportsTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const current = dayjs().year();
  const [year, setYear] = useState(current);
  const [openId, setOpenId] = useState<string | null>(null);
  const reports = useProjectReportYear(project.id, year);
  const data = reports.data?.year === year ? reports.data : undefined;
  const canReview = can('report.review') || can('report.correct');

  return (
    <Flex vertical gap={12} data-testid="project-reports">
      <Flex gap={12} wrap align="center">
        <Select<number>
          aria-label={t('reports.tab.year')}
          value={year}
          onChange={setYear}
          options={[current - 2, current - 1, current, current + 1].map((value) => ({
            value,
            label: String(value),
          }))}
          style={{ width: 100 }}
        />
        {data?.plannedInvestmentWanYuan && (
          <Typography.Text type="secondary">
            {t('reports.tab.planned', { amount: data.plannedInvestmentWanYuan })}
          </Typography.Text>
        )}
      </Flex>
      {reports.isError && <QueryError error={reports.error} onRetry={() => void reports.refetch()} />}
      {data && !data.isDue && <Typography.Text type="secondary">{t('reports.tab.notDue')}</Typography.Text>}
      <Table<Month>
        rowKey="month"
        size="small"
        loading={reports.isFetching && !data}
        dataSource={data?.isDue ? data.months : []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          rowExpandable: (row) => row.report !== null,
          expandedRowRender: (row) =>
            row.report && (
              <Flex vertical gap={8}>
                {row.report.progress && <span className="tj-prewrap">{row.report.progress}</span>}
                <ReportEvents events={row.report.events} />
                <ReportPhotoGrid projectId={project.id} photos={row.report.photos} />
              </Flex>
            ),
        }}
        columns={[
          {
            key: 'month',
            title: t('reports.month'),
            render: (_, row) => t('reports.monthShort', { month: row.month }),
          },
          {
            key: 'amount',
            title: t('reports.amount'),
            align: 'right',
            render: (_, row) => <Amount value={row.report?.completedWanYuan} />,
          },
          {
            key: 'ytd',
            title: t('reports.ytd'),
            align: 'right',
            render: (_, row) => <Amount value={row.ytdApprovedWanYuan} />,
          },
          {
            key: 'since',
            title: t('reports.sinceStart'),
            align: 'right',
            render: (_, row) => <Amount value={row.sinceStartApprovedWanYuan} />,
          },
          {
            key: 'status',
            title: t('reports.statusLabel'),
            render: (_, row) => (
              <>
                <ReportStatusTag status={row.report?.status ?? 'absent'} />
                {row.report?.late && <Tag color="warning">{t('reports.late')}</Tag>}
                {row.isMissing && <Tag color="error">{t('reports.missing')}</Tag>}
              </>
            ),
          },
          {
            key: 'photos',
            title: t('reports.tab.photos'),
            render: (_, row) => {
              if (!row.report) return t('reports.none');
              const flagged = flaggedPhotoCount(row.report.photos);
              return (
                <span data-testid="month-photos">
                  {t('reports.tab.photoCount', { count: row.report.photos.length })}
                  {flagged > 0 && (
                    <Tag color="warning" style={{ marginInlineStart: 4 }}>
                      {t('reports.tab.photoFlagged', { count: flagged })}
                    </Tag>
                  )}
                </span>
              );
            },
          },
          { key: 'due', title: t('reports.dueOn'), render: (_, row) => row.dueOn ?? t('reports.none') },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, row) => (
              <Flex gap={4}>
                {row.report && canReview && (
                  <Button size="small" onClick={() => setOpenId(row.report?.id ?? null)}>
                    {t('reports.view')}
                  </Button>
                )}
                {data?.canSubmit && (!row.report || row.report.abilities.canEdit) && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() =>
                      navigate(
                        `/reports/fill?project=${project.id}&month=${year}-${String(row.month).padStart(2, '0')}`,
                      )
                    }
                  >
                    {t('reports.tab.fill')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {openId && <ReportDrawer reportId={openId} onClose={() => setOpenId(null)} />}
    </Flex>
  );
}
