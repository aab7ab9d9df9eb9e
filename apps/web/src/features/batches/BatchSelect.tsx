import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentYear, useBatchSchemes } from './batches.queries';

type BatchSelectProps = Omit<SelectProps<string>, 'options'>;

/** Picks one batch of this year's schemes, grouped by scheme. */
export function BatchSelect(props: BatchSelectProps) {
  const { t } = useTranslation();
  const year = currentYear();
  const schemes = useBatchSchemes(year);
  const options = useMemo(() => {
    const groups = (schemes.data ?? []).map((scheme) => ({
      label: `${scheme.year} ${scheme.name} · ${scheme.regionName}`,
      title: scheme.name,
      options: scheme.batches.map((batch) => ({ value: batch.id, label: `${scheme.name} · ${batch.name}` })),
    }));
    const chosen = props.value;
    const isKnown = groups.some((group) => group.options.some((option) => option.value === chosen));
    if (chosen && !isKnown && !schemes.isLoading) {
      groups.unshift({
        label: t('batches.otherYear'),
        title: t('batches.otherYear'),
        options: [{ value: chosen, label: t('batches.chosenBatch') }],
      });
    }
    return groups;
  }, [schemes.data, schemes.isLoading, props.value, t]);
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={schemes.isLoading}
      options={options}
      {...props}
    />
  );
}
