import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useProjects } from '../projects/projects.queries';

interface ProjectPickerProps extends Omit<SelectProps<string>, 'options' | 'showSearch'> {
  /** A project already chosen, shown before any search. */
  current?: { id: string; name: string } | null;
}

/**
 * Finds a project in the reader's scope by name, code, owner or pinyin initials (`sdxny`), asking
 * the project list's `q` search as the person stops typing.
 */
export function ProjectPicker({ current, ...props }: ProjectPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const found = useProjects({ ...(q ? { q } : {}), pageSize: 20, sort: 'name', order: 'asc' });
  const options = useMemo(() => {
    const list = (found.data?.data ?? []).map((project) => ({
      value: project.id,
      label: project.code ? `${project.name}（${project.code}）` : project.name,
    }));
    if (current && !list.some((option) => option.value === current.id))
      list.unshift({ value: current.id, label: current.name });
    return list;
  }, [found.data, current]);
  return (
    <Select<string>
      placeholder={t('problems.raise.projectPlaceholder')}
      loading={found.isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      {...props}
    />
  );
}
