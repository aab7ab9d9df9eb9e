import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Role } from '@tuijin/domain';
import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { userKeys } from './users.queries';

interface UserSelectProps extends Omit<SelectProps<string>, 'options' | 'showSearch'> {
  /** Offer only accounts holding this role (leaders, service officers…). */
  withRole?: Role;
  /** The person already chosen (when editing), shown even before any search. */
  current?: { id: string; displayName: string } | null;
}

/** Picks an account by typing part of its name (server-side search over the jurisdiction). */
export function UserSelect({ withRole: role, current, ...props }: UserSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [isOpen, setOpen] = useState(false);
  const q = useDebouncedValue(search.trim());
  const found = useQuery({
    queryKey: [...userKeys.all, 'options', role ?? null, q],
    queryFn: async () =>
      // Leaders and service officers may sit above the jurisdiction (a city leader linked to a county project).
      (
        await api.call('findUsers', {
          query: { q: q || undefined, role, pageSize: 20, assignable: Boolean(role) },
        })
      ).data,
    enabled: isOpen,
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const list = (found.data ?? []).map((user) => ({
      value: user.id,
      label: `${user.displayName} · ${user.organisationName}`,
      disabled: !user.isActive,
    }));
    if (current && !list.some((option) => option.value === current.id)) {
      list.unshift({ value: current.id, label: current.displayName, disabled: false });
    }
    return list;
  }, [found.data, current]);

  return (
    <Select<string>
      placeholder={t('users.selectPlaceholder')}
      loading={found.isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      allowClear
      {...props}
    />
  );
}
