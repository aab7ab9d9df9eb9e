import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from './calendar.queries';
import { useRestoreOfficial } from './use-restore-official';

interface CalendarDaysTableProps {
  days: CalendarDay[];
  loading: boolean;
  /** Present only for people who may change the calendar. */
  onEdit?: (date: string) => void;
}

export const kindColor: Record<CalendarDay['kind'], string> = { holiday: 'red', workday: 'blue' };

/** The year's days off and make-up workdays as a list, with the same actions as the month grid. */
export function CalendarDaysTable({ days, loading, onEdit }: CalendarDaysTableProps) {
  const { t } = useTranslation();
  const restore = useRestoreOfficial();

  const columns: ColumnsType<CalendarDay> = [
    { title: t('calendar.date'), dataIndex: 'date', width: 120 },
    {
      title: t('calendar.weekday'),
      key: 'weekday',
      width: 100,
      render: (_, day) => dayjs(day.date).format('dddd'),
    },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (kind: CalendarDay['kind']) => <Tag color={kindColor[kind]}>{t(`calendar.${kind}`)}</Tag>,
    },
    { title: t('calendar.name'), dataIndex: 'name', render: (name: string | null) => name ?? '' },
    {
      title: t('calendar.source'),
      dataIndex: 'source',
      width: 130,
      render: (source: CalendarDay['source']) =>
        source === 'override' ? (
          <Tag color="gold">{t('calendar.sourceOverride')}</Tag>
        ) : (
          <Tag>{t('calendar.sourcePackage')}</Tag>
        ),
    },
  ];
  if (onEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, day) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => onEdit(day.date)}>
            {t('calendar.change')}
          </Button>
          {day.source === 'override' && (
            <Popconfirm
              title={t('calendar.restoreConfirm', { date: day.date })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => restore.run(day.date)}
            >
              <Button type="link" size="small" danger loading={restore.pendingDate === day.date}>
                {t('calendar.restore')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Table<CalendarDay>
      rowKey="date"
      size="small"
      columns={columns}
      dataSource={days}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('calendar.empty') }}
      data-testid="calendar-days"
    />
  );
}
