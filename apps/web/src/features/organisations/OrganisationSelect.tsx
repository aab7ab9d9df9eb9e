import type { OrganisationKind } from '@tuijin/domain';
import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useOrganisationOptions } from './organisations.queries';

interface OrganisationSelectProps extends Omit<SelectProps<string>, 'options' | 'showSearch'> {
  /** The organisation already chosen (when editing), shown even before any search. */
  current?: { id: string; name: string } | null;
  /** Offer only organisations of this kind (owner units, departments…). */
  kind?: OrganisationKind;
}

/** Picks an organisation by typing part of its name (server-side search over the jurisdiction). */
export function OrganisationSelect({ current, kind, ...props }: OrganisationSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [isOpen, setOpen] = useState(false);
  const q = useDebouncedValue(search.trim());
  const found = useOrganisationOptions(q, isOpen, kind);
  const options = useMemo(() => {
    const list = (found.data ?? []).map((organisation) => ({
      value: organisation.id,
      label: organisation.isActive ? organisation.name : `${organisation.name} · ${t('common.inactive')}`,
      disabled: !organisation.isActive,
    }));
    if (current && !list.some((option) => option.value === current.id)) {
      list.unshift({ value: current.id, label: current.name, disabled: false });
    }
    return list;
  }, [found.data, current, t]);

  return (
    <Select<string>
      placeholder={t('organisations.selectPlaceholder')}
      loading={found.isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      {...props}
    />
  );
}
