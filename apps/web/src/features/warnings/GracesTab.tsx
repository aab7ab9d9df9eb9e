import type { CreateWarningGrace, WarningGrace } from '@tuijin/contracts';
import { type WarningDimension, warningDimensions } from '@tuijin/domain';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useCan } from '../auth/use-current-user';
import { useCreateGrace, useRevokeGrace, useWarningGraces, useWarnings } from './warnings.queries';

interface GraceForm {
  projectId: string;
  dimension: WarningDimension;
  fromMonth: Dayjs;
  toMonth: Dayjs | null;
  reason: string;
}

/** 正当理由: the recorded exceptions, and (for offices) recording and revoking them. */
export function GracesTab({ month }: { month: Dayjs }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const reportError = useApiErrorHandler();
  const graces = useWarningGraces();
  const [isAdding, setAdding] = useState(false);
  const warned = useWarnings({ month: month.format('YYYY-MM'), page: 1, pageSize: 200 }, isAdding);
  const create = useCreateGrace();
  const revoke = useRevokeGrace();
  const [form] = Form.useForm<GraceForm>();
  const mayExcuse = can('warning.excuse');

  const submit = (values: GraceForm) => {
    const body: CreateWarningGrace = {
      projectId: values.projectId,
      dimension: values.dimension,
      fromMonth: values.fromMonth.format('YYYY-MM'),
      toMonth: values.toMonth ? values.toMonth.format('YYYY-MM') : null,
      reason: values.reason,
    };
    create.mutate(body, {
      onSuccess: () => {
        message.success(t('warnings.graces.saved'));
        setAdding(false);
        form.resetFields();
      },
      onError: (error) => reportError(error, form),
    });
  };

  return (
    <Flex vertical gap={16}>
      {mayExcuse && (
        <div>
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('warnings.graces.add')}
          </Button>
        </div>
      )}
      {graces.isError && <QueryError error={graces.error} onRetry={() => graces.refetch()} />}
      <Table
        rowKey="id"
        loading={graces.isFetching}
        dataSource={graces.data?.data ?? []}
        columns={[
          {
            key: 'project',
            title: t('warnings.graces.project'),
            render: (_: unknown, g: WarningGrace) => (
              <Link to={`/projects/${g.projectId}`}>{g.projectName}</Link>
            ),
          },
          {
            key: 'dimension',
            title: t('warnings.graces.dimension'),
            render: (_: unknown, g: WarningGrace) => t(`warnings.dimension.${g.dimension}`),
          },
          {
            key: 'months',
            title: t('warnings.month'),
            render: (_: unknown, g: WarningGrace) =>
              `${g.fromMonth} — ${g.toMonth ?? t('warnings.graces.openEnded')}`,
          },
          { key: 'reason', title: t('warnings.graces.reason'), dataIndex: 'reason' },
          { key: 'by', title: t('warnings.graces.recordedBy'), dataIndex: 'recordedByName', width: 100 },
          {
            key: 'at',
            title: t('warnings.graces.recordedAt'),
            width: 150,
            render: (_: unknown, g: WarningGrace) => dayjs(g.recordedAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 100,
            render: (_: unknown, g: WarningGrace) =>
              g.revokedAt ? (
                <Tag>{t('warnings.graces.revoked')}</Tag>
              ) : mayExcuse ? (
                <Popconfirm
                  title={t('warnings.graces.revokeConfirm')}
                  onConfirm={() => revoke.mutateAsync(g.id).catch((error) => reportError(error))}
                >
                  <Button size="small" danger>
                    {t('warnings.graces.revoke')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <Modal
        open={isAdding}
        title={t('warnings.graces.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ fromMonth: month, toMonth: month }}
        >
          <Form.Item name="projectId" label={t('warnings.graces.project')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('warnings.graces.projectPlaceholder')}
              loading={warned.isFetching}
              options={(warned.data?.data ?? []).map((w) => ({ value: w.projectId, label: w.projectName }))}
            />
          </Form.Item>
          <Form.Item name="dimension" label={t('warnings.graces.dimension')} rules={[{ required: true }]}>
            <Select
              options={warningDimensions.map((d) => ({ value: d, label: t(`warnings.dimension.${d}`) }))}
            />
          </Form.Item>
          <Flex gap={16}>
            <Form.Item name="fromMonth" label={t('warnings.graces.fromMonth')} rules={[{ required: true }]}>
              <DatePicker picker="month" allowClear={false} />
            </Form.Item>
            <Form.Item name="toMonth" label={t('warnings.graces.toMonth')}>
              <DatePicker picker="month" placeholder={t('warnings.graces.openEnded')} />
            </Form.Item>
          </Flex>
          <Form.Item name="reason" label={t('warnings.graces.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
