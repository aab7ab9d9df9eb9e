import type { Problem, ProblemQuery } from '@tuijin/contracts';
import { Table, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { DueOn, ProblemStatusTag, useLevelText } from './ProblemBits';
import { useProblems } from './problems.queries';

type Filter = Omit<Partial<ProblemQuery>, 'page' | 'pageSize'>;

interface ProblemTableProps {
  filter: Filter;
  /** Hide the project column (on the project's own tab). */
  hideProject?: boolean;
  /** Show the days-overdue column (the overdue list). */
  showOverdueDays?: boolean;
  emptyText?: string;
  testId?: string;
  /** Lets the reader tick rows (归为一类). */
  rowSelection?: TableProps<Problem>['rowSelection'];
}

/** A paged list of problems the reader may see under `filter`; the reference opens the detail page. */
export function ProblemTable({
  filter,
  hideProject,
  showOverdueDays,
  emptyText,
  testId,
  rowSelection,
}: ProblemTableProps) {
  const { t } = useTranslation();
  const levelText = useLevelText();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const filterKey = JSON.stringify(filter);
  // A new filter starts again at page 1.
  useEffect(() => {
    if (filterKey) setPage((old) => ({ ...old, page: 1 }));
  }, [filterKey]);
  const problems = useProblems({ ...filter, ...page });

  return (
    <>
      {problems.isError && <QueryError error={problems.error} onRetry={() => void problems.refetch()} />}
      <Table<Problem>
        rowKey="id"
        size="small"
        data-testid={testId}
        rowSelection={rowSelection}
        loading={problems.isFetching}
        dataSource={problems.data?.data ?? []}
        locale={{ emptyText: emptyText ?? t('problems.list.empty') }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: problems.data?.page.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) => setPage({ page: current, pageSize }),
        }}
        columns={[
          {
            key: 'reference',
            title: t('problems.fields.referenceNumber'),
            render: (_, problem) => (
              <Link
                to={`/problems/${problem.id}`}
                data-testid="problem-link"
                data-class-id={problem.classId ?? undefined}
              >
                {problem.referenceNumber}
              </Link>
            ),
          },
          ...(hideProject
            ? []
            : [
                {
                  key: 'project',
                  title: t('problems.fields.project'),
                  render: (_: unknown, problem: Problem) => problem.projectName,
                },
              ]),
          { key: 'category', title: t('problems.fields.category'), dataIndex: 'category' },
          {
            key: 'description',
            title: t('problems.fields.description'),
            render: (_, problem) => (
              <span className="tj-problem-cell" title={problem.description}>
                {problem.description}
              </span>
            ),
          },
          {
            key: 'status',
            title: t('problems.fields.status'),
            render: (_, problem) => <ProblemStatusTag status={problem.status} />,
          },
          { key: 'level', title: t('problems.fields.level'), render: (_, problem) => levelText(problem) },
          {
            key: 'handler',
            title: t('problems.fields.handler'),
            render: (_, problem) => problem.handlerOrganisationName ?? t('problems.none'),
          },
          {
            key: 'due',
            title: t('problems.fields.dueOn'),
            render: (_, problem) => <DueOn problem={problem} />,
          },
          ...(showOverdueDays
            ? [
                {
                  key: 'overdueDays',
                  title: t('problems.fields.overdueDays'),
                  align: 'right' as const,
                  render: (_: unknown, problem: Problem) => problem.overdueDays ?? t('problems.none'),
                },
              ]
            : []),
          {
            key: 'raised',
            title: t('problems.fields.raisedAt'),
            render: (_, problem) => dayjs(problem.raisedAt).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </>
  );
}
