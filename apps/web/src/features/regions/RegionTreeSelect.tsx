import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildRegionTree, toRegionOptions } from './region-tree';
import { useRegions } from './regions.queries';

type RegionTreeSelectProps = Omit<TreeSelectProps<string>, 'treeData'>;

/** A searchable region picker over the person's jurisdiction, valued by region code. */
export function RegionTreeSelect(props: RegionTreeSelectProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  const treeData = useMemo(() => toRegionOptions(buildRegionTree(regions.data ?? [])), [regions.data]);
  return (
    <TreeSelect<string>
      showSearch
      allowClear
      treeDefaultExpandAll
      treeNodeFilterProp="title"
      placeholder={t('regions.selectPlaceholder')}
      loading={regions.isLoading}
      treeData={treeData}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
