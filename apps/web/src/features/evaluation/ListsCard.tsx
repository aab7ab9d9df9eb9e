import type { EvaluationEntry } from '@tuijin/contracts';
import { Card, Col, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

function ListColumn({
  title,
  entries,
  testId,
  color,
}: {
  title: string;
  entries: EvaluationEntry[];
  testId: string;
  color: string;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<span style={{ color }}>{title}</span>} data-testid={testId}>
      <List
        size="small"
        dataSource={entries}
        locale={{ emptyText: t('evaluation.emptyList') }}
        renderItem={(e) => (
          <List.Item>
            <Typography.Text>
              {e.rank}. {e.name}
            </Typography.Text>
            <Typography.Text strong>{e.total}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 红榜 and 黑榜 side by side, and the exempted units kept off the black list with their reasons. */
export function ListsCard({ entries }: { entries: EvaluationEntry[] }) {
  const { t } = useTranslation();
  const spared = entries.filter((e) => e.isSparedByExemption);
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <ListColumn
          title={t('evaluation.redList')}
          testId="red-list"
          color="#cf1322"
          entries={entries.filter((e) => e.list === 'red')}
        />
      </Col>
      <Col xs={24} md={12}>
        <ListColumn
          title={t('evaluation.blackList')}
          testId="black-list"
          color="#262626"
          entries={entries.filter((e) => e.list === 'black')}
        />
        {spared.map((e) => (
          <Typography.Paragraph key={e.code} type="secondary" style={{ marginTop: 8 }}>
            {e.name}：{t('evaluation.exempt', { reason: e.exemptionReason })}
          </Typography.Paragraph>
        ))}
      </Col>
    </Row>
  );
}
