import type { BankPush } from '@tuijin/contracts';
import {
  Button,
  Descriptions,
  Drawer,
  Flex,
  Grid,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { BankEventForm } from './BankEventForm';
import { useBankEvent } from './bank-matchmaking.queries';

/** 对接会详情: venue, organiser, banks attending, and each pushed project × bank with the credit signed. */
export function BankEventDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const event = useBankEvent(id);
  const [editing, setEditing] = useState(false);
  const data = event.data;
  const columns: TableColumnsType<BankPush> = [
    {
      title: t('bankMatchmaking.columns.project'),
      dataIndex: 'projectName',
      render: (name: string, row) => <Link to={`/projects/${row.projectId}?tab=funds`}>{name}</Link>,
    },
    { title: t('bankMatchmaking.columns.region'), dataIndex: 'regionName' },
    {
      title: t('bankMatchmaking.columns.need'),
      dataIndex: 'financingNeedWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    { title: t('bankMatchmaking.columns.purpose'), dataIndex: 'purpose' },
    {
      title: t('bankMatchmaking.columns.signed'),
      key: 'banks',
      render: (_: unknown, row) => (
        <Flex vertical gap={2}>
          {row.banks.map((b) => (
            <span key={b.bankId}>
              <Tag>{b.bankName}</Tag>
              {b.signedWanYuan === null
                ? t('bankMatchmaking.event.noSigned')
                : formatTableAmount(b.signedWanYuan)}
            </span>
          ))}
        </Flex>
      ),
    },
  ];
  return (
    <Drawer
      open
      title={data?.title ?? ''}
      size={screens.sm === false ? '100%' : 900}
      onClose={onClose}
      extra={
        data?.canManage && <Button onClick={() => setEditing(true)}>{t('bankMatchmaking.editEvent')}</Button>
      }
    >
      {event.isError && <QueryError error={event.error} onRetry={() => void event.refetch()} />}
      {event.isPending && <Spin />}
      {data && (
        <Flex vertical gap={12} data-testid="bank-event-drawer">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('bankMatchmaking.event.heldOn')}>{data.heldOn}</Descriptions.Item>
            <Descriptions.Item label={t('bankMatchmaking.event.venue')}>{data.venue}</Descriptions.Item>
            <Descriptions.Item label={t('bankMatchmaking.event.organiser')}>
              {data.organiser}
            </Descriptions.Item>
            <Descriptions.Item label={t('bankMatchmaking.event.banks')}>
              {data.banks.map((b) => b.name).join('、')}
            </Descriptions.Item>
            {data.note && (
              <Descriptions.Item label={t('bankMatchmaking.event.note')}>{data.note}</Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Text strong data-testid="bank-event-summary">
            {t('bankMatchmaking.event.summary', {
              projects: data.projectsPushed,
              amount: formatTableAmount(data.creditSignedWanYuan),
            })}
          </Typography.Text>
          <Table
            rowKey="projectId"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={columns}
            dataSource={data.pushes}
          />
        </Flex>
      )}
      {editing && data && <BankEventForm event={data} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}
