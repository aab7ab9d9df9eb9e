import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import type { FieldVisit, VisitorKind } from '@tuijin/contracts';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Dropdown,
  Flex,
  Form,
  Progress,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FilterBar } from '../../components/FilterBar';
import { flaggedPhotoCount } from '../../components/photo-evidence/photo-evidence';
import { QueryError } from '../../components/QueryError';
import { usePagedFilters } from '../../components/use-paged-filters';
import { useMe } from '../auth/auth.queries';
import { RaiseProblemModal } from '../problems/RaiseProblemModal';
import { todayIso } from './DispatchBits';
import { useDispatchError } from './use-dispatch-error';
import { VisitDrawer } from './VisitDrawer';
import { VisitPhotosDrawer } from './VisitPhotosDrawer';
import { periodSpan, quarterOf, recentQuarters } from './visit-logic';
import { useFieldVisits, useLinkVisitProblem, useVisitCoverage } from './visits.queries';
import './dispatch.css';

const kindColours: Record<VisitorKind, string> = {
  leader: 'red',
  head: 'volcano',
  department: 'blue',
  serviceGroup: 'green',
};

/** 走访人 as a coloured kind tag and the name on the record. */
export function VisitorTag({ kind, name }: { kind: VisitorKind; name: string }) {
  const { t } = useTranslation();
  return (
    <span>
      <Tag color={kindColours[kind]}>{t(`visits.kinds.${kind}`)}</Tag>
      {name}
    </span>
  );
}

/** 走访覆盖率: the share of key projects visited in a quarter, overall and per visitor. */
function CoverageCard() {
  const { t } = useTranslation();
  const [quarter, setQuarter] = useState(() => quarterOf(todayIso()));
  const coverage = useVisitCoverage(quarter);
  const data = coverage.data;
  return (
    <Card
      size="small"
      title={t('visits.coverage.title')}
      extra={
        <Select
          value={quarter}
          onChange={setQuarter}
          data-testid="coverage-quarter"
          options={recentQuarters(todayIso(), 6).map((q) => ({ value: q, label: q }))}
        />
      }
      data-testid="visit-coverage"
    >
      {coverage.isError && <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />}
      {data && (
        <Flex vertical gap={12}>
          <Flex wrap gap={24}>
            <Statistic title={t('visits.coverage.keyProjects')} value={data.keyProjects} />
            <Statistic title={t('visits.coverage.visited')} value={data.visited} />
            <Statistic title={t('visits.coverage.share')} value={data.share} suffix="%" />
          </Flex>
          <Table
            rowKey={(r) => `${r.visitorKind}:${r.visitorName}`}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={data.byVisitor}
            locale={{ emptyText: t('visits.coverage.empty') }}
            columns={[
              {
                key: 'visitor',
                title: t('visits.visitor'),
                render: (_, r) => <VisitorTag kind={r.visitorKind} name={r.visitorName} />,
              },
              { key: 'visits', title: t('visits.coverage.visits'), dataIndex: 'visits' },
              { key: 'projects', title: t('visits.coverage.projectsVisited'), dataIndex: 'projectsVisited' },
              {
                key: 'share',
                title: t('visits.coverage.share'),
                render: (_, r) => <Progress percent={Number(r.share)} size="small" style={{ width: 120 }} />,
              },
              { key: 'found', title: t('visits.problemsFound'), dataIndex: 'problemsFound' },
              { key: 'solved', title: t('visits.solvedOnSpot'), dataIndex: 'solvedOnSpot' },
            ]}
          />
        </Flex>
      )}
    </Card>
  );
}

interface VisitFilters {
  period?: Dayjs | null;
  visitor?: string;
}

/**
 * 一线走访: the jurisdiction's visits (who, when, projects, problems found, solved on the spot, photos),
 * by month or quarter and visitor; 登记走访; 发现问题 raises a problem (channel 一线走访) on one of the
 * visit's projects and links it; the quarter's coverage above.
 */
