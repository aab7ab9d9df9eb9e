import { SendOutlined } from '@ant-design/icons';
import type { Project } from '@tuijin/contracts';
import { App, Button, Empty, Flex, Form, Input, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useCreateProjectComment, useProjectComments } from './projects.queries';

/** 部门意见: what departments, leaders and officers said about the project, and a box to add one. */
export function ProjectCommentsTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const comments = useProjectComments(project.id);
  const createComment = useCreateProjectComment();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<{ body: string }>();
  const newestFirst = [...(comments.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));

  const submit = ({ body }: { body: string }) =>
    createComment.mutate(
      { id: project.id, body: body.trim() },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('projects.comments.added'));
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <Flex vertical gap={16}>
      {project.abilities.comment && (
        <Form form={form} name="project-comment" layout="vertical" onFinish={submit}>
          <Form.Item
            name="body"
            label={t('projects.comments.label')}
            rules={[{ required: true, whitespace: true, message: t('projects.required') }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={2000}
              showCount
              placeholder={t('projects.comments.placeholder')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={createComment.isPending}>
            {t('projects.comments.submit')}
          </Button>
        </Form>
      )}
      {comments.isError && <QueryError error={comments.error} onRetry={() => void comments.refetch()} />}
      {comments.isPending ? (
        <Spin />
      ) : newestFirst.length === 0 ? (
        <Empty description={t('projects.comments.none')} />
      ) : (
        <Flex vertical gap={12} data-testid="project-comments">
          {newestFirst.map((comment) => (
            <div key={comment.id} className="tj-comment">
              <Flex justify="space-between" wrap gap={8}>
                <Typography.Text strong>
                  {comment.organisationName} · {comment.authorName}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {dayjs(comment.at).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </Flex>
              <div className="tj-prewrap">{comment.body}</div>
            </div>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
