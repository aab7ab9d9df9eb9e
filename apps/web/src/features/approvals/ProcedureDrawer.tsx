import type { ApprovalProcedure, ApprovalRoute } from '@tuijin/contracts';
import { approvalRoutes } from '@tuijin/domain';
import { App, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { DictionarySelect } from '../dictionaries/DictionarySelect';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useCreateApprovalProcedure, useUpdateApprovalProcedure } from './approvals.queries';

interface ProcedureValues {
  code: string;
  name: string;
  departmentId?: string | null;
  statutoryDays: number;
  committedDays: number;
  dependsOn?: string[];
  requiredBeforeStart: boolean;
  routes?: ApprovalRoute[];
  domains?: string[];
  deemedApproval: boolean;
  active: boolean;
}

interface ProcedureDrawerProps {
  /** The catalogue's region (new procedures belong to it). */
  regionCode: string;
  /** The procedure edited; absent: a new one. */
  procedure?: ApprovalProcedure;
  /** The catalogue's procedures, offered as 前置 (the edited one excluded). */
  procedures: readonly ApprovalProcedure[];
  onClose: () => void;
}

/** 新增 / 编辑 a catalogue procedure: its limits, department, 前置 by code, scope and 启用. */
export function ProcedureDrawer({ regionCode, procedure, procedures, onClose }: ProcedureDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProcedureValues>();
  const create = useCreateApprovalProcedure();
  const update = useUpdateApprovalProcedure();
  const onError = useApiErrorHandler();
  const dependencyOptions = procedures
    .filter((candidate) => candidate.code !== procedure?.code)
    .map((candidate) => ({ value: candidate.code, label: `${candidate.name} · ${candidate.code}` }));

  const submit = (values: ProcedureValues) => {
    const fields = {
      name: values.name.trim(),
      departmentId: values.departmentId ?? null,
      statutoryDays: values.statutoryDays,
      committedDays: values.committedDays,
      dependsOn: values.dependsOn ?? [],
      requiredBeforeStart: values.requiredBeforeStart,
      routes: values.routes ?? [],
      domains: values.domains ?? [],
      deemedApproval: values.deemedApproval,
    };
    const done = {
      onSuccess: () => {
        void message.success(t(procedure ? 'approvals.catalogue.saved' : 'approvals.catalogue.created'));
        onClose();
      },
      onError: (error: unknown) => onError(error, form),
    };
    if (procedure)
      update.mutate(
        { id: procedure.id, body: { ...fields, active: values.active, version: procedure.version } },
        done,
      );
    else create.mutate({ regionCode, code: values.code.trim(), ...fields }, done);
  };

  return (
    <FormDrawer
      title={
        procedure
          ? t('approvals.catalogue.editTitle', { name: procedure.name })
          : t('approvals.catalogue.createTitle')
      }
      isSaving={create.isPending || update.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      width={560}
    >
      <Form<ProcedureValues>
        form={form}
        layout="vertical"
        name="approval-procedure"
        initialValues={
          procedure
            ? { ...procedure }
            : {
                statutoryDays: 20,
                committedDays: 10,
                requiredBeforeStart: true,
                deemedApproval: false,
                active: true,
                dependsOn: [],
                routes: [],
                domains: [],
              }
        }
        onFinish={submit}
      >
        {!procedure && (
          <Form.Item
            name="code"
            label={t('approvals.fields.code')}
            extra={t('approvals.catalogue.codeHelp')}
            rules={[{ required: true, whitespace: true, message: t('approvals.catalogue.codeRequired') }]}
          >
            <Input maxLength={40} data-testid="procedure-code" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('approvals.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('approvals.catalogue.nameRequired') }]}
        >
          <Input maxLength={60} data-testid="procedure-name" />
        </Form.Item>
        <Form.Item name="departmentId" label={t('approvals.fields.department')}>
          <OrganisationSelect
            kind="department"
            allowClear
            current={
              procedure?.departmentId
                ? { id: procedure.departmentId, name: procedure.departmentName ?? procedure.departmentId }
                : null
            }
            data-testid="procedure-department"
          />
        </Form.Item>
        <Form.Item
          name="statutoryDays"
          label={t('approvals.fields.statutoryDays')}
          rules={[{ required: true, message: t('approvals.catalogue.daysRequired') }]}
        >
          <InputNumber
            min={0}
            max={400}
            precision={0}
            style={{ width: 160 }}
            data-testid="procedure-statutory"
          />
        </Form.Item>
        <Form.Item
          name="committedDays"
          label={t('approvals.fields.committedDays')}
          rules={[{ required: true, message: t('approvals.catalogue.daysRequired') }]}
        >
          <InputNumber
            min={0}
            max={400}
            precision={0}
            style={{ width: 160 }}
            data-testid="procedure-committed"
          />
        </Form.Item>
        <Form.Item name="dependsOn" label={t('approvals.fields.dependsOn')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('approvals.catalogue.dependsOnPlaceholder')}
            options={dependencyOptions}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="procedure-depends-on"
          />
        </Form.Item>
        <Form.Item name="routes" label={t('approvals.fields.routes')}>
          <Select<ApprovalRoute[]>
            mode="multiple"
            allowClear
            placeholder={t('approvals.catalogue.routesPlaceholder')}
            options={approvalRoutes.map((route) => ({ value: route, label: t(`approvals.route.${route}`) }))}
          />
        </Form.Item>
        <Form.Item name="domains" label={t('approvals.fields.domains')}>
          <DictionarySelect
            kind="domain"
            mode="multiple"
            placeholder={t('approvals.catalogue.domainsPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="requiredBeforeStart"
          label={t('approvals.fields.requiredBeforeStart')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="deemedApproval" label={t('approvals.fields.deemedApproval')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {procedure && (
          <Form.Item
            name="active"
            label={t('approvals.fields.active')}
            extra={t('approvals.catalogue.activeHint')}
            valuePropName="checked"
          >
            <Switch data-testid="procedure-active" />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
