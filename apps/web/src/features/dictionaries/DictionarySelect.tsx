import type { DictionaryKind } from '@tuijin/domain';
import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDictionary } from './dictionaries.queries';

type DictionarySelectProps = Omit<SelectProps<string | string[]>, 'options'> & { kind: DictionaryKind };

/**
 * Picks dictionary values (by name) of one kind. Disabled entries are not offered, but a value the
 * record already holds stays shown so an edit does not silently drop it.
 */
export function DictionarySelect({ kind, value, ...props }: DictionarySelectProps) {
  const { t } = useTranslation();
  const { entries, isLoading } = useDictionary(kind);
  const options = useMemo(() => {
    const held = new Set(Array.isArray(value) ? value : value ? [value] : []);
    const list = entries
      .filter((entry) => entry.isActive || held.has(entry.name))
      .map((entry) => ({ value: entry.name, label: entry.name }));
    for (const name of held)
      if (!list.some((option) => option.value === name)) list.push({ value: name, label: name });
    return list;
  }, [entries, value]);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('dictionaries.selectPlaceholder')}
      loading={isLoading}
      options={options}
      value={value}
      {...props}
    />
  );
}
