import type { LetterEntry, LetterQuery, LetterSummary } from '@tuijin/contracts';
import {
  Card,
  Col,
  DatePicker,
  Flex,
  Input,
  InputNumber,
  Row,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useLetterLedger, useLetterSummary } from './letters.queries';

const statusColours = { issued: 'orange', sent: 'blue', replied: 'green' } as const;

/** 函件统计: the year's letters by kind, quarter, month and recipient; replied and overdue. */
function SummaryCards({ summary }: { summary: LetterSummary }) {
  const { t } = useTranslation();
  const counts = (items: { label: string; count: number }[]) => (
    <Flex gap={6} wrap>
      {items.map((item) => (
        <Tag key={item.label}>
          {item.label}：{t('letters.count', { count: item.count })}
        </Tag>
      ))}
    </Flex>
  );
  return (
    <Flex vertical gap={12} data-testid="letter-summary">
      <Row gutter={[12, 12]}>
        {(
          [
            ['total', summary.total],
            ['reminder', summary.byKind.reminder],
            ['supervision', summary.byKind.supervision],
            ['replied', summary.replied],
            ['overdueReply', summary.overdueReply],
          ] as const
        ).map(([key, value]) => (
          <Col xs={12} md={4} key={key}>
            <Statistic
              data-testid={`letter-count-${key}`}
              title={
                key === 'reminder' || key === 'supervision'
                  ? t(`problemLetters.kinds.${key}`)
                  : t(`letters.${key}`)
              }
              value={value}
            />
          </Col>
        ))}
      </Row>
      <div>
        <Typography.Text type="secondary">{t('letters.byQuarter')}</Typography.Text>
        {counts(summary.byQuarter.map((count, i) => ({ label: t('letters.quarter', { n: i + 1 }), count })))}
      </div>
      <div>
        <Typography.Text type="secondary">{t('letters.byMonth')}</Typography.Text>
        {counts(
          summary.byMonth
            .map((count, i) => ({ label: t('letters.month', { n: i + 1 }), count }))
            .filter((m) => m.count > 0),
        )}
      </div>
      <div>
        <Typography.Text type="secondary">{t('letters.byRecipient')}</Typography.Text>
        {counts(summary.byRecipient.map((r) => ({ label: r.recipientOrganisationName, count: r.count })))}
      </div>
    </Flex>
  );
}

/** 函件台账: the letters of my jurisdiction (on problems and on projects) with filters and the year's counts. */
export default function LettersPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(dayjs().year());
  const [query, setQuery] = useState<LetterQuery>({});
  const summary = useLetterSummary(year);
  const ledger = useLetterLedger(query);
  const set = (change: Partial<LetterQuery>) => setQuery((q) => ({ ...q, ...change }));
  const columns: TableColumnsType<LetterEntry> = [
    { title: t('letters.issuedOn'), dataIndex: 'issuedOn', width: 110 },
    { title: t('problemLetters.serial'), dataIndex: 'serial', width: 140 },
    {
      title: t('problemLetters.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (kind: LetterEntry['kind']) => t(`problemLetters.kinds.${kind}`),
    },
    {
      title: t('letters.project'),
      dataIndex: 'projectName',
      render: (name: string, row) => (
        <Link to={row.link}>
          {name}
          {row.problemReferenceNumber ? ` · ${row.problemReferenceNumber}` : ''}
        </Link>
      ),
    },
    {
      title: t('letters.subject'),
      dataIndex: 'subject',
      width: 110,
      render: (subject: LetterEntry['subject'], row) =>
        row.reason ? t(`projectLetters.reasons.${row.reason}`) : t(`letters.subjects.${subject}`),
    },
    { title: t('letters.recipient'), dataIndex: 'recipientOrganisationName' },
    { title: t('letters.issuer'), dataIndex: 'issuerOrganisationName', responsive: ['lg'] },
    { title: t('problemLetters.replyDueOn'), dataIndex: 'replyDueOn', width: 110 },
    {
      title: t('letters.status'),
      dataIndex: 'status',
      width: 140,
      render: (status: LetterEntry['status'], row) => (
        <Flex gap={4} wrap>
          <Tag color={statusColours[status]}>{t(`problemLetters.statuses.${status}`)}</Tag>
          {row.isReplyOverdue && <Tag color="error">{t('letters.overdue')}</Tag>}
        </Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('letters.title')}
        extra={
          <Flex gap={8} align="center">
            <span>{t('letters.year')}</span>
            <InputNumber
              aria-label={t('letters.year')}
              min={2000}
              max={2100}
              value={year}
              onChange={(value) => value && setYear(value)}
            />
          </Flex>
        }
      >
        {summary.isError && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
        {summary.data && <SummaryCards summary={summary.data} />}
      </Card>
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <DatePicker.RangePicker
            aria-label={t('letters.period')}
            onChange={(range) =>
              set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
          <Select
            aria-label={t('problemLetters.kind')}
            style={{ width: 120 }}
            value={query.kind ?? ''}
            onChange={(kind: LetterQuery['kind'] | '') => set({ kind: kind || undefined })}
            options={[
              { value: '', label: t('letters.all') },
              { value: 'reminder', label: t('problemLetters.kinds.reminder') },
              { value: 'supervision', label: t('problemLetters.kinds.supervision') },
            ]}
          />
          <Select
            aria-label={t('letters.subject')}
            style={{ width: 120 }}
            value={query.subject ?? ''}
            onChange={(subject: LetterQuery['subject'] | '') => set({ subject: subject || undefined })}
            options={[
              { value: '', label: t('letters.all') },
              { value: 'project', label: t('letters.subjects.project') },
              { value: 'problem', label: t('letters.subjects.problem') },
            ]}
          />
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('letters.recipientPlaceholder')}
            onSearch={(recipient) => set({ recipient: recipient.trim() || undefined })}
          />
        </Flex>
        {ledger.isError && <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} />}
        <Table
          data-testid="letters-table"
          rowKey="id"
          size="small"
          loading={ledger.isFetching}
          columns={columns}
          dataSource={ledger.data?.data ?? []}
          locale={{ emptyText: t('letters.none') }}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
        />
      </Card>
    </Flex>
  );
}
