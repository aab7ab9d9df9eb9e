import type { Project, Stoppage } from '@tuijin/contracts';
import { type StoppageReason, stoppageReasons } from '@tuijin/domain';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import {
  useAcceptStoppage,
  useFileStoppage,
  useProjectResumption,
  useRecordStoppage,
  useResumeStoppage,
} from './resumption.queries';

export const stoppageColours = { stopped: 'red', awaitingAcceptance: 'orange', resumed: 'green' } as const;
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

interface RecordForm {
  stoppedOn: Dayjs;
  reasonCategory: StoppageReason;
  reason?: string;
  expectedResumeOn?: Dayjs;
}

/** 停复工 tab of a project: its whitelist status, its stoppages and the steps the reader may take. */
export function ProjectResumptionTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const resumption = useProjectResumption(project.id);
  const [recording, setRecording] = useState(false);
  const data = resumption.data;
  const live = data?.whitelist.filter((e) => !e.removedOn) ?? [];
  return (
    <Card
      size="small"
      title={t('stoppages.title')}
      data-testid="project-stoppages"
      extra={
        data?.canRecord &&
        !recording && (
          <Button type="primary" size="small" onClick={() => setRecording(true)}>
            {t('stoppages.record')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        {resumption.isError && (
          <QueryError error={resumption.error} onRetry={() => void resumption.refetch()} />
        )}
        {data && (
          <Space wrap data-testid="project-whitelist">
            <span>{t('stoppages.whitelist')}：</span>
            {live.length === 0 ? (
              <Tag>{t('stoppages.notWhitelisted')}</Tag>
            ) : (
              live.map((e) => (
                <Tag color="gold" key={e.id}>
                  {e.regionName}
                  {t(`whitelist.levels.${e.level}`)}
                  {t('whitelist.title')} · {e.includedOn}
                </Tag>
              ))
            )}
          </Space>
        )}
        {data?.acceptanceRequired && <Alert type="info" showIcon message={t('stoppages.acceptanceRule')} />}
        {recording && <RecordStoppageForm projectId={project.id} onClose={() => setRecording(false)} />}
        {resumption.isPending ? (
          <Spin />
        ) : (data?.data.length ?? 0) === 0 ? (
          <Empty description={t('stoppages.none')} />
        ) : (
          [...(data?.data ?? [])]
            .reverse()
            .map((s) => (
              <StoppageCard key={s.id} stoppage={s} defaultGroup={data?.defaultInspectionGroup ?? null} />
            ))
        )}
      </Flex>
    </Card>
  );
}

function RecordStoppageForm({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordStoppage();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<RecordForm>();
  const submit = (v: RecordForm) =>
    record.mutate(
      {
        id: projectId,
        body: {
          stoppedOn: iso(v.stoppedOn),
          reasonCategory: v.reasonCategory,
          reason: v.reason?.trim() || null,
          expectedResumeOn: v.expectedResumeOn ? iso(v.expectedResumeOn) : null,
        },
      },
      {
        onSuccess: () => {
          onClose();
          void message.success(t('stoppages.recorded'));
        },
        onError: (error) => reportError(error, form),
      },
    );
  const required = [{ required: true, message: t('resumption.required') }];
  return (
    <Form
      form={form}
      name="record-stoppage"
      layout="vertical"
      onFinish={submit}
      initialValues={{ stoppedOn: dayjs(), reasonCategory: 'springFestival' }}
    >
      <Form.Item name="stoppedOn" label={t('resumption.stoppedOn')} rules={required}>
        <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reasonCategory" label={t('resumption.reasonCategory')} rules={required}>
        <Select
          options={stoppageReasons.map((value) => ({ value, label: t(`resumption.reasons.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('resumption.reason')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="expectedResumeOn" label={t('resumption.expectedResumeOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t('stoppages.record')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

type Step = 'resume' | 'accept' | 'file';

function StoppageCard({ stoppage: s, defaultGroup }: { stoppage: Stoppage; defaultGroup: string | null }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step | null>(null);
  return (
    <Card size="small" type="inner" data-testid="stoppage-card">
      <Flex vertical gap={8}>
        <Space wrap>
          <Tag color={stoppageColours[s.status]}>{t(`resumption.statuses.${s.status}`)}</Tag>
          <span>{t(`resumption.reasons.${s.reasonCategory}`)}</span>
          {s.inspectionRequired && <Tag>{t('stoppages.inspectionRequired')}</Tag>}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('resumption.stoppedOn')}>{s.stoppedOn}</Descriptions.Item>
          {s.expectedResumeOn && (
            <Descriptions.Item label={t('resumption.expectedResumeOn')}>
              {s.expectedResumeOn}
            </Descriptions.Item>
          )}
          {s.reason && <Descriptions.Item label={t('resumption.reason')}>{s.reason}</Descriptions.Item>}
          {s.resumedOn && (
            <Descriptions.Item label={t('resumption.resumedOn')}>{s.resumedOn}</Descriptions.Item>
          )}
          {s.acceptedOn && (
            <Descriptions.Item label={t('resumption.acceptedOn')}>
              {s.acceptedOn}（{s.inspectionGroup}）
            </Descriptions.Item>
          )}
          {s.filedOn && <Descriptions.Item label={t('resumption.filedOn')}>{s.filedOn}</Descriptions.Item>}
          <Descriptions.Item label={t('stoppages.recordedBy')}>{s.recordedByName}</Descriptions.Item>
        </Descriptions>
        {step ? (
          <StepForm stoppage={s} step={step} defaultGroup={defaultGroup} onClose={() => setStep(null)} />
        ) : (
          <Space wrap>
            {s.canResume && (
              <Button size="small" type="primary" onClick={() => setStep('resume')}>
                {t('stoppages.resume')}
              </Button>
            )}
            {s.canAccept && (
              <Button size="small" type="primary" onClick={() => setStep('accept')}>
                {t('stoppages.accept')}
              </Button>
            )}
            {s.canFile && (
              <Button size="small" onClick={() => setStep('file')}>
                {t('stoppages.file')}
              </Button>
            )}
          </Space>
        )}
      </Flex>
    </Card>
  );
}

function StepForm({
  stoppage: s,
  step,
  defaultGroup,
  onClose,
}: {
  stoppage: Stoppage;
  step: Step;
  defaultGroup: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const resume = useResumeStoppage();
  const accept = useAcceptStoppage();
  const file = useFileStoppage();
  const [form] = Form.useForm<{ on: Dayjs; inspectionGroup?: string }>();
  const field = { resume: 'resumedOn', accept: 'acceptedOn', file: 'filedOn' }[step];
  const done = (text: string) => () => {
    onClose();
    void message.success(text);
  };
  const onError = (error: unknown) => {
    reportError(error);
    const placed = error as { details?: { path: string; message: string }[] };
    const detail = placed.details?.find((d) => d.path === field);
    if (detail) form.setFields([{ name: 'on', errors: [detail.message] }]);
  };
  const submit = (v: { on: Dayjs; inspectionGroup?: string }) => {
    const on = iso(v.on);
    if (step === 'resume')
      resume.mutate(
        { id: s.id, version: s.version, resumedOn: on },
        {
          onSuccess: (r) =>
            done(t(r.status === 'awaitingAcceptance' ? 'stoppages.awaiting' : 'stoppages.resumedDone'))(),
          onError,
        },
      );
    if (step === 'accept')
      accept.mutate(
        {
          id: s.id,
          body: { version: s.version, acceptedOn: on, inspectionGroup: v.inspectionGroup?.trim() ?? '' },
        },
        { onSuccess: done(t('stoppages.accepted')), onError },
      );
    if (step === 'file')
      file.mutate(
        { id: s.id, version: s.version, filedOn: on },
        { onSuccess: done(t('stoppages.filed')), onError },
      );
  };
  const label = {
    resume: 'resumption.resumedOn',
    accept: 'resumption.acceptedOn',
    file: 'resumption.filedOn',
  } as const;
  return (
    <Form
      form={form}
      name={`stoppage-${step}`}
      layout="vertical"
      onFinish={submit}
      initialValues={{ on: dayjs(), inspectionGroup: s.inspectionGroup ?? defaultGroup ?? '' }}
    >
      <Form.Item
        name="on"
        label={t(label[step])}
        rules={[{ required: true, message: t('resumption.required') }]}
      >
        <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
      </Form.Item>
      {step === 'accept' && (
        <Form.Item
          name="inspectionGroup"
          label={t('resumption.inspectionGroup')}
          rules={[{ required: true, whitespace: true, message: t('resumption.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      )}
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={resume.isPending || accept.isPending || file.isPending}
        >
          {t(`stoppages.${step}`)}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
