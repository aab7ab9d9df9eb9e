import { CopyOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ApprovalProcedure } from '@tuijin/contracts';
import { Alert, App, Button, Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useCurrentUser } from '../auth/use-current-user';
import { useApprovalCatalogue, useLoadApprovalPreset } from './approvals.queries';
import { ProcedureDrawer } from './ProcedureDrawer';
import './approvals.css';

type Editing = { kind: 'create' } | { kind: 'edit'; procedure: ApprovalProcedure };

/**
 * 手续目录: the catalogue that applies in the reader's jurisdiction (its own, or the nearest one above
 * it, read only); whoever may start the jurisdiction's own copies the inherited one (建立本级目录) or,
 * while none applies, loads the standard one; its procedures added and edited by whoever may manage it.
 */
export default function ApprovalCataloguePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const catalogue = useApprovalCatalogue(null);
  const loadPreset = useLoadApprovalPreset();
  const onError = useApiErrorHandler();
  const [editing, setEditing] = useState<Editing | null>(null);
  const data = catalogue.data;
  const procedures = data?.data ?? [];
  const names = new Map(procedures.map((procedure) => [procedure.code, procedure.name]));
  const canManage = data?.canManage ?? false;
  const canStartOwn = data?.canStartOwn ?? false;
  const isInherited = Boolean(data?.catalogueRegionCode && data.catalogueRegionCode !== data.regionCode);
  // Either way the server copies what applies here (the inherited catalogue, or the standard one).
  const startOwn = (done: string) =>
    loadPreset.mutate(me.region.code, {
      onSuccess: () => void message.success(done),
      onError: (error) => onError(error),
    });
  const yesNo = (value: boolean) => (value ? t('approvals.yes') : t('approvals.no'));

  return (
    <Card
      title={t('approvals.catalogue.title')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ kind: 'create' })}
            data-testid="procedure-create"
          >
            {t('approvals.catalogue.create')}
          </Button>
        )
      }
    >
      {catalogue.isError && <QueryError error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
      {data && (
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          {data.catalogueRegionName === null ? (
            <Alert type="info" showIcon title={t('approvals.catalogue.none')} />
          ) : isInherited ? (
            <Alert
              type="info"
              showIcon
              title={t('approvals.catalogue.inherited', { name: data.catalogueRegionName })}
              data-testid="catalogue-region"
            />
          ) : (
            <Typography.Text data-testid="catalogue-region">
              {t('approvals.catalogue.appliesTo', { name: data.catalogueRegionName })}
            </Typography.Text>
          )}
          {canStartOwn && isInherited && procedures.length > 0 && (
            <Flex vertical gap={8} align="flex-start">
              <Typography.Text type="secondary">
                {t('approvals.catalogue.startOwnHint', { name: data.catalogueRegionName })}
              </Typography.Text>
              <Button
                type="primary"
                icon={<CopyOutlined />}
                loading={loadPreset.isPending}
                onClick={() => startOwn(t('approvals.catalogue.started'))}
                data-testid="catalogue-start-own"
              >
                {t('approvals.catalogue.startOwn', { name: data.catalogueRegionName })}
              </Button>
            </Flex>
          )}
          {procedures.length === 0 && canStartOwn && (
            <Empty description={t('approvals.catalogue.loadPresetHint')}>
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                loading={loadPreset.isPending}
                onClick={() => startOwn(t('approvals.catalogue.loaded'))}
                data-testid="catalogue-load-preset"
              >
                {t('approvals.catalogue.loadPreset')}
              </Button>
            </Empty>
          )}
        </Flex>
      )}
      {(procedures.length > 0 || !canStartOwn) && (
        <Table<ApprovalProcedure>
          rowKey="id"
          size="small"
          className="tj-approval-catalogue"
          data-testid="catalogue-table"
          loading={catalogue.isFetching}
          dataSource={procedures}
          pagination={false}
          // A fixed minimum: names and 前置手续 wrap so 编辑 stays in sight on a laptop.
          scroll={{ x: 1000 }}
          tableLayout="auto"
          columns={[
            {
              key: 'name',
              title: t('approvals.fields.name'),
              render: (_, procedure) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text
                    strong={procedure.active}
                    type={procedure.active ? undefined : 'secondary'}
                  >
                    {procedure.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {procedure.code}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'department',
              title: t('approvals.fields.department'),
              render: (_, procedure) => procedure.departmentName ?? t('approvals.empty'),
            },
            {
              key: 'limits',
              title: t('approvals.catalogue.limits'),
              onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (_, procedure) =>
                t('approvals.catalogue.limitsValue', {
                  statutory: procedure.statutoryDays,
                  committed: procedure.committedDays,
                }),
            },
            {
              key: 'dependsOn',
              title: t('approvals.fields.dependsOn'),
              render: (_, procedure) =>
                procedure.dependsOn.length > 0
                  ? procedure.dependsOn.map((code) => names.get(code) ?? code).join('、')
                  : t('approvals.empty'),
            },
            {
              key: 'requiredBeforeStart',
              title: t('approvals.fields.requiredBeforeStart'),
              render: (_, procedure) => yesNo(procedure.requiredBeforeStart),
            },
            {
              key: 'routes',
              title: t('approvals.fields.routes'),
              render: (_, procedure) =>
                procedure.routes.length > 0
                  ? procedure.routes.map((route) => <Tag key={route}>{t(`approvals.route.${route}`)}</Tag>)
                  : t('approvals.catalogue.allRoutes'),
            },
            {
              key: 'deemedApproval',
              title: t('approvals.fields.deemedApproval'),
              render: (_, procedure) => yesNo(procedure.deemedApproval),
            },
            {
              key: 'active',
              title: t('approvals.fields.active'),
              render: (_, procedure) =>
                procedure.active ? (
                  <Tag color="success">{t('common.active')}</Tag>
                ) : (
                  <Tag>{t('common.inactive')}</Tag>
                ),
            },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    fixed: 'right' as const,
                    render: (_: unknown, procedure: ApprovalProcedure) => (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing({ kind: 'edit', procedure })}
                        data-testid="procedure-edit"
                      >
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && data && (
        <ProcedureDrawer
          regionCode={data.regionCode}
          procedure={editing.kind === 'edit' ? editing.procedure : undefined}
          procedures={procedures}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
