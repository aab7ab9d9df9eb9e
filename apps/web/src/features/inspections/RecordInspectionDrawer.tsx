import type { InspectionChecklist } from '@tuijin/contracts';
import { findingSeverities, itemResults } from '@tuijin/domain';
import { Alert, App, Card, DatePicker, Flex, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { ProjectPicker } from '../problems/ProjectPicker';
import { CameraPhotos } from './FindingPhotos';
import { emptyEntry, entryGaps, type ItemEntry, recordRequest } from './inspection-logic';
import { useInspectionChecklists, useRecordInspection } from './inspections.queries';

const checklistValue = (c: InspectionChecklist) => c.id ?? `preset:${c.presetKey}`;

/** One checklist item as a card: three taps, and for 发现问题 the finding, its severity and photos. */
function ItemCard({
  index,
  item,
  entry,
  onChange,
}: {
  index: number;
  item: InspectionChecklist['items'][number];
  entry: ItemEntry;
  onChange: (entry: ItemEntry) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={`item-${item.key}`} styles={{ body: { padding: 10 } }}>
      <Flex vertical gap={8}>
        <Typography.Text>
          <Tag>{t(`inspections.categories.${item.category}`)}</Tag>
          {index + 1}. {item.text}
        </Typography.Text>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={entry.result}
          onChange={(e) => onChange({ ...entry, result: e.target.value })}
          style={{ display: 'flex' }}
          options={itemResults.map((result) => ({
            value: result,
            label: (
              <span data-testid={`result-${item.key}-${result}`}>{t(`inspections.results.${result}`)}</span>
            ),
            style: { flex: 1, textAlign: 'center' },
          }))}
        />
        {entry.result === 'issue' && (
          <Flex vertical gap={8}>
            <Input.TextArea
              rows={2}
              maxLength={1000}
              placeholder={t('inspections.form.describe')}
              value={entry.description}
              onChange={(e) => onChange({ ...entry, description: e.target.value })}
              data-testid={`describe-${item.key}`}
            />
            <Radio.Group
              value={entry.severity}
              onChange={(e) => onChange({ ...entry, severity: e.target.value })}
              options={findingSeverities.map((s) => ({ value: s, label: t(`inspections.severities.${s}`) }))}
            />
            <CameraPhotos
              value={entry.photos}
              onChange={(photos) => onChange({ ...entry, photos })}
              testId={`photo-${item.key}`}
            />
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

/**
 * 登记督查 on a phone (full-width drawer): the site, the day, the checklist, then each item as a card
 * tapped 合格 / 发现问题 / 不适用; a 发现问题 item takes a description, a severity and camera photos.
 * Recorded in one request, then the photos are uploaded to their findings.
 */
export function RecordInspectionDrawer({
  onClose,
  project,
}: {
  onClose: () => void;
  project?: { id: string; name: string };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const onError = (error: unknown) => handleError(error);
  const lists = useInspectionChecklists();
  const record = useRecordInspection();
  const [projectId, setProjectId] = useState<string | null>(project?.id ?? null);
  const [inspectedOn, setInspectedOn] = useState<Dayjs>(dayjs());
  const [chosen, setChosen] = useState<string | null>(null);
  const [entries, setEntries] = useState<Record<string, ItemEntry>>({});
  const [siteContact, setSiteContact] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const active = useMemo(() => (lists.data?.data ?? []).filter((c) => c.active), [lists.data]);
  const checklist = active.find((c) => checklistValue(c) === chosen) ?? null;
  const keys = checklist?.items.map((i) => i.key) ?? [];
  const gaps = entryGaps(keys, entries);

  const save = () => {
    const problems = [
      ...(projectId ? [] : [t('inspections.form.projectRequired')]),
      ...(checklist ? [] : [t('inspections.form.checklistRequired')]),
      ...(gaps.undescribed.length > 0 ? [t('inspections.form.missingDescription')] : []),
    ];
    setErrors(problems);
    if (problems.length > 0 || !checklist || !projectId) return;
    const { body, photos } = recordRequest(
      {
        projectId,
        inspectedOn: inspectedOn.format('YYYY-MM-DD'),
        checklistId: checklist.id,
        presetKey: checklist.id ? null : checklist.presetKey,
        note: note.trim() || null,
        siteContact: siteContact.trim() || null,
      },
      keys,
      entries,
    );
    record.mutate(
      { body, photos },
      {
        onSuccess: (recorded) => {
          void message.success(t('inspections.form.saved', { count: recorded.findings.length }));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <FormDrawer
      title={t('inspections.form.title')}
      isSaving={record.isPending}
      onSave={save}
      onClose={onClose}
    >
      <Flex vertical gap={12} data-testid="record-inspection">
        {errors.length > 0 && (
          <Alert type="error" showIcon title={errors.join('；')} data-testid="record-errors" />
        )}
        <Form layout="vertical" component="div">
          <Form.Item label={t('inspections.form.project')} required style={{ marginBottom: 8 }}>
            {project ? (
              <Typography.Text strong>{project.name}</Typography.Text>
            ) : (
              <ProjectPicker
                value={projectId}
                onChange={(id: string | null) => setProjectId(id ?? null)}
                data-testid="inspection-project"
              />
            )}
          </Form.Item>
          <Form.Item label={t('inspections.form.inspectedOn')} required style={{ marginBottom: 8 }}>
            <DatePicker
              value={inspectedOn}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              onChange={(d) => d && setInspectedOn(d)}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label={t('inspections.form.checklist')} required style={{ marginBottom: 8 }}>
            <Select<string>
              value={chosen}
              loading={lists.isLoading}
              onChange={(value) => {
                setChosen(value);
                setEntries({});
              }}
              options={active.map((c) => ({ value: checklistValue(c), label: c.name }))}
              data-testid="inspection-checklist"
            />
          </Form.Item>
        </Form>
        {checklist?.items.map((item, index) => (
          <ItemCard
            key={item.key}
            index={index}
            item={item}
            entry={entries[item.key] ?? emptyEntry()}
            onChange={(entry) => setEntries({ ...entries, [item.key]: entry })}
          />
        ))}
        {checklist && gaps.untapped.length > 0 && (
          <Typography.Text type="secondary">
            {t('inspections.form.untapped', { count: gaps.untapped.length })}
          </Typography.Text>
        )}
        <Input
          placeholder={t('inspections.form.siteContact')}
          value={siteContact}
          maxLength={100}
          onChange={(e) => setSiteContact(e.target.value)}
        />
        <Input.TextArea
          rows={2}
          placeholder={t('inspections.form.note')}
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.target.value)}
        />
      </Flex>
    </FormDrawer>
  );
}
