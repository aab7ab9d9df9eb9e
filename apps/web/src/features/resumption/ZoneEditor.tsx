import type { Zone } from '@tuijin/contracts';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useCreateZone, useDeleteZone, useUpdateZone, useZones } from './resumption.queries';

interface ZoneForm {
  name: string;
  goal: string;
  targetOn: Dayjs;
  regionCodes: string[];
  sortOrder: number;
}

/** 推进分区 editor: the jurisdiction's zones, each with goal, target date and member child regions. */
export function ZoneEditor({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const zones = useZones();
  const [editing, setEditing] = useState<Zone | 'new' | null>(null);
  const remove = useDeleteZone();
  const reportError = useApiErrorHandler();
  return (
    <Modal open title={t('resumption.zoneEditor')} onCancel={onClose} footer={null} width={640}>
      {zones.isError && <QueryError error={zones.error} onRetry={() => void zones.refetch()} />}
      {zones.isPending ? (
        <Spin />
      ) : editing ? (
        <ZoneFormView
          zone={editing === 'new' ? null : editing}
          childRegions={zones.data?.childRegions ?? []}
          onClose={() => setEditing(null)}
        />
      ) : (
        <Flex vertical gap={12}>
          <List
            dataSource={zones.data?.data ?? []}
            renderItem={(zone) => (
              <List.Item
                actions={
                  zones.data?.canManage
                    ? [
                        <Button key="edit" size="small" onClick={() => setEditing(zone)}>
                          {t('common.edit')}
                        </Button>,
                        <Popconfirm
                          key="delete"
                          title={t('resumption.deleteZoneConfirm', { name: zone.name })}
                          onConfirm={() =>
                            remove.mutate(
                              { id: zone.id, version: zone.version },
                              { onError: (e) => reportError(e) },
                            )
                          }
                        >
                          <Button size="small" danger>
                            {t('resumption.deleteZone')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={`${zone.name} · ${zone.goal} · ${zone.targetOn}`}
                  description={zone.regions.map((r) => r.name).join('、')}
                />
              </List.Item>
            )}
          />
          {zones.data?.canManage && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('resumption.newZone')}
            </Button>
          )}
        </Flex>
      )}
    </Modal>
  );
}

function ZoneFormView({
  zone,
  childRegions,
  onClose,
}: {
  zone: Zone | null;
  childRegions: { code: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateZone();
  const update = useUpdateZone();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<ZoneForm>();
  const submit = (v: ZoneForm) => {
    const body = {
      name: v.name.trim(),
      goal: v.goal.trim(),
      targetOn: v.targetOn.format('YYYY-MM-DD'),
      regionCodes: v.regionCodes,
      sortOrder: v.sortOrder ?? 0,
    };
    const options = {
      onSuccess: () => {
        onClose();
        void message.success(t('common.saved'));
      },
      onError: (error: unknown) => reportError(error, form),
    };
    if (zone) update.mutate({ id: zone.id, body: { ...body, version: zone.version } }, options);
    else create.mutate(body, options);
  };
  const required = [{ required: true, whitespace: true, message: t('resumption.required') }];
  return (
    <Form
      form={form}
      name="zone"
      layout="vertical"
      onFinish={submit}
      initialValues={
        zone
          ? { ...zone, targetOn: dayjs(zone.targetOn), regionCodes: zone.regions.map((r) => r.code) }
          : { goal: '全面复工', sortOrder: 0, regionCodes: [] }
      }
    >
      <Form.Item name="name" label={t('resumption.zoneName')} rules={required}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="goal" label={t('resumption.goal')} rules={required}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="targetOn"
        label={t('resumption.targetOn')}
        rules={[{ required: true, message: t('resumption.required') }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="regionCodes" label={t('resumption.members')}>
        <Select mode="multiple" options={childRegions.map((r) => ({ value: r.code, label: r.name }))} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('resumption.sortOrder')}>
        <InputNumber min={0} max={999} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
