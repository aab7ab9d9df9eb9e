import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { problemStatuses } from '@tuijin/domain';
import { Button, Card, Checkbox, Flex, Input, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan, useCurrentUser } from '../auth/use-current-user';
import { DictionarySelect } from '../dictionaries/DictionarySelect';
import { firstNonEmptyView } from './default-view';
import { ProblemClassModal } from './ProblemClassModal';
import { ProblemTable } from './ProblemTable';
import { useProblemViewTotals } from './problems.queries';
import { RaiseProblemModal } from './RaiseProblemModal';
import './problems.css';

type View = 'handling' | 'raised' | 'leading' | 'all';
type Status = (typeof problemStatuses)[number];

/**
 * 问题诉求: my problems as handler, raiser or linked leader (or all I can see), and 提出问题; each
 * tab shows its count and the page opens on the first tab that holds anything.
 */
export default function ProblemsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [isRaising, setRaising] = useState(params.get('raise') === '1');
  const [status, setStatus] = useState<Status | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [isOverdueOnly, setOverdueOnly] = useState(false);
  const [reference, setReference] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [isClassifying, setClassifying] = useState(false);
  const mayClassify = can('problem.route');

  const views: View[] = [
    ...(can('problem.handle') ? (['handling'] as const) : []),
    ...(can('problem.raise') ? (['raised'] as const) : []),
    ...(me.roles.includes('leader') ? (['leading'] as const) : []),
    'all',
  ];
  const totals = useProblemViewTotals(views);
  const asked = params.get('view') as View | null;
  // Without ?view=, the first tab that holds anything (an office with nothing to handle opens on 全部).
  const view = asked && views.includes(asked) ? asked : firstNonEmptyView(views, totals);

  return (
    <Card
      title={t('problems.list.title')}
      extra={
        <Space>
          {mayClassify && (
            <Button
              icon={<ApartmentOutlined />}
              disabled={selected.length < 2}
              title={t('problems.classes.selectHint')}
              onClick={() => setClassifying(true)}
              data-testid="problems-classify"
            >
              {t('problems.classes.create')}
              {selected.length > 0 && ` (${selected.length})`}
            </Button>
          )}
          {can('problem.raise') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRaising(true)}
              data-testid="problems-raise"
            >
              {t('problems.list.raise')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('problems.list.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={view}
        onChange={(key) => setParams({ view: key }, { replace: true })}
        items={views.map((key) => ({
          key,
          label:
            totals[key] === undefined
              ? t(`problems.views.${key}`)
              : `${t(`problems.views.${key}`)} (${totals[key]})`,
        }))}
        data-testid="problems-views"
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<Status>
          allowClear
          aria-label={t('problems.list.filterStatus')}
          placeholder={t('problems.list.filterStatus')}
          value={status}
          onChange={setStatus}
          options={problemStatuses.map((value) => ({ value, label: t(`problems.status.${value}`) }))}
          style={{ width: 160 }}
        />
        <DictionarySelect
          kind="problemCategory"
          aria-label={t('problems.fields.category')}
          placeholder={t('problems.fields.category')}
          value={category}
          onChange={(value) => setCategory(typeof value === 'string' ? value : undefined)}
          style={{ width: 160 }}
        />
        <Checkbox checked={isOverdueOnly} onChange={(event) => setOverdueOnly(event.target.checked)}>
          {t('problems.list.overdueOnly')}
        </Checkbox>
        <Input.Search
          allowClear
          aria-label={t('problemDeadlines.findReference')}
          placeholder={t('problemDeadlines.findReference')}
          onSearch={(value) => setReference(value.trim() || undefined)}
          style={{ width: 280 }}
          data-testid="problems-find-reference"
        />
      </Flex>
      {view === undefined ? (
        <Spin style={{ display: 'block', margin: '32px auto' }} />
      ) : (
        <ProblemTable
          testId="problems-table"
          rowSelection={
            mayClassify
              ? {
                  selectedRowKeys: selected,
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => setSelected(keys.map(String)),
                  getCheckboxProps: (problem) => ({ disabled: problem.classId !== null }),
                }
              : undefined
          }
          filter={{
            view,
            ...(status ? { status } : {}),
            ...(category ? { category } : {}),
            ...(isOverdueOnly ? { overdue: true } : {}),
            ...(reference ? { referenceNumber: reference } : {}),
          }}
        />
      )}
      {isClassifying && (
        <ProblemClassModal
          problemIds={selected}
          onClose={() => {
            setClassifying(false);
            setSelected([]);
          }}
        />
      )}
      <RaiseProblemModal open={isRaising} onClose={() => setRaising(false)} />
    </Card>
  );
}