export default function VisitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canManage = me.data?.abilities.includes('dispatch.manage') ?? false;
  const [form] = Form.useForm<VisitFilters>();
  const [mode, setMode] = useState<'month' | 'quarter'>('quarter');
  const { query, applyFilters, pagination } = usePagedFilters<{
    from?: string;
    to?: string;
    visitor?: string;
  }>(periodSpan(quarterOf(todayIso())));
  const [params, setParams] = useSearchParams();
  const oneVisit = params.get('visit');
  const visits = useFieldVisits(oneVisit ? { id: oneVisit, page: 1, pageSize: 1 } : query);
  const coverage = useVisitCoverage(quarterOf(todayIso()));
  const link = useLinkVisitProblem();
  const onError = useDispatchError();
  const [isRecording, setRecording] = useState(false);
  const [showing, setShowing] = useState<FieldVisit | null>(null);
  const [raising, setRaising] = useState<{ visit: FieldVisit; project: { id: string; name: string } } | null>(
    null,
  );

  const search = ({ period, visitor }: VisitFilters) =>
    applyFilters({
      ...(period
        ? periodSpan(mode === 'month' ? period.format('YYYY-MM') : quarterOf(period.format('YYYY-MM-DD')))
        : {}),
      visitor: visitor?.trim() || undefined,
    });

  return (
    <Flex vertical gap={16}>
      <CoverageCard />
      <Card
        title={t('visits.title')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRecording(true)}
              data-testid="visit-add"
            >
              {t('visits.add')}
            </Button>
          )
        }
      >
        <FilterBar<VisitFilters> form={form} name="visit-filters" onSearch={search}>
          <Form.Item>
            <Segmented
              value={mode}
              onChange={(value) => setMode(value as 'month' | 'quarter')}
              options={[
                { value: 'month', label: t('visits.byMonth') },
                { value: 'quarter', label: t('visits.byQuarter') },
              ]}
            />
          </Form.Item>
          <Form.Item name="period" initialValue={dayjs()}>
            <DatePicker picker={mode} allowClear data-testid="visit-period" />
          </Form.Item>
          <Form.Item name="visitor">
            <AutoComplete
              allowClear
              className="tj-filter-md"
              placeholder={t('visits.anyVisitor')}
              options={[...new Set((coverage.data?.byVisitor ?? []).map((v) => v.visitorName))].map(
                (name) => ({
                  value: name,
                }),
              )}
            />
          </Form.Item>
        </FilterBar>
        {oneVisit && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('visits.oneRecord')}
            action={
              <Button size="small" onClick={() => setParams({})} data-testid="visit-show-all">
                {t('visits.showAll')}
              </Button>
            }
          />
        )}
        {visits.isError && <QueryError error={visits.error} onRetry={() => void visits.refetch()} />}
        <Table<FieldVisit>
          rowKey="id"
          size="small"
          className="tj-dispatch-table"
          loading={visits.isFetching}
          dataSource={visits.data?.data ?? []}
          pagination={oneVisit ? false : pagination(visits.data?.page.total)}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('visits.empty') }}
          data-testid="visits"
          columns={[
            { key: 'visitedOn', title: t('visits.visitedOn'), dataIndex: 'visitedOn' },
            {
              key: 'visitor',
              title: t('visits.visitor'),
              render: (_, v) => <VisitorTag kind={v.visitorKind} name={v.visitorName} />,
            },
            {
              key: 'projects',
              title: t('visits.projects'),
              render: (_, v) => (
                <span className="tj-task-cell is-wide">
                  {v.projects.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && '、'}
                      <Link to={`/projects/${p.id}`}>{p.name}</Link>
                    </span>
                  ))}
                </span>
              ),
            },
            {
              key: 'problems',
              title: t('visits.problemsFound'),
              render: (_, v) =>
                v.problems.length === 0 ? (
                  '—'
                ) : (
                  <Space wrap size={4} data-testid="visit-problems">
                    {v.problems.map((p) => (
                      <Link key={p.id} to={`/problems/${p.id}`}>
                        {p.referenceNumber}
                      </Link>
                    ))}
                  </Space>
                ),
            },
            { key: 'solved', title: t('visits.solvedOnSpot'), dataIndex: 'solvedOnSpot' },
            {
              key: 'photos',
              title: t('visits.photos'),
              render: (_, v) => {
                if (v.photos.length === 0) return 0;
                const flagged = flaggedPhotoCount(v.photos);
                return (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setShowing(v)}
                    data-testid="visit-photos-open"
                    aria-label={t('photos.visit.open')}
                  >
                    {t('photos.visit.count', { count: v.photos.length })}
                    {flagged > 0 && (
                      <Tag color="error" style={{ marginInlineStart: 4 }} data-testid="visit-photos-flag">
                        <WarningOutlined /> {flagged}
                      </Tag>
                    )}
                  </Button>
                );
              },
            },
            { key: 'by', title: t('visits.recordedBy'), dataIndex: 'createdByName' },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: t('visits.actions'),
                    render: (_: unknown, v: FieldVisit) => (
                      <Dropdown
                        trigger={['click']}
                        menu={{
                          items: v.projects.map((p) => ({ key: p.id, label: p.name })),
                          onClick: ({ key }) =>
                            setRaising({ visit: v, project: v.projects.find((p) => p.id === key)! }),
                        }}
                      >
                        <Button size="small" data-testid="visit-raise">
                          {t('visits.raise')}
                        </Button>
                      </Dropdown>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {isRecording && (
        <VisitDrawer
          onClose={() => setRecording(false)}
          onSaved={(visit) => {
            void message.success(
              t('visits.saved', { name: visit.visitorName, count: visit.projects.length }),
            );
            const flagged = flaggedPhotoCount(visit.photos);
            if (flagged > 0) void message.warning(t('photos.evidence.summary', { count: flagged }));
            setRecording(false);
          }}
        />
      )}
      {showing && <VisitPhotosDrawer visit={showing} onClose={() => setShowing(null)} />}
      {raising && (
        <RaiseProblemModal
          open
          channel="visit"
          project={raising.project}
          onClose={() => setRaising(null)}
          onRaised={(problem) =>
            link.mutate(
              { visitId: raising.visit.id, problemId: problem.id },
              {
                onSuccess: () =>
                  void message.success(t('visits.linked', { number: problem.referenceNumber })),
                onError: (error) => onError(error),
              },
            )
          }
        />
      )}
    </Flex>
  );
}
