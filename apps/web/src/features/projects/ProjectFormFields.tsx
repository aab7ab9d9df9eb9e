import { type Project, sectors } from '@tuijin/contracts';
import { constructionTypes, projectCodePattern, projectLevels, projectStages } from '@tuijin/domain';
import { Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../i18n/use-labels';
import { DictionarySelect } from '../dictionaries/DictionarySelect';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { UserSelect } from '../users/UserSelect';
import { amountRule } from './money';
import { isLockedField, type ProjectFieldName, type ProjectFormMode } from './project-form';

const months = Array.from({ length: 12 }, (_, index) => index + 1);

interface FieldProps {
  name: ProjectFieldName | 'stage';
  children: ReactNode;
  isRequired?: boolean;
  isWide?: boolean;
  rules?: Rule[];
  extra?: ReactNode;
}

/** One labelled form field in the two-column grid (full width when `isWide`). */
function Field({ name, children, isRequired = false, isWide = false, rules = [], extra }: FieldProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Col xs={24} sm={isWide ? 24 : 12}>
      <Form.Item
        name={name}
        label={labels.projectField(name)}
        extra={extra}
        rules={[...(isRequired ? [{ required: true, message: t('projects.required') }] : []), ...rules]}
      >
        {children}
      </Form.Item>
    </Col>
  );
}

interface ProjectFormFieldsProps {
  mode: ProjectFormMode;
  /** The project being edited, for the names of people and organisations already chosen. */
  project?: Project;
}

/** The project form's fields in four groups; in owner mode only the owner unit's fields are enabled. */
export function ProjectFormFields({ mode, project }: ProjectFormFieldsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locked = (name: ProjectFieldName) => isLockedField(mode, name);

  const section = (title: string) => (
    <Col span={24}>
      <Typography.Title level={5} className="tj-form-section">
        {title}
      </Typography.Title>
    </Col>
  );

  return (
    <Row gutter={16}>
      {section(t('projects.sectionBasic'))}
      <Field name="name" isRequired isWide>
        <Input maxLength={200} disabled={locked('name')} />
      </Field>
      <Field
        name="code"
        rules={[{ pattern: projectCodePattern, message: t('projects.codeFormat') }]}
        extra={t('projects.codeHelp')}
      >
        <Input maxLength={30} disabled={locked('code')} placeholder="2020-350902-47-01-012345" />
      </Field>
      <Field name="ownerOrganisationId" isRequired>
        <OrganisationSelect
          kind="owner"
          disabled={locked('ownerOrganisationId')}
          current={project ? { id: project.ownerOrganisationId, name: project.ownerName } : null}
        />
      </Field>
      <Field name="regionCode" isRequired>
        <RegionTreeSelect disabled={locked('regionCode')} />
      </Field>
      <Field name="levels" isRequired>
        <Select
          mode="multiple"
          disabled={locked('levels')}
          options={projectLevels.map((value) => ({ value, label: labels.projectLevel(value) }))}
        />
      </Field>
      {mode === 'create' && (
        <Field name="stage" isRequired>
          <Select options={projectStages.map((value) => ({ value, label: labels.projectStage(value) }))} />
        </Field>
      )}
      <Field name="constructionType" isRequired>
        <Radio.Group
          disabled={locked('constructionType')}
          options={constructionTypes.map((value) => ({ value, label: labels.constructionType(value) }))}
        />
      </Field>
      <Field name="domain" isRequired>
        <DictionarySelect kind="domain" disabled={locked('domain')} />
      </Field>
      <Field name="industry">
        <DictionarySelect kind="industry" disabled={locked('industry')} />
      </Field>
      <Field name="sector">
        <Select
          allowClear
          placeholder={t('dictionaries.selectPlaceholder')}
          disabled={locked('sector')}
          options={sectors.map((value) => ({ value, label: labels.sector(value) }))}
        />
      </Field>
      <Field name="tags">
        <DictionarySelect kind="tag" mode="multiple" disabled={locked('tags')} />
      </Field>
      <Field name="projectClass">
        <DictionarySelect
          kind="projectClass"
          allowClear
          disabled={locked('projectClass')}
          data-testid="project-class"
        />
      </Field>
      <Field name="fundingSources">
        <DictionarySelect kind="fundingSource" mode="multiple" disabled={locked('fundingSources')} />
      </Field>

      {section(t('projects.sectionInvestment'))}
      <Field name="totalInvestmentWanYuan" isRequired rules={[amountRule(t('projects.amountInvalid'))]}>
        <Input
          inputMode="decimal"
          suffix={t('projects.wanYuan')}
          disabled={locked('totalInvestmentWanYuan')}
        />
      </Field>
      <Col xs={0} sm={12} />
      <Field name="startYear" isRequired>
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          style={{ width: '100%' }}
          disabled={locked('startYear')}
        />
      </Field>
      <Field name="startMonth">
        <Select
          allowClear
          disabled={locked('startMonth')}
          options={months.map((value) => ({ value, label: value }))}
        />
      </Field>
      <Field name="endYear" isRequired>
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          style={{ width: '100%' }}
          disabled={locked('endYear')}
        />
      </Field>
      <Field name="endMonth">
        <Select
          allowClear
          disabled={locked('endMonth')}
          options={months.map((value) => ({ value, label: value }))}
        />
      </Field>

      {section(t('projects.sectionSite'))}
      <Field name="address" isWide>
        <Input maxLength={200} disabled={locked('address')} />
      </Field>
      <Field name="longitude">
        <InputNumber
          min={73}
          max={136}
          precision={6}
          style={{ width: '100%' }}
          disabled={locked('longitude')}
        />
      </Field>
      <Field name="latitude">
        <InputNumber min={3} max={54} precision={6} style={{ width: '100%' }} disabled={locked('latitude')} />
      </Field>
      <Field name="scaleContent" isWide>
        <Input.TextArea rows={4} maxLength={2000} showCount disabled={locked('scaleContent')} />
      </Field>

      {section(t('projects.sectionResponsibilities'))}
      <Field name="leaderUserId">
        <UserSelect withRole="leader" disabled={locked('leaderUserId')} current={project?.leader} />
      </Field>
      <Field name="responsibleDepartmentId">
        <OrganisationSelect
          kind="department"
          allowClear
          disabled={locked('responsibleDepartmentId')}
          current={project?.responsibleDepartment}
        />
      </Field>
      <Field name="serviceOfficerUserId">
        <UserSelect
          withRole="service_officer"
          disabled={locked('serviceOfficerUserId')}
          current={project?.serviceOfficer}
        />
      </Field>
      <Field name="workingTeam">
        <Input maxLength={500} disabled={locked('workingTeam')} />
      </Field>
      <Field name="contactPerson">
        <Input maxLength={50} disabled={locked('contactPerson')} />
      </Field>
      <Field name="contactPhone">
        <Input maxLength={30} inputMode="tel" disabled={locked('contactPhone')} />
      </Field>
    </Row>
  );
}
