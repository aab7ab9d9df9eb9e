import type { ApprovalItem, ApprovalStatus } from '@tuijin/contracts';
import { Button, Flex, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { type TimingText, timingTag } from './approval-logic';

const statusColours: Record<ApprovalStatus, string> = {
  not_started: 'default',
  preparing: 'blue',
  accepted: 'processing',
  accepted_with_gaps: 'orange',
  approved: 'success',
  not_needed: 'default',
  returned: 'error',
};

/** The item's status as a coloured tag. */
export function ApprovalStatusTag({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColours[status]} data-testid="approval-status" data-status={status}>
      {t(`approvals.status.${status}`)}
    </Tag>
  );
}

/** Translates a timing text worked out by `timingTag`. */
export function useTimingText() {
  const { t } = useTranslation();
  return (text: TimingText) => t(`approvals.timing.${text.key}`, text.values);
}

/**
 * The time limit as a tag coloured by the limit's colour ("已用 6/10 个工作日 · 截止 2026-12-18"), 暂定
 * when counted through a year without its holidays, and the formal-approval limit after 容缺 closed.
 */
export function TimingTag({ item }: { item: Pick<ApprovalItem, 'status' | 'committedDays' | 'timing'> }) {
  const { t } = useTranslation();
  const timingText = useTimingText();
  const tag = timingTag(item);
  if (!tag) return null;
  const { conversionDueOn, conversionOverdue, isProvisional } = item.timing;
  return (
    <Space orientation="vertical" size={2}>
      <span>
        <Tag color={tag.colour} data-testid="approval-timing" data-colour={item.timing.colour}>
          {timingText(tag.text)}
        </Tag>
        {isProvisional && <ProvisionalTag />}
      </span>
      {conversionDueOn && (
        <Typography.Text type={conversionOverdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {t(conversionOverdue ? 'approvals.timing.conversionOverdue' : 'approvals.timing.conversionDue', {
            date: conversionDueOn,
          })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** 申报 / 受理 / 批复 + 文号 / 退回, and why an item is not needed; one line each. */
export function ItemDates({ item }: { item: ApprovalItem }) {
  const { t } = useTranslation();
  const dated = (date: string | null, key: 'submitted' | 'accepted' | 'returned' | 'approved') =>
    date ? [{ text: t(`approvals.dates.${key}`, { date }), isDate: true }] : [];
  const lines = [
    ...dated(item.submittedOn, 'submitted'),
    ...dated(item.acceptedOn, 'accepted'),
    ...dated(item.status === 'returned' ? item.returnedOn : null, 'returned'),
    ...dated(item.approvedOn, 'approved'),
    ...(item.approvalNumber
      ? [{ text: t('approvals.dates.approvalNumber', { number: item.approvalNumber }), isDate: false }]
      : []),
    ...(item.status === 'not_needed' && item.notNeededReason
      ? [{ text: t('approvals.dates.notNeeded', { reason: item.notNeededReason }), isDate: false }]
      : []),
  ];
  if (lines.length === 0) return <Typography.Text type="secondary">{t('approvals.empty')}</Typography.Text>;
  return (
    <Flex vertical gap={0}>
      {lines.map((line) => (
        // A date line stays whole; a 文号 or a reason may wrap.
        <span key={line.text} style={line.isDate ? { whiteSpace: 'nowrap' } : undefined}>
          {line.text}
        </span>
      ))}
    </Flex>
  );
}

/** The 开工前必办 and 关键路径 tags beside an item's name. */
export function ItemNameTags({ item, isCritical }: { item: ApprovalItem; isCritical: boolean }) {
  const { t } = useTranslation();
  if (!item.requiredBeforeStart && !isCritical) return null;
  return (
    <Flex gap={4} wrap>
      {item.requiredBeforeStart && (
        <Tag color="purple" data-testid="approval-required-before-start">
          {t('approvals.tags.requiredBeforeStart')}
        </Tag>
      )}
      {isCritical && (
        <Tag color="volcano" data-testid="approval-critical">
          {t('approvals.tags.critical')}
        </Tag>
      )}
    </Flex>
  );
}

interface MaterialsListProps {
  item: ApprovalItem;
  onSupply: (materialId: string) => void;
}

/**
 * The 容缺 materials of an item: what, promised by when (red once the promise has passed), supplied
 * when, and 补齐 for whoever may record it.
 */
export function MaterialsList({ item, onSupply }: MaterialsListProps) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('approvals.materials.title')}</Typography.Text>}
      dataSource={item.materials}
      data-testid="approval-materials"
      renderItem={(material) => (
        <List.Item
          data-testid="approval-material"
          actions={
            item.canSupply && !material.suppliedOn
              ? [
                  <Button
                    key="supply"
                    size="small"
                    type="primary"
                    ghost
                    onClick={() => onSupply(material.id)}
                    data-testid="approval-supply"
                  >
                    {t('approvals.materials.supply')}
                  </Button>,
                ]
              : []
          }
        >
          <Flex wrap gap={8} align="center">
            <Typography.Text>{material.name}</Typography.Text>
            <Typography.Text
              type={material.overdue && !material.suppliedOn ? 'danger' : 'secondary'}
              data-testid="approval-material-promise"
              data-overdue={material.overdue}
            >
              {t('approvals.materials.promisedOn', { date: material.promisedOn })}
              {material.overdue && !material.suppliedOn && ` · ${t('approvals.materials.promiseOverdue')}`}
            </Typography.Text>
            {material.suppliedOn ? (
              <Tag color="success">{t('approvals.materials.suppliedOn', { date: material.suppliedOn })}</Tag>
            ) : (
              <Tag>{t('approvals.materials.notSupplied')}</Tag>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}
