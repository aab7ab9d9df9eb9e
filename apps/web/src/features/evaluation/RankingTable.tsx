import type { EvaluationEntry } from '@tuijin/contracts';
import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 红榜/黑榜 tag of an entry, or the exemption note. */
export function ListTag({ entry }: { entry: EvaluationEntry }) {
  const { t } = useTranslation();
  if (entry.list === 'red') return <Tag color="red">{t('evaluation.lists.red')}</Tag>;
  if (entry.list === 'black')
    return (
      <Tag color="default" style={{ background: '#262626', color: '#fff' }}>
        {t('evaluation.lists.black')}
      </Tag>
    );
  if (entry.isSparedByExemption) return <Tag color="gold">{t('evaluation.spared')}</Tag>;
  return null;
}

/** One entry's score broken into its inputs: numerator, denominator, rate, weight and points per indicator, then adjustments. */
export function ScoreBreakdown({ entry }: { entry: EvaluationEntry }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`breakdown-${entry.code}`}>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={entry.indicators}
        columns={[
          {
            title: t('evaluation.breakdown.indicator'),
            dataIndex: 'key',
            render: (key: EvaluationEntry['indicators'][number]['key']) => t(`evaluation.indicators.${key}`),
          },
          {
            title: t('evaluation.breakdown.inputs'),
            key: 'inputs',
            render: (_, i) =>
              t(`evaluation.inputs.${i.key}`, { numerator: i.numerator, denominator: i.denominator }),
          },
          {
            title: t('evaluation.breakdown.rate'),
            key: 'rate',
            render: (_, i) =>
              i.isNotApplicable ? (
                <Typography.Text type="secondary">{t('evaluation.breakdown.notApplicable')}</Typography.Text>
              ) : (
                <>
                  {i.percent}%
                  {i.scoredPercent !== i.percent && (
                    <Typography.Text type="secondary">（{t('evaluation.breakdown.capped')}）</Typography.Text>
                  )}
                </>
              ),
          },
          { title: t('evaluation.breakdown.weight'), dataIndex: 'weight', align: 'right' },
          { title: t('evaluation.breakdown.points'), dataIndex: 'points', align: 'right' },
        ]}
      />
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        {entry.adjustments.map((a, index) => (
          <Descriptions.Item key={`${a.kind}-${index}`} label={t(`evaluation.breakdown.${a.kind}`)}>
            {a.kind === 'bonus' ? '+' : '−'}
            {a.points}（{a.reason}）
          </Descriptions.Item>
        ))}
        {entry.exemptionReason && (
          <Descriptions.Item label={t('evaluation.adjust.kinds.exemption')}>
            {entry.exemptionReason}
          </Descriptions.Item>
        )}
        {entry.timeProgressPercent && (
          <Descriptions.Item label={t('evaluation.columns.target')}>
            {t('evaluation.breakdown.timeProgress', { percent: entry.timeProgressPercent })}
          </Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}

/** The quarter's ranking; each row expands into its score breakdown. */
export function RankingTable({ entries }: { entries: EvaluationEntry[] }) {
  const { t } = useTranslation();
  return (
    <Table
      data-testid="ranking-table"
      size="middle"
      rowKey="code"
      pagination={false}
      dataSource={entries}
      expandable={{ expandedRowRender: (entry) => <ScoreBreakdown entry={entry} /> }}
      columns={[
        { title: t('evaluation.columns.rank'), dataIndex: 'rank', width: 80 },
        { title: t('evaluation.columns.name'), dataIndex: 'name' },
        { title: t('evaluation.columns.indicatorPoints'), dataIndex: 'indicatorPoints', align: 'right' },
        { title: t('evaluation.columns.adjustmentPoints'), dataIndex: 'adjustmentPoints', align: 'right' },
        {
          title: t('evaluation.columns.total'),
          dataIndex: 'total',
          align: 'right',
          render: (total: string) => <Typography.Text strong>{total}</Typography.Text>,
        },
        {
          title: t('evaluation.columns.target'),
          dataIndex: 'isTargetMet',
          render: (met: boolean) =>
            met ? (
              <Tag color="green">{t('evaluation.targetMet')}</Tag>
            ) : (
              <Tag>{t('evaluation.targetMissed')}</Tag>
            ),
        },
        { title: t('evaluation.columns.list'), key: 'list', render: (_, entry) => <ListTag entry={entry} /> },
      ]}
    />
  );
}
