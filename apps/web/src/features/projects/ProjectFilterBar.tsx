import { DownOutlined, UpOutlined } from '@ant-design/icons';
import {
  constructionTypes,
  type DictionaryKind,
  projectLevels,
  projectStages,
  sizeFilterKeys,
} from '@tuijin/domain';
import { Button, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../../components/FilterBar';
import { useLabels } from '../../i18n/use-labels';
import { useCan } from '../auth/use-current-user';
import { BatchSelect } from '../batches/BatchSelect';
import { useDictionary } from '../dictionaries/dictionaries.queries';
import { useOrganisationsOfKind } from '../organisations/organisations.queries';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { useUsersWithRole } from '../users/users.queries';
import { amountRule } from './money';
import type { ProjectFilterKey, ProjectFilters } from './project-list-params';

/** Filters behind 更多筛选; the bar opens with them shown when one of them is set. */
const advancedKeys: ProjectFilterKey[] = [
  'domain',
  'industry',
  'tag',
  'batch',
  'leader',
  'department',
  'constructionType',
  'size',
  'minInvestment',
  'maxInvestment',
];

function DictionaryFilter({ kind }: { kind: DictionaryKind }) {
  const { t } = useTranslation();
  const { entries, isLoading } = useDictionary(kind);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('common.all')}
      className="tj-filter-sm"
      loading={isLoading}
      options={entries.map((entry) => ({ value: entry.name, label: entry.name }))}
    />
  );
}

interface ProjectFilterBarProps {
  filters: ProjectFilters;
  onSearch: (filters: ProjectFilters) => void;
}

/** The project list's filter bar; its fields follow the address (back button, shared links). */
export function ProjectFilterBar({ filters, onSearch }: ProjectFilterBarProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const can = useCan();
  const [form] = Form.useForm<ProjectFilters>();
  const [isExpanded, setExpanded] = useState(() => advancedKeys.some((key) => filters[key]));
  const leaders = useUsersWithRole('leader', can('user.read') && isExpanded);
  const departments = useOrganisationsOfKind('department', can('organisation.read') && isExpanded);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(filters);
  }, [filters, form]);

  const more = (
    <Button
      type="link"
      icon={isExpanded ? <UpOutlined /> : <DownOutlined />}
      onClick={() => setExpanded((open) => !open)}
    >
      {t(isExpanded ? 'projects.lessFilters' : 'projects.moreFilters')}
    </Button>
  );

  return (
    <FilterBar<ProjectFilters> form={form} name="project-filters" onSearch={onSearch} extra={more}>
      <Form.Item name="q" label={t('common.keyword')}>
        <Input allowClear placeholder={t('projects.searchPlaceholder')} className="tj-filter-lg" />
      </Form.Item>
      <Form.Item name="region" label={t('projects.region')}>
        <RegionTreeSelect className="tj-filter-md" placeholder={t('common.all')} />
      </Form.Item>
      <Form.Item name="stage" label={t('projectFields.stage')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          className="tj-filter-sm"
          options={projectStages.map((value) => ({ value, label: labels.projectStage(value) }))}
        />
      </Form.Item>
      <Form.Item name="level" label={t('projectFields.levels')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          className="tj-filter-sm"
          options={projectLevels.map((value) => ({ value, label: labels.projectLevel(value) }))}
        />
      </Form.Item>
      <Form.Item name="domain" label={t('projectFields.domain')} hidden={!isExpanded}>
        <DictionaryFilter kind="domain" />
      </Form.Item>
      <Form.Item name="industry" label={t('projectFields.industry')} hidden={!isExpanded}>
        <DictionaryFilter kind="industry" />
      </Form.Item>
      <Form.Item name="tag" label={t('projectFields.tags')} hidden={!isExpanded}>
        <DictionaryFilter kind="tag" />
      </Form.Item>
      <Form.Item name="projectClass" label={t('projectFields.projectClass')} hidden={!isExpanded}>
        <DictionaryFilter kind="projectClass" />
      </Form.Item>
      <Form.Item name="batch" label={t('projects.batch')} hidden={!isExpanded}>
        <BatchSelect className="tj-filter-md" placeholder={t('common.all')} />
      </Form.Item>
      {can('user.read') && (
        <Form.Item name="leader" label={t('projects.leader')} hidden={!isExpanded}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.all')}
            className="tj-filter-sm"
            loading={leaders.isLoading}
            options={(leaders.data ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
          />
        </Form.Item>
      )}
      {can('organisation.read') && (
        <Form.Item name="department" label={t('projects.department')} hidden={!isExpanded}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.all')}
            className="tj-filter-lg"
            loading={departments.isLoading}
            options={(departments.data ?? []).map((org) => ({ value: org.id, label: org.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="constructionType" label={t('projectFields.constructionType')} hidden={!isExpanded}>
        <Select
          allowClear
          placeholder={t('common.all')}
          className="tj-filter-sm"
          options={constructionTypes.map((value) => ({ value, label: labels.constructionType(value) }))}
        />
      </Form.Item>
      <Form.Item
        name="size"
        label={t('amounts.sizeBand')}
        tooltip={t('amounts.sizeHint')}
        hidden={!isExpanded}
      >
        <Select
          allowClear
          placeholder={t('common.all')}
          className="tj-filter-md"
          data-testid="project-filter-size"
          options={sizeFilterKeys.map((value) => ({ value, label: t(`amounts.sizeBands.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="minInvestment"
        label={t('projects.minInvestment')}
        hidden={!isExpanded}
        rules={[amountRule(t('projects.amountInvalid'))]}
      >
        <Input allowClear inputMode="decimal" className="tj-filter-sm" placeholder={t('projects.wanYuan')} />
      </Form.Item>
      <Form.Item
        name="maxInvestment"
        label={t('projects.maxInvestment')}
        hidden={!isExpanded}
        rules={[amountRule(t('projects.amountInvalid'))]}
      >
        <Input allowClear inputMode="decimal" className="tj-filter-sm" placeholder={t('projects.wanYuan')} />
      </Form.Item>
    </FilterBar>
  );
}
