import { PlusOutlined } from '@ant-design/icons';
import type { BatchScheme } from '@tuijin/contracts';
import { Button, Card, Empty, Flex, Select, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { currentYear, useBatchSchemes } from './batches.queries';
import { CreateBatchSchemeModal } from './CreateBatchSchemeModal';

type Batch = BatchScheme['batches'][number];

/** 批次方案: a year's campaign schemes (四个一批…), each batch with the number of its projects. */
export default function BatchesPage() {
  const { t } = useTranslation();
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [isCreating, setCreating] = useState(false);
  const schemes = useBatchSchemes(year);
  const years = Array.from({ length: 6 }, (_, index) => thisYear + 1 - index);

  return (
    <Card
      title={t('batches.title')}
      extra={
        <Space wrap>
          <Select<number>
            value={year}
            onChange={setYear}
            aria-label={t('batches.year')}
            options={years.map((value) => ({ value, label: t('batches.yearOption', { year: value }) }))}
            style={{ width: 120 }}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('batches.create')}
          </Button>
        </Space>
      }
    >
      {schemes.isError && <QueryError error={schemes.error} onRetry={() => void schemes.refetch()} />}
      {schemes.isPending ? (
        <Spin />
      ) : (schemes.data ?? []).length === 0 ? (
        <Empty description={t('batches.noSchemes', { year })} />
      ) : (
        <Flex vertical gap={16}>
          {(schemes.data ?? []).map((scheme) => (
            <Card
              key={scheme.id}
              type="inner"
              size="small"
              title={
                <Space wrap>
                  {scheme.name}
                  <Tag>{scheme.regionName}</Tag>
                  <Tag color="blue">{scheme.year}</Tag>
                </Space>
              }
            >
              <Table<Batch>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={[...scheme.batches].sort((a, b) => a.sortOrder - b.sortOrder)}
                columns={[
                  { title: t('batches.batchName'), dataIndex: 'name', key: 'name' },
                  {
                    title: t('batches.projectCount'),
                    dataIndex: 'projectCount',
                    key: 'projectCount',
                    align: 'right',
                    width: 140,
                    render: (count: number, batch) => (
                      <Link to={`/projects?batch=${batch.id}`}>{t('batches.projects', { count })}</Link>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
        </Flex>
      )}
      {isCreating && <CreateBatchSchemeModal year={year} onClose={() => setCreating(false)} />}
    </Card>
  );
}
