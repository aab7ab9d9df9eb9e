import type { ApprovalItem, Problem, ProjectApprovals } from '@tuijin/contracts';
import { Button, Card, Collapse, Descriptions, Flex, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApprovalStatusTag, ItemDates, ItemNameTags, MaterialsList, TimingTag } from './ApprovalBits';
import { ApprovalDocuments } from './ApprovalDocuments';
import { ItemLoop } from './ApprovalLoop';
import './approvals.css';

export interface ItemHandlers {
  onMove: (itemId: string) => void;
  onEdit: (itemId: string) => void;
  onSupply: (itemId: string, materialId: string) => void;
}

interface ItemsViewProps extends ItemHandlers {
  checklist: ProjectApprovals;
  /** Open problems about each item (by item id). */
  problems: ReadonlyMap<string, Problem[]>;
  /** 转为问题 on a broken 容缺 promise (the office). */
  onRaise?: (itemId: string) => void;
}

const noProblems: Problem[] = [];

/** 办理 when the reader has moves to make, 编辑 when there are fields the reader may change. */
function ItemActions({
  item,
  onMove,
  onEdit,
}: { item: ApprovalItem } & Pick<ItemHandlers, 'onMove' | 'onEdit'>) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {item.allowedMoves.length > 0 && (
        <Button size="small" type="primary" onClick={() => onMove(item.id)} data-testid="approval-move">
          {t('approvals.move.action')}
        </Button>
      )}
      {item.editableFields.length > 0 && (
        <Button size="small" onClick={() => onEdit(item.id)} data-testid="approval-edit">
          {t('approvals.edit.action')}
        </Button>
      )}
    </Space>
  );
}

/** The planned start → finish of an item from the parallel schedule ("计划 …" with `isLabelled`). */
function usePlanText(checklist: ProjectApprovals) {
  const { t } = useTranslation();
  const plans = new Map(checklist.schedule.items.map((plan) => [plan.id, plan]));
  return (itemId: string, isLabelled = false) => {
    const plan = plans.get(itemId);
    if (!plan) return isLabelled ? '' : t('approvals.empty');
    const dates = { start: plan.startOn, finish: plan.finishOn };
    return isLabelled ? t('approvals.dates.planned', dates) : t('approvals.dates.plan', dates);
  };
}

/** The checklist as a wide table (desktop): 容缺 materials in an expandable row, the critical chain shaded. */
export function ApprovalItemTable({
  checklist,
  problems,
  onRaise,
  onMove,
  onEdit,
  onSupply,
}: ItemsViewProps) {
  const { t } = useTranslation();
  const planText = usePlanText(checklist);
  const critical = new Set(checklist.schedule.criticalChain);
  const withMaterials = checklist.items.filter((item) =>
    item.materials.some((material) => !material.suppliedOn),
  );

  return (
    <Table<ApprovalItem>
      rowKey="id"
      size="small"
      className="tj-approvals-table"
      data-testid="approvals-table"
      dataSource={checklist.items}
      pagination={false}
      // A fixed minimum rather than max-content: dates and names wrap so the whole row fits a laptop.
      scroll={{ x: 1000 }}
      tableLayout="auto"
      rowClassName={(item) => (critical.has(item.id) ? 'tj-approval-critical' : '')}
      expandable={{
        defaultExpandedRowKeys: withMaterials.map((item) => item.id),
        // 容缺 materials (when any) and the item's 办理材料, loaded when the row opens.
        expandedRowRender: (item) => (
          <Flex vertical gap={12}>
            {item.materials.length > 0 && (
              <MaterialsList item={item} onSupply={(materialId) => onSupply(item.id, materialId)} />
            )}
            <ApprovalDocuments itemId={item.id} />
          </Flex>
        ),
      }}
      columns={[
        {
          key: 'name',
          title: t('approvals.fields.name'),
          render: (_, item) => (
            <Flex vertical gap={4} style={{ minWidth: 180 }}>
              <Typography.Text strong>{item.name}</Typography.Text>
              <ItemNameTags item={item} isCritical={critical.has(item.id)} />
              <ItemLoop
                item={item}
                problems={problems.get(item.id) ?? noProblems}
                canManage={checklist.canManage}
                onRaise={onRaise}
              />
            </Flex>
          ),
        },
        {
          key: 'department',
          title: t('approvals.fields.department'),
          render: (_, item) => item.departmentName ?? t('approvals.empty'),
        },
        {
          key: 'status',
          title: t('approvals.fields.status'),
          render: (_, item) => <ApprovalStatusTag status={item.status} />,
        },
        {
          key: 'timing',
          title: t('approvals.fields.timing'),
          render: (_, item) => <TimingTag item={item} />,
        },
        {
          key: 'agent',
          title: t('approvals.fields.agent'),
          render: (_, item) => item.agentName ?? t('approvals.empty'),
        },
        {
          key: 'dates',
          title: t('approvals.fields.dates'),
          render: (_, item) => (
            <Flex vertical gap={2}>
              <ItemDates item={item} />
              <Typography.Text
                type="secondary"
                style={{ fontSize: 12, whiteSpace: 'nowrap' }}
                data-testid="approval-plan"
              >
                {planText(item.id, true)}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'actions',
          title: t('common.actions'),
          fixed: 'right',
          render: (_, item) => <ItemActions item={item} onMove={onMove} onEdit={onEdit} />,
        },
      ]}
    />
  );
}

/** The checklist as a column of cards (phones): the same facts, materials and buttons inside each card. */
export function ApprovalItemCards({
  checklist,
  problems,
  onRaise,
  onMove,
  onEdit,
  onSupply,
}: ItemsViewProps) {
  const { t } = useTranslation();
  const planText = usePlanText(checklist);
  const critical = new Set(checklist.schedule.criticalChain);
  return (
    <Flex vertical gap={12} data-testid="approvals-cards">
      {checklist.items.map((item) => {
        const isCritical = critical.has(item.id);
        return (
          <Card
            key={item.id}
            size="small"
            className={isCritical ? 'tj-approval-card is-critical' : 'tj-approval-card'}
            title={<span style={{ whiteSpace: 'normal' }}>{item.name}</span>}
            extra={<ApprovalStatusTag status={item.status} />}
            data-testid="approval-card"
            data-item-id={item.id}
            data-critical={isCritical}
          >
            <Flex vertical gap={8}>
              <ItemNameTags item={item} isCritical={isCritical} />
              <TimingTag item={item} />
              <ItemLoop
                item={item}
                problems={problems.get(item.id) ?? noProblems}
                canManage={checklist.canManage}
                onRaise={onRaise}
              />
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'department',
                    label: t('approvals.fields.department'),
                    children: item.departmentName ?? t('approvals.empty'),
                  },
                  {
                    key: 'agent',
                    label: t('approvals.fields.agent'),
                    children: item.agentName ?? t('approvals.empty'),
                  },
                  { key: 'dates', label: t('approvals.fields.dates'), children: <ItemDates item={item} /> },
                  { key: 'schedule', label: t('approvals.fields.schedule'), children: planText(item.id) },
                ]}
              />
              {item.materials.length > 0 && (
                <MaterialsList item={item} onSupply={(materialId) => onSupply(item.id, materialId)} />
              )}
              <ItemActions item={item} onMove={onMove} onEdit={onEdit} />
              <Collapse
                size="small"
                ghost
                items={[
                  {
                    key: 'documents',
                    label: t('approvalDocuments.title'),
                    children: <ApprovalDocuments itemId={item.id} hasTitle={false} />,
                  },
                ]}
                data-testid="approval-card-documents"
              />
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
