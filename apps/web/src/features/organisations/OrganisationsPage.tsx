import { PlusOutlined } from '@ant-design/icons';
import type { Organisation, OrganisationQuery } from '@tuijin/contracts';
import { organisationKinds } from '@tuijin/domain';
import { Badge, Button, Card, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../../components/FilterBar';
import { QueryError } from '../../components/QueryError';
import { usePagedFilters } from '../../components/use-paged-filters';
import { useLabels } from '../../i18n/use-labels';
import { useCan } from '../auth/use-current-user';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { OrganisationDrawer } from './OrganisationDrawer';
import { useOrganisations } from './organisations.queries';

type Filters = Pick<OrganisationQuery, 'q' | 'kind' | 'region'>;
type Editing = { organisation?: Organisation } | null;

/** Organisations of the jurisdiction: filter, page, and create or edit when permitted. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const canManage = useCan()('organisation.manage');
  const [filterForm] = Form.useForm<Filters>();
  const { query, applyFilters, pagination } = usePagedFilters<Filters>();
  const organisations = useOrganisations(query);
  const [editing, setEditing] = useState<Editing>(null);

  const columns: TableColumnsType<Organisation> = [
    { title: t('organisations.name'), dataIndex: 'name', key: 'name' },
    { title: t('organisations.kind'), dataIndex: 'kind', key: 'kind', render: labels.organisationKind },
    { title: t('organisations.region'), dataIndex: 'regionName', key: 'regionName' },
    { title: t('organisations.sector'), dataIndex: 'sector', key: 'sector', render: labels.sector },
    { title: t('organisations.contactPerson'), dataIndex: 'contactPerson', key: 'contactPerson' },
    { title: t('organisations.contactPhone'), dataIndex: 'contactPhone', key: 'contactPhone' },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      key: 'isActive',
      render: (isActive: boolean) =>
        isActive ? (
          <Badge status="success" text={t('common.active')} />
        ) : (
          <Badge status="default" text={t('common.inactive')} />
        ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, organisation) => (
        <Button type="link" size="small" onClick={() => setEditing({ organisation })}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={t('organisations.title')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('organisations.create')}
          </Button>
        )
      }
    >
      <FilterBar form={filterForm} name="organisation-filters" onSearch={applyFilters}>
        <Form.Item name="q" label={t('common.keyword')}>
          <Input allowClear placeholder={t('organisations.searchPlaceholder')} className="tj-filter-md" />
        </Form.Item>
        <Form.Item name="kind" label={t('organisations.kind')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            className="tj-filter-sm"
            options={organisationKinds.map((value) => ({ value, label: labels.organisationKind(value) }))}
          />
        </Form.Item>
        <Form.Item name="region" label={t('organisations.region')}>
          <RegionTreeSelect className="tj-filter-md" placeholder={t('common.all')} />
        </Form.Item>
      </FilterBar>
      {organisations.isError && (
        <QueryError error={organisations.error} onRetry={() => void organisations.refetch()} />
      )}
      <Table<Organisation>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={organisations.data?.data}
        loading={organisations.isFetching}
        pagination={pagination(organisations.data?.page.total)}
        scroll={{ x: 'max-content' }}
      />
      {editing && <OrganisationDrawer organisation={editing.organisation} onClose={() => setEditing(null)} />}
    </Card>
  );
}
