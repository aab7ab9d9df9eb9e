import { problemDescriptionLength } from '@tuijin/contracts';
import { isOpenApprovalStatus } from '@tuijin/domain';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { approvalProblemCategory } from '../approvals/approval-loop';
import { useProjectApprovals } from '../approvals/approvals.queries';
import { useCan } from '../auth/use-current-user';
import { DictionarySelect } from '../dictionaries/DictionarySelect';
import { ProjectPicker } from './ProjectPicker';

/** What the raise form holds (the body of 登记问题 without the channel). */
export interface RaiseValues {
  projectId: string;
  category: string;
  description: string;
  request?: string;
  callerName?: string;
  callerPhone?: string;
  /** The project's approval item the problem is about (category 审批). */
  approvalItemId?: string | null;
}

/**
 * 所涉手续: for a problem of category 审批, the project's approval items still open (an item already
 * chosen stays listed). A second problem on an item with one open is refused by the server, naming it.
 */
function ApprovalItemField() {
  const { t } = useTranslation();
  const can = useCan();
  const form = Form.useFormInstance<RaiseValues>();
  const projectId = Form.useWatch('projectId', form);
  const category = Form.useWatch('category', form);
  const chosen = Form.useWatch('approvalItemId', form);
  const isShown = category === approvalProblemCategory && Boolean(projectId) && can('approval.read');
  const checklist = useProjectApprovals(projectId ?? '', isShown);
  if (!isShown) return null;
  const items = (checklist.data?.items ?? []).filter(
    (item) => isOpenApprovalStatus(item.status) || item.id === chosen,
  );
  return (
    <Form.Item name="approvalItemId" label={t('approvalLoop.item')} extra={t('approvalLoop.itemHint')}>
      <Select
        allowClear
        loading={checklist.isPending}
        placeholder={t('approvalLoop.itemPlaceholder')}
        data-testid="raise-approval-item"
        options={items.map((item) => ({
          value: item.id,
          label: `${item.name} · ${t(`approvals.status.${item.status}`)}`,
        }))}
      />
    </Form.Item>
  );
}

interface RaiseProblemFieldsProps {
  /** The project is fixed (raised from its page): no picker. */
  project?: { id: string; name: string } | null;
}

/** Project, 问题分类, description and request: the fields every intake shares. */
export function RaiseProblemFields({ project }: RaiseProblemFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="projectId"
        label={t('problems.raise.project')}
        rules={[{ required: true, message: t('problems.raise.projectRequired') }]}
        hidden={Boolean(project)}
      >
        <ProjectPicker current={project} data-testid="raise-project" />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('problems.raise.category')}
        rules={[{ required: true, message: t('problems.raise.categoryRequired') }]}
      >
        <DictionarySelect kind="problemCategory" data-testid="raise-category" />
      </Form.Item>
      <ApprovalItemField />
      <Form.Item
        name="description"
        label={t('problems.raise.description')}
        rules={[
          { required: true, whitespace: true, message: t('problems.raise.descriptionRequired') },
          {
            validator: (_, value?: string) =>
              !value?.trim() || value.trim().length >= problemDescriptionLength.min
                ? Promise.resolve()
                : Promise.reject(
                    new Error(
                      t('problemDeadlines.descriptionTooShort', { min: problemDescriptionLength.min }),
                    ),
                  ),
          },
        ]}
      >
        <Input.TextArea
          rows={4}
          maxLength={problemDescriptionLength.max}
          showCount
          placeholder={t('problems.raise.descriptionPlaceholder')}
          data-testid="raise-description"
        />
      </Form.Item>
      <Form.Item name="request" label={t('problems.raise.request')}>
        <Input.TextArea
          rows={2}
          maxLength={1000}
          placeholder={t('problems.raise.requestPlaceholder')}
          data-testid="raise-request"
        />
      </Form.Item>
    </>
  );
}
