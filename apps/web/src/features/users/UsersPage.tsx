import { PlusOutlined } from '@ant-design/icons';
import type { User, UserQuery } from '@tuijin/contracts';
import { accountActions, type Role, roles } from '@tuijin/domain';
import {
  Badge,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../../components/FilterBar';
import { QueryError } from '../../components/QueryError';
import { usePagedFilters } from '../../components/use-paged-filters';
import { useLabels } from '../../i18n/use-labels';
import { useCurrentUser } from '../auth/use-current-user';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { UserActions, type UserDialog } from './UserActions';
import { UserCreateDrawer } from './UserCreateDrawer';
import { ResetPasswordModal, UserRolesModal } from './UserDialogs';
import { UserEditDrawer } from './UserEditDrawer';
import { canChangeAccount, canCreateUsers } from './user-abilities';
import { useUsers } from './users.queries';

type Filters = Pick<UserQuery, 'q' | 'role' | 'region'>;
type Open = { dialog: UserDialog; user: User } | { dialog: 'create' } | null;

/** Accounts of the jurisdiction; management buttons follow the person's abilities. */
export default function UsersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useCurrentUser();
  const [filterForm] = Form.useForm<Filters>();
  const { query, applyFilters, pagination } = usePagedFilters<Filters>();
  const users = useUsers(query);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const canAny = (user: User) => accountActions.some((action) => canChangeAccount(me, user, action));
  const hasRowActions = (users.data?.data ?? []).some(canAny);

  const columns: TableColumnsType<User> = [
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      render: (name: string, user) => (
        <Space size={4}>
          {name}
          {user.id === me.user.id && <Tag>{t('users.self')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.username'), dataIndex: 'username', key: 'username' },
    { title: t('users.organisation'), dataIndex: 'organisationName', key: 'organisationName' },
    { title: t('users.region'), dataIndex: 'regionName', key: 'regionName' },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (held: Role[]) => (
        <Space size={[4, 4]} wrap>
          {held.map((role) => (
            <Tag key={role} color="blue">
              {labels.role(role)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      key: 'isActive',
      render: (isActive: boolean) => (
        <Badge
          status={isActive ? 'success' : 'default'}
          text={t(isActive ? 'common.active' : 'common.inactive')}
        />
      ),
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      render: (at: string | null) =>
        at ? (
          dayjs(at).format('YYYY-MM-DD HH:mm')
        ) : (
          <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>
        ),
    },
  ];
  if (hasRowActions) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, user) =>
        canAny(user) ? (
          <UserActions
            user={user}
            allowed={(action) => canChangeAccount(me, user, action)}
            onOpen={(dialog, target) => setOpen({ dialog, user: target })}
          />
        ) : null,
    });
  }

  return (
    <Card
      title={t('users.title')}
      extra={
        canCreateUsers(me) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ dialog: 'create' })}>
            {t('users.create')}
          </Button>
        )
      }
    >
      <FilterBar form={filterForm} name="user-filters" onSearch={applyFilters}>
        <Form.Item name="q" label={t('common.keyword')}>
          <Input allowClear placeholder={t('users.searchPlaceholder')} className="tj-filter-sm" />
        </Form.Item>
        <Form.Item name="role" label={t('users.roles')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            className="tj-filter-sm"
            options={roles.map((role) => ({ value: role, label: labels.role(role) }))}
          />
        </Form.Item>
        <Form.Item name="region" label={t('users.region')}>
          <RegionTreeSelect className="tj-filter-md" placeholder={t('common.all')} />
        </Form.Item>
      </FilterBar>
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.data}
        loading={users.isFetching}
        pagination={pagination(users.data?.page.total)}
        scroll={{ x: 'max-content' }}
      />
      {open?.dialog === 'create' && <UserCreateDrawer onClose={close} />}
      {open?.dialog === 'edit' && <UserEditDrawer user={open.user} onClose={close} />}
      {open?.dialog === 'roles' && <UserRolesModal user={open.user} onClose={close} />}
      {open?.dialog === 'resetPassword' && <ResetPasswordModal user={open.user} onClose={close} />}
    </Card>
  );
}
