import { defaultResultQuarter } from '@tuijin/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Popconfirm,
  Row,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../api/error-text';
import { QueryError } from '../../components/QueryError';
import { useCan, useCurrentUser } from '../auth/use-current-user';
import { useCurrentReportingPeriod } from '../reports/reporting-period';
import { AdjustmentsCard } from './AdjustmentsCard';
import {
  useComputeEvaluation,
  useCreateEvaluationScheme,
  useEvaluationHistory,
  useEvaluationResults,
  useEvaluationSchemes,
  usePublishEvaluation,
} from './evaluation.queries';
import { HistoryChart } from './HistoryChart';
import { ListsCard } from './ListsCard';
import { RankingTable } from './RankingTable';
import { SchemeEditor } from './SchemeEditor';
import { WhatItTakesCard } from './WhatItTakesCard';

function quarterOptions(year: number) {
  return [year, year - 1]
    .flatMap((y) => [4, 3, 2, 1].map((q) => `${y}Q${q}`))
    .map((value) => ({ value, label: value }));
}

/**
 * Opens 考评赛马 on `?quarter=`, else on the latest quarter, up to the current one (the quarter of the
 * current reporting month), whose ranking the reader can see — computed or published for the
 * scheme's office, published for readers below it — else on the current quarter.
 */
export default function EvaluationPage() {
  const [params] = useSearchParams();
  const schemes = useEvaluationSchemes();
  const period = useCurrentReportingPeriod();
  const asked = /^\d{4}Q[1-4]$/.test(params.get('quarter') ?? '') ? params.get('quarter') : null;
  const schemeId = params.get('scheme') ?? schemes.data?.[0]?.id;
  const current = period.data?.quarter;
  const year = current ? Number(current.slice(0, 4)) : 0;
  const runsOf = !asked && year > 0 ? schemeId : undefined;
  const thisYear = useEvaluationHistory(runsOf, year);
  const lastYear = useEvaluationHistory(runsOf, year - 1);
  if (period.isError) return <QueryError error={period.error} onRetry={() => void period.refetch()} />;
  const isWaiting =
    !current || schemes.isPending || (runsOf !== undefined && (thisYear.isPending || lastYear.isPending));
  if (isWaiting) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const withResults = [...(thisYear.data?.quarters ?? []), ...(lastYear.data?.quarters ?? [])];
  const quarter =
    asked ??
    defaultResultQuarter(
      current,
      withResults.map((q) => q.quarter),
    );
  return <EvaluationView quarter={quarter} currentYear={year} />;
}

/**
 * 考评赛马: pick a scheme and a quarter; the ranking with each unit's breakdown, the red and black
 * lists, the what-it-takes tool and the history across quarters; for the scheme's office also
 * compute, publish, bonuses/penalties/exemptions and the scheme editor.
 */
