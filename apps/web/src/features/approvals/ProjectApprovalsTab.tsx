import { PlusOutlined } from '@ant-design/icons';
import type { ApprovalRoute, Project, ProjectApprovals } from '@tuijin/contracts';
import { approvalRoutes } from '@tuijin/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Grid,
  Select,
  Spin,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useCan } from '../auth/use-current-user';
import type { RaiseValues } from '../problems/RaiseProblemFields';
import { RaiseProblemModal } from '../problems/RaiseProblemModal';
import { AddApprovalModal } from './AddApprovalModal';
import { ApprovalEditDrawer } from './ApprovalEditDrawer';
import { ApprovalItemCards, ApprovalItemTable } from './ApprovalItemsView';
import { useBrokenPromiseDraft, useItemProblems } from './ApprovalLoop';
import { ApprovalMoveModal } from './ApprovalMoveModal';
import { chainNames } from './approval-logic';
import { useGenerateApprovals, useProjectApprovals } from './approvals.queries';
import { SupplyMaterialModal } from './SupplyMaterialModal';
import { useApprovalError } from './use-approval-error';

type Dialog =
  | { kind: 'move' | 'edit'; itemId: string }
  | { kind: 'supply'; itemId: string; materialId: string }
  | { kind: 'add' }
  | { kind: 'raise'; draft: Partial<RaiseValues> };

/** 开工条件: what still blocks 新开工, the earliest start and the critical chain of the schedule. */
function StartGatePanel({ checklist }: { checklist: ProjectApprovals }) {
  const { t } = useTranslation();
  const chain = chainNames(checklist.schedule.criticalChain, checklist.items);
  return (
    <Flex vertical gap={12} data-testid="approval-gate">
      {checklist.blockers.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('approvals.gate.blocked')}
          data-testid="approval-blockers"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {checklist.blockers.map((blocker) => (
                <li key={`${blocker.itemId}-${blocker.kind}`} data-testid="approval-blocker">
                  {blocker.text}
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon title={t('approvals.gate.clear')} data-testid="approval-gate-clear" />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'earliest',
            label: t('approvals.gate.earliestStart'),
            children: (
              <span data-testid="approval-earliest-start">
                {checklist.schedule.earliestStartOn ?? t('approvals.gate.unknown')}
              </span>
            ),
          },
          {
            key: 'chain',
            label: t('approvals.gate.criticalChain'),
            children: (
              <span data-testid="approval-critical-chain">
                {chain.length > 0 ? chain.join(' → ') : t('approvals.empty')}
              </span>
            ),
          },
        ]}
      />
    </Flex>
  );
}

/** An empty checklist: the office generates it from the catalogue by 立项 route. */
function GenerateChecklist({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ route: ApprovalRoute }>();
  const generate = useGenerateApprovals();
  const onError = useApprovalError();
  return (
    <Card size="small" title={t('approvals.generate.title')} data-testid="approval-generate">
      <Typography.Paragraph type="secondary">{t('approvals.generate.hint')}</Typography.Paragraph>
      <Form<{ route: ApprovalRoute }>
        form={form}
        layout="inline"
        name="approval-generate"
        onFinish={({ route }) =>
          generate.mutate(
            { projectId, route },
            {
              onSuccess: (checklist) =>
                void message.success(t('approvals.generate.done', { count: checklist.items.length })),
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="route"
          label={t('approvals.generate.route')}
          rules={[{ required: true, message: t('approvals.generate.routeRequired') }]}
        >
          <Select<ApprovalRoute>
            style={{ width: 160 }}
            data-testid="approval-generate-route"
            options={approvalRoutes.map((route) => ({ value: route, label: t(`approvals.route.${route}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={generate.isPending}
            data-testid="approval-generate-ok"
          >
            {t('approvals.generate.submit')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/**
 * 前期手续 tab of the project page: the start gate, the checklist (a table on desktop, cards on a
 * phone) with each item's clock, 容缺 materials and the moves and edits the server allows the reader,
 * and for the office generating the checklist and adding procedures.
 */
export function ProjectApprovalsTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const can = useCan();
  const mayRead = can('approval.read');
  const approvals = useProjectApprovals(project.id, mayRead);
  const screens = Grid.useBreakpoint();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const problems = useItemProblems(project.id);
  const brokenPromiseDraft = useBrokenPromiseDraft();

  if (!mayRead) return <Empty description={t('approvals.noRead')} />;
  if (approvals.isPending) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (approvals.isError)
    return <QueryError error={approvals.error} onRetry={() => void approvals.refetch()} />;

  const checklist = approvals.data;
  if (checklist.items.length === 0)
    return checklist.canManage ? (
      <GenerateChecklist projectId={project.id} />
    ) : (
      <Empty description={t('approvals.generate.empty')} data-testid="approval-empty" />
    );

  const close = () => setDialog(null);
  const item =
    dialog && dialog.kind !== 'add' && dialog.kind !== 'raise'
      ? checklist.items.find((i) => i.id === dialog.itemId)
      : undefined;
  const handlers = {
    onMove: (itemId: string) => setDialog({ kind: 'move', itemId }),
    onEdit: (itemId: string) => setDialog({ kind: 'edit', itemId }),
    onSupply: (itemId: string, materialId: string) => setDialog({ kind: 'supply', itemId, materialId }),
    problems,
    onRaise: (itemId: string) => {
      const raised = checklist.items.find((i) => i.id === itemId);
      if (raised) setDialog({ kind: 'raise', draft: brokenPromiseDraft(raised) });
    },
  };

  return (
    <Flex vertical gap={16} data-testid="project-approvals">
      <StartGatePanel checklist={checklist} />
      {checklist.canManage && (
        <Flex>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'add' })}
            data-testid="approval-add"
          >
            {t('approvals.add.action')}
          </Button>
        </Flex>
      )}
      {screens.sm === false ? (
        <ApprovalItemCards checklist={checklist} {...handlers} />
      ) : (
        <ApprovalItemTable checklist={checklist} {...handlers} />
      )}
      {dialog?.kind === 'move' && item && (
        <ApprovalMoveModal item={item} today={checklist.today} onClose={close} />
      )}
      {dialog?.kind === 'edit' && item && <ApprovalEditDrawer item={item} onClose={close} />}
      {dialog?.kind === 'supply' && item && (
        <SupplyMaterialModal
          item={item}
          materialId={dialog.materialId}
          today={checklist.today}
          onClose={close}
        />
      )}
      {dialog?.kind === 'raise' && (
        <RaiseProblemModal
          open
          onClose={close}
          project={{ id: project.id, name: project.name }}
          draft={dialog.draft}
        />
      )}
      {dialog?.kind === 'add' && (
        <AddApprovalModal
          projectId={project.id}
          regionCode={project.regionCode}
          items={checklist.items}
          onClose={close}
        />
      )}
    </Flex>
  );
}
