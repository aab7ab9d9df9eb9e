import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemHandlerCandidates } from './problems.queries';

interface ProblemHandlerSelectProps extends Omit<SelectProps<string>, 'options' | 'showSearch'> {
  problemId: string;
}

/**
 * 交办 to: the departments (住建, 交通…) and offices of the problem's jurisdiction, grouped by kind
 * and searchable by name — the same list the server accepts, so an owner company is never offered.
 */
export function ProblemHandlerSelect({ problemId, ...props }: ProblemHandlerSelectProps) {
  const { t } = useTranslation();
  const candidates = useProblemHandlerCandidates(problemId);
  const options = useMemo(
    () =>
      (['department', 'office'] as const)
        .map((kind) => ({
          label: t(`problemDeadlines.handlerKinds.${kind}`),
          options: (candidates.data?.data ?? [])
            .filter((o) => o.kind === kind)
            .map((o) => ({ value: o.id, label: o.name })),
        }))
        .filter((group) => group.options.length > 0),
    [candidates.data, t],
  );
  return (
    <Select<string>
      placeholder={t('problemDeadlines.handlerPlaceholder')}
      loading={candidates.isFetching}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      virtual={false}
      data-testid="route-handler"
      {...props}
    />
  );
}
