import { AlertOutlined, DownloadOutlined } from '@ant-design/icons';
import { type ApprovalItem, buildPath, fileRoutes, type Problem } from '@tuijin/contracts';
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../auth/use-current-user';
import { useProblems } from '../problems/problems.queries';
import {
  approvalProblemCategory,
  brokenPromises,
  mayRaiseFromBrokenPromise,
  problemsByItem,
} from './approval-loop';

/** Where an item's 超时默认 notice is downloaded (as an attachment). */
export const deemedNoticeUrl = (itemId: string) => buildPath(fileRoutes.downloadDeemedNotice, { id: itemId });

/**
 * The open problems about approval items the reader may see (one request, grouped by item): of one
 * project on its tab, or all of them for 手续事项. Empty for a reader without problem.read.
 */
export function useItemProblems(projectId?: string) {
  const can = useCan();
  const mayRead = can('problem.read');
  const problems = useProblems(
    { approvalLinked: true, open: true, pageSize: 200, ...(projectId ? { projectId } : {}) },
    mayRead,
  );
  return problemsByItem(problems.data?.data ?? []);
}

/** The prefilled raise form of a broken promise: category 审批, the item, which materials and since when. */
export function useBrokenPromiseDraft() {
  const { t } = useTranslation();
  return (item: ApprovalItem) => ({
    category: approvalProblemCategory,
    approvalItemId: item.id,
    description: t('approvalLoop.brokenPromiseDescription', {
      itemName: item.name,
      acceptedOn: item.acceptedOn ?? '',
      materials: brokenPromises(item)
        .map((m) => t('approvalLoop.brokenPromiseMaterial', { name: m.name, promisedOn: m.promisedOn }))
        .join('；'),
    }),
    request: t('approvalLoop.brokenPromiseRequest'),
  });
}

interface ItemLoopProps {
  /** An item of a checklist (with its materials) or a row of 手续事项 (without). */
  item: Pick<ApprovalItem, 'id' | 'status' | 'deemedNotice'> & { materials?: ApprovalItem['materials'] };
  problems: readonly Problem[];
  /** The reader runs the checklist (the office): may turn a broken promise into a problem. */
  canManage?: boolean;
  onRaise?: (itemId: string) => void;
}

/**
 * What the item has in the follow-up loop: its 超时默认 notice (number, dates, download), its open
 * problems (each a link; 发提醒函 on an overdue one leads to the problem's letter form) and, for the
 * office, 转为问题 on a broken 容缺 promise.
 */
export function ItemLoop({ item, problems, canManage = false, onRaise }: ItemLoopProps) {
  const { t } = useTranslation();
  const { materials } = item;
  const mayRaise =
    onRaise && materials && mayRaiseFromBrokenPromise({ ...item, materials }, canManage, problems);
  if (!item.deemedNotice && problems.length === 0 && !mayRaise) return null;
  return (
    <Flex vertical gap={4} data-testid="approval-loop">
      {item.deemedNotice && (
        <Flex gap={4} wrap align="center" data-testid="approval-deemed">
          <Tag color="purple">{t('approvalLoop.deemed')}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('approvalLoop.deemedDetail', {
              number: item.deemedNotice.noticeNumber,
              deadlineOn: item.deemedNotice.deadlineOn,
              issuedOn: item.deemedNotice.issuedOn,
            })}
          </Typography.Text>
          <Button
            size="small"
            type="link"
            icon={<DownloadOutlined />}
            href={deemedNoticeUrl(item.id)}
            download
            data-testid="approval-deemed-download"
          >
            {t('approvalLoop.deemedDownload')}
          </Button>
        </Flex>
      )}
      {problems.map((problem) => (
        <Flex key={problem.id} gap={4} wrap align="center" data-testid="approval-problem">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('approvalLoop.problems')}
          </Typography.Text>
          <Link to={`/problems/${problem.id}`} style={{ fontSize: 12 }}>
            {t('approvalLoop.problemLink', {
              referenceNumber: problem.referenceNumber,
              dueOn: problem.dueOn,
            })}
          </Link>
          {problem.isOverdue && (
            <>
              <Tag color="red">{t('approvalLoop.problemOverdue')}</Tag>
              {canManage && (
                <Link to={`/problems/${problem.id}?letter=issue`} style={{ fontSize: 12 }}>
                  {t('approvalLoop.issueLetter')}
                </Link>
              )}
            </>
          )}
        </Flex>
      ))}
      {mayRaise && (
        <Button
          size="small"
          danger
          icon={<AlertOutlined />}
          title={t('approvalLoop.toProblemHint')}
          onClick={() => onRaise(item.id)}
          data-testid="approval-to-problem"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('approvalLoop.toProblem')}
        </Button>
      )}
    </Flex>
  );
}