function EvaluationView({ quarter, currentYear }: { quarter: string; currentYear: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const schemes = useEvaluationSchemes();
  const schemeId = params.get('scheme') ?? schemes.data?.[0]?.id;
  const scheme = schemes.data?.find((s) => s.id === schemeId);
  const results = useEvaluationResults(scheme?.id, quarter);
  const history = useEvaluationHistory(scheme?.id, Number(quarter.slice(0, 4)));
  const create = useCreateEvaluationScheme();
  const compute = useComputeEvaluation();
  const publish = usePublishEvaluation();
  const set = (key: string, value: string) =>
    setParams((old) => {
      const next = new URLSearchParams(old);
      next.set(key, value);
      return next;
    });
  const onError = (e: unknown) => void message.error(errorText(e));

  const run = results.data?.run ?? null;
  const entries = results.data?.entries ?? [];

  const header = (
    <Card style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('evaluation.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('evaluation.intro')}</Typography.Paragraph>
      {scheme && (
        <Space wrap>
          <span>{t('evaluation.scheme')}</span>
          <Select
            style={{ minWidth: 280 }}
            value={scheme.id}
            onChange={(value) => set('scheme', value)}
            options={(schemes.data ?? []).map((s) => ({ value: s.id, label: `${s.regionName} · ${s.name}` }))}
            data-testid="scheme-select"
          />
          <span>{t('evaluation.quarter')}</span>
          <Select
            style={{ width: 120 }}
            value={quarter}
            onChange={(value) => set('quarter', value)}
            options={quarterOptions(currentYear)}
            data-testid="quarter-select"
          />
          {run && (
            <Tag color={run.status === 'published' ? 'blue' : 'default'}>
              {t(`evaluation.status.${run.status}`)}
            </Tag>
          )}
          {scheme.canManage && (
            <>
              <Button
                onClick={() =>
                  compute.mutate(
                    { id: scheme.id, quarter },
                    {
                      onSuccess: (r) => void message.success(t('evaluation.computed', { count: r.entries })),
                      onError,
                    },
                  )
                }
                loading={compute.isPending}
                disabled={run?.status === 'published'}
              >
                {t('evaluation.compute')}
              </Button>
              <Popconfirm
                title={t('evaluation.publishConfirm')}
                onConfirm={() =>
                  publish.mutate(
                    { id: scheme.id, quarter },
                    { onSuccess: () => void message.success(t('evaluation.published')), onError },
                  )
                }
                disabled={!run || run.status === 'published'}
              >
                <Button
                  type="primary"
                  loading={publish.isPending}
                  disabled={!run || run.status === 'published'}
                >
                  {t('evaluation.publish')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      )}
      {run && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('evaluation.runInfo', {
            version: run.schemeVersion,
            by: run.computedByName,
            at: dayjs(run.computedAt).format('YYYY-MM-DD HH:mm'),
          })}
          {run.publishedAt &&
            ` · ${t('evaluation.runPublished', { by: run.publishedByName, at: dayjs(run.publishedAt).format('YYYY-MM-DD HH:mm') })}`}
        </Typography.Paragraph>
      )}
    </Card>
  );

  if (schemes.error) return <QueryError error={schemes.error} onRetry={() => void schemes.refetch()} />;
  if (schemes.data && schemes.data.length === 0)
    return (
      <>
        {header}
        <Card>
          <Empty description={t('evaluation.noScheme')}>
            {can('evaluation.manage') && (
              <Space>
                {(['region', 'department'] as const).map((entityKind) => (
                  <Button
                    key={entityKind}
                    type={entityKind === 'region' ? 'primary' : 'default'}
                    loading={create.isPending}
                    onClick={() =>
                      create.mutate(
                        {
                          regionCode: me.region.code,
                          name: `${me.region.name}${t(`evaluation.entityKinds.${entityKind}`)}${t('evaluation.title')}`,
                          entityKind,
                          preset: 'standard',
                          rules: null,
                        },
                        { onError },
                      )
                    }
                  >
                    {t('evaluation.createFromPreset', { kind: t(`evaluation.entityKinds.${entityKind}`) })}
                  </Button>
                ))}
              </Space>
            )}
          </Empty>
        </Card>
      </>
    );
  if (!scheme) return header;

  const ranking = (
    <>
      {results.error && <QueryError error={results.error} onRetry={() => void results.refetch()} />}
      {results.data?.isStale && run && (
        <Alert
          type="warning"
          showIcon
          title={t('evaluation.stale', { version: run.schemeVersion })}
          style={{ marginBottom: 16 }}
        />
      )}
      {results.data && !run && (
        <Empty
          style={{ margin: '24px 0' }}
          description={scheme.canManage ? t('evaluation.notComputed') : t('evaluation.notPublished')}
        />
      )}
      {run && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <ListsCard entries={entries} />
          <RankingTable entries={entries} />
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <WhatItTakesCard schemeId={scheme.id} quarter={quarter} entries={entries} />
            </Col>
            <Col xs={24} lg={12}>
              <HistoryChart history={history.data} />
            </Col>
          </Row>
        </Space>
      )}
    </>
  );

  return (
    <>
      {header}
      <Card>
        <Tabs
          items={[
            { key: 'ranking', label: t('evaluation.tabs.ranking'), children: ranking },
            ...(scheme.canManage
              ? [
                  {
                    key: 'adjustments',
                    label: t('evaluation.tabs.adjustments'),
                    children: (
                      <AdjustmentsCard
                        schemeId={scheme.id}
                        quarter={quarter}
                        canManage={scheme.canManage}
                        units={scheme.entities}
                      />
                    ),
                  },
                ]
              : []),
            { key: 'scheme', label: t('evaluation.tabs.scheme'), children: <SchemeEditor scheme={scheme} /> },
          ]}
        />
      </Card>
    </>
  );
}
