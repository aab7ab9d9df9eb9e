import type { CockpitFilters } from '@tuijin/contracts';
import { constructionTypes, sizeFilterKeys } from '@tuijin/domain';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../i18n/use-labels';
import { useDictionary } from '../dictionaries/dictionaries.queries';

interface CockpitFilterBarProps {
  filters: CockpitFilters;
  onChange: (changes: Record<string, string | undefined>) => void;
}

/** The cockpit's project filters: tag, 项目分类, 新建/续建 and 投资规模 (by total investment), kept in the address. */
export function CockpitFilterBar({ filters, onChange }: CockpitFilterBarProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const tags = useDictionary('tag');
  const classes = useDictionary('projectClass');
  return (
    <>
      <Select<string>
        allowClear
        aria-label={t('cockpit.filters.tag')}
        data-testid="cockpit-filter-tag"
        placeholder={t('cockpit.filters.tag')}
        value={filters.tag}
        loading={tags.isLoading}
        options={tags.entries.map((entry) => ({ value: entry.name, label: entry.name }))}
        onChange={(value) => onChange({ tag: value })}
        virtual={false}
        style={{ width: 140 }}
      />
      <Select<string>
        allowClear
        aria-label={t('projectFields.projectClass')}
        data-testid="cockpit-filter-class"
        placeholder={t('projectFields.projectClass')}
        value={filters.projectClass}
        loading={classes.isLoading}
        options={classes.entries.map((entry) => ({ value: entry.name, label: entry.name }))}
        onChange={(value) => onChange({ projectClass: value })}
        virtual={false}
        style={{ width: 130 }}
      />
      <Select<string>
        allowClear
        aria-label={t('cockpit.filters.constructionType')}
        data-testid="cockpit-filter-construction"
        placeholder={t('cockpit.filters.constructionType')}
        value={filters.constructionType}
        options={constructionTypes.map((value) => ({ value, label: labels.constructionType(value) }))}
        onChange={(value) => onChange({ constructionType: value })}
        virtual={false}
        style={{ width: 130 }}
      />
      <Select<string>
        allowClear
        aria-label={t('cockpit.filters.size')}
        data-testid="cockpit-filter-size"
        placeholder={t('cockpit.filters.size')}
        title={t('amounts.sizeHint')}
        value={filters.size}
        options={sizeFilterKeys.map((value) => ({ value, label: t(`amounts.sizeBands.${value}`) }))}
        onChange={(value) => onChange({ size: value })}
        virtual={false}
        style={{ width: 160 }}
      />
    </>
  );
}
