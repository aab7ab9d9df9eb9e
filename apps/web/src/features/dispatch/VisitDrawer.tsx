import { CloseOutlined, UploadOutlined } from '@ant-design/icons';
import type { FieldVisit, VisitorKind } from '@tuijin/contracts';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { uploadProjectFiles } from '../../api/project-files';
import { FormDrawer } from '../../components/FormDrawer';
import { useMe } from '../auth/auth.queries';
import { ProjectPicker } from '../problems/ProjectPicker';
import { useUsersWithRole } from '../users/users.queries';
import { DispatchOrganisationSelect } from './DispatchBits';
import { useDispatchError } from './use-dispatch-error';
import { useRecordFieldVisit } from './visits.queries';
import './dispatch.css';

export const visitorKinds: VisitorKind[] = ['leader', 'head', 'department', 'serviceGroup'];

type Chosen = { id: string; name: string };
type Photo = { fileId: string; projectId: string; name: string };

interface VisitValues {
  visitorKind: VisitorKind;
  visitorUserId?: string;
  visitorOrganisationId?: string;
  visitorName: string;
  visitedOn: Dayjs;
  projects: Chosen[];
  summary?: string;
  solvedOnSpot?: number;
  photos: Photo[];
}

/** The visited projects: a picker that adds one at a time and the chosen ones as closable tags (phone-sized). */
function VisitProjects({ value = [], onChange }: { value?: Chosen[]; onChange?: (value: Chosen[]) => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <ProjectPicker
        value={null}
        placeholder={t('visits.form.addProject')}
        data-testid="visit-project-picker"
        onChange={(id, option) => {
          const label = (Array.isArray(option) ? option[0] : option)?.label;
          if (id && !value.some((p) => p.id === id))
            onChange?.([...value, { id, name: String(label ?? id) }]);
        }}
      />
      <Flex wrap gap={4} data-testid="visit-projects-chosen">
        {value.map((p) => (
          <Tag
            key={p.id}
            className="tj-visit-project"
            closable
            closeIcon={<CloseOutlined />}
            onClose={() => onChange?.(value.filter((v) => v.id !== p.id))}
          >
            {p.name}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}

/** 现场照片: uploaded as project files of the first visited project, then linked by id to the visit. */
function VisitPhotos({
  projectId,
  value = [],
  onChange,
}: {
  projectId: string | undefined;
  value?: Photo[];
  onChange?: (value: Photo[]) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isUploading, setUploading] = useState(false);
  return (
    <Flex vertical gap={4} align="flex-start">
      <Upload
        accept="image/*"
        multiple
        showUploadList={false}
        disabled={!projectId}
        customRequest={({ file, onSuccess, onError }) => {
          const chosen = file as File;
          if (!projectId) return;
          setUploading(true);
          uploadProjectFiles(projectId, [chosen])
            .then((saved) => {
              onChange?.([
                ...value,
                ...saved.map((f) => ({ fileId: f.id, projectId, name: f.originalName })),
              ]);
              onSuccess?.(null);
            })
            .catch((error: unknown) => {
              void message.error(
                error instanceof ApiError ? (error.details[0]?.message ?? error.message) : chosen.name,
              );
              onError?.(new Error(chosen.name));
            })
            .finally(() => setUploading(false));
        }}
      >
        <Button
          icon={<UploadOutlined />}
          loading={isUploading}
          disabled={!projectId}
          data-testid="visit-photos"
        >
          {t('visits.form.uploadPhotos')}
        </Button>
      </Upload>
      {value.map((p) => (
        <Typography.Text key={p.fileId}>{p.name}</Typography.Text>
      ))}
    </Flex>
  );
}

/**
 * 登记走访 in a drawer (full width on a phone, as service groups record on site): who went (a leader
 * or the head picked as an account, a department as an organisation, or a service group by name),
 * when, the projects, what was solved on the spot and the photos.
 */
export function VisitDrawer({
  onClose,
  onSaved,
}: {
  onClose: () => void;
  onSaved: (visit: FieldVisit) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VisitValues>();
  const me = useMe();
  const record = useRecordFieldVisit();
  const onError = useDispatchError();
  const kind = Form.useWatch('visitorKind', form) ?? 'leader';
  const chosen = Form.useWatch('projects', form) ?? [];
  const leaders = useUsersWithRole('leader', kind === 'leader' || kind === 'head');

  const submit = (values: VisitValues) => {
    const ids = values.projects.map((p) => p.id);
    record.mutate(
      {
        regionCode: me.data?.region.code ?? '',
        visitorKind: values.visitorKind,
        visitorUserId: kind === 'leader' || kind === 'head' ? (values.visitorUserId ?? null) : null,
        visitorOrganisationId: kind === 'department' ? (values.visitorOrganisationId ?? null) : null,
        visitorName: values.visitorName.trim(),
        visitedOn: values.visitedOn.format('YYYY-MM-DD'),
        projectIds: ids,
        summary: values.summary?.trim() ?? '',
        solvedOnSpot: values.solvedOnSpot ?? 0,
        fileIds: (values.photos ?? []).filter((p) => ids.includes(p.projectId)).map((p) => p.fileId),
      },
      { onSuccess: onSaved, onError: (error) => onError(error, form) },
    );
  };

  return (
    <FormDrawer
      title={t('visits.form.title')}
      isSaving={record.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<VisitValues>
        form={form}
        layout="vertical"
        name="field-visit"
        initialValues={{
          visitorKind: 'leader',
          visitedOn: dayjs(),
          projects: [],
          photos: [],
          solvedOnSpot: 0,
        }}
        onFinish={submit}
      >
        <Form.Item name="visitorKind" label={t('visits.form.visitorKind')}>
          <Radio.Group
            optionType="button"
            data-testid="visit-kind"
            options={visitorKinds.map((k) => ({ value: k, label: t(`visits.kinds.${k}`) }))}
          />
        </Form.Item>
        {(kind === 'leader' || kind === 'head') && (
          <Form.Item
            name="visitorUserId"
            label={t('visits.form.visitorUser')}
            extra={t('visits.form.countsHelp')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={leaders.isFetching}
              data-testid="visit-user"
              options={(leaders.data ?? []).map((u) => ({
                value: u.id,
                label: `${u.displayName} · ${u.organisationName}`,
              }))}
              onChange={(id?: string) => {
                const user = leaders.data?.find((u) => u.id === id);
                if (user) form.setFieldValue('visitorName', user.displayName);
              }}
            />
          </Form.Item>
        )}
        {kind === 'department' && (
          <Form.Item
            name="visitorOrganisationId"
            label={t('visits.form.visitorOrganisation')}
            extra={t('visits.form.countsHelp')}
          >
            <DispatchOrganisationSelect
              allowClear
              data-testid="visit-organisation"
              onChange={(_, option) => {
                const label = (Array.isArray(option) ? option[0] : option)?.label;
                if (label) form.setFieldValue('visitorName', String(label));
              }}
            />
          </Form.Item>
        )}
        <Form.Item
          name="visitorName"
          label={t('visits.form.visitorName')}
          extra={kind === 'serviceGroup' ? t('visits.form.groupHelp') : undefined}
          rules={[{ required: true, whitespace: true, message: t('visits.form.visitorNameRequired') }]}
        >
          <Input maxLength={60} data-testid="visit-name" />
        </Form.Item>
        <Form.Item
          name="visitedOn"
          label={t('visits.form.visitedOn')}
          rules={[{ required: true, message: t('visits.form.dateRequired') }]}
        >
          <DatePicker
            inputReadOnly
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="visit-date"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="projects"
          label={t('visits.form.projects')}
          rules={[
            {
              validator: (_, v: Chosen[]) =>
                v?.length ? Promise.resolve() : Promise.reject(new Error(t('visits.form.projectsRequired'))),
            },
          ]}
        >
          <VisitProjects />
        </Form.Item>
        <Form.Item name="summary" label={t('visits.form.summary')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="visit-summary" />
        </Form.Item>
        <Form.Item name="solvedOnSpot" label={t('visits.form.solvedOnSpot')}>
          <InputNumber min={0} max={100} precision={0} data-testid="visit-solved" />
        </Form.Item>
        <Form.Item
          name="photos"
          label={t('visits.form.photos')}
          extra={
            chosen[0]
              ? t('visits.form.photosHelp', { project: chosen[0].name })
              : t('visits.form.photosFirst')
          }
        >
          <VisitPhotos projectId={chosen[0]?.id} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
