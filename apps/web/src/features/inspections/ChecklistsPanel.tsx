import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ChecklistItem, InspectionChecklist } from '@tuijin/contracts';
import { inspectionCategories } from '@tuijin/domain';
import { App, Button, Card, Flex, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { QueryError } from '../../components/QueryError';
import {
  useCopyChecklists,
  useCreateChecklist,
  useInspectionChecklists,
  useUpdateChecklist,
} from './inspections.queries';

interface Draft {
  id: string | null;
  version: number;
  name: string;
  items: ChecklistItem[];
  active: boolean;
}

/** A fresh item key not yet in the list (`item-3`, …). */
const nextKey = (items: readonly ChecklistItem[]) => {
  let n = items.length + 1;
  while (items.some((i) => i.key === `item-${n}`)) n += 1;
  return `item-${n}`;
};

/** The editor of one checklist: its name, whether in use, and its items (text and category). */
function ChecklistEditor({
  draft,
  regionCode,
  onClose,
}: {
  draft: Draft;
  regionCode: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const onError = (error: unknown) => handleError(error);
  const create = useCreateChecklist();
  const update = useUpdateChecklist();
  const [value, setValue] = useState(draft);
  const setItem = (index: number, patch: Partial<ChecklistItem>) =>
    setValue({ ...value, items: value.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  const save = () => {
    const done = {
      onSuccess: () => {
        void message.success(t('inspections.checklists.saved'));
        onClose();
      },
      onError,
    };
    if (value.id)
      update.mutate(
        {
          id: value.id,
          body: { version: value.version, name: value.name, items: value.items, active: value.active },
        },
        done,
      );
    else create.mutate({ regionCode, name: value.name, items: value.items }, done);
  };
  return (
    <FormDrawer
      title={value.id ? t('inspections.checklists.edit') : t('inspections.checklists.add')}
      isSaving={create.isPending || update.isPending}
      onSave={save}
      onClose={onClose}
      width={640}
    >
      <Flex vertical gap={8} data-testid="checklist-editor">
        <Input
          addonBefore={t('inspections.checklists.name')}
          value={value.name}
          maxLength={50}
          onChange={(e) => setValue({ ...value, name: e.target.value })}
        />
        <Space>
          <Switch checked={value.active} onChange={(active) => setValue({ ...value, active })} />
          {t('inspections.checklists.active')}
        </Space>
        {value.items.map((item, index) => (
          <Flex key={item.key} gap={4} align="center">
            <Input
              value={item.text}
              maxLength={200}
              placeholder={t('inspections.checklists.itemText')}
              onChange={(e) => setItem(index, { text: e.target.value })}
            />
            <Select
              style={{ width: 130 }}
              value={item.category}
              onChange={(category) => setItem(index, { category })}
              options={inspectionCategories.map((c) => ({
                value: c,
                label: t(`inspections.categories.${c}`),
              }))}
            />
            <Button
              icon={<DeleteOutlined />}
              aria-label="delete"
              onClick={() => setValue({ ...value, items: value.items.filter((_, i) => i !== index) })}
            />
          </Flex>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setValue({
              ...value,
              items: [...value.items, { key: nextKey(value.items), text: '', category: 'safety' }],
            })
          }
        >
          {t('inspections.checklists.addItem')}
        </Button>
      </Flex>
    </FormDrawer>
  );
}

/**
 * 督查清单: the checklists in use in the actor's region (own, a region's above, or the presets); the
 * office starts its own copy, then edits and adds.
 */
export function ChecklistsPanel() {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const onError = (error: unknown) => handleError(error);
  const view = useInspectionChecklists();
  const copy = useCopyChecklists();
  const [editing, setEditing] = useState<Draft | null>(null);
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  if (!data) return null;
  const source =
    data.sourceRegionCode === null
      ? t('inspections.checklists.preset')
      : data.sourceRegionCode === data.regionCode
        ? t('inspections.checklists.own')
        : t('inspections.checklists.inherited', { region: data.sourceRegionName });
  const open = (c: InspectionChecklist) =>
    setEditing({
      id: c.id,
      version: c.version,
      name: c.name,
      items: c.items.map((i) => ({ ...i })),
      active: c.active,
    });
  return (
    <Flex vertical gap={12} data-testid="checklists-panel">
      <Flex gap={8} wrap align="center">
        <Typography.Text>{t('inspections.checklists.source', { source })}</Typography.Text>
        {data.canStartOwn && (
          <Button
            loading={copy.isPending}
            onClick={() => copy.mutate(data.regionCode, { onError })}
            title={t('inspections.checklists.startOwnHint')}
          >
            {t('inspections.checklists.startOwn')}
          </Button>
        )}
        {data.canManage && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setEditing({ id: null, version: 0, name: '', items: [], active: true })}
          >
            {t('inspections.checklists.add')}
          </Button>
        )}
      </Flex>
      {data.data.map((c) => (
        <Card
          key={c.id ?? c.presetKey}
          size="small"
          title={
            <Space>
              {c.name}
              {!c.active && <Tag>{t('inspections.checklists.inactive')}</Tag>}
            </Space>
          }
          extra={
            data.canManage && c.id ? (
              <Button size="small" onClick={() => open(c)}>
                {t('inspections.checklists.edit')}
              </Button>
            ) : null
          }
        >
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {c.items.map((i) => (
              <li key={i.key}>
                {i.text} <Tag>{t(`inspections.categories.${i.category}`)}</Tag>
              </li>
            ))}
          </ol>
        </Card>
      ))}
      {editing && (
        <ChecklistEditor draft={editing} regionCode={data.regionCode} onClose={() => setEditing(null)} />
      )}
    </Flex>
  );
}
