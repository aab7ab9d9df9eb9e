import { ArrowLeftOutlined } from '@ant-design/icons';
import { canTransitionProblem } from '@tuijin/domain';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Result, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { hasCode } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { useCan } from '../auth/use-current-user';
import { DueOn, ProblemStatusTag } from './ProblemBits';
import { useAnswerProblemClass, useProblemClass } from './problem-config.queries';
import './problems.css';

/** 问题类: its members with their status, and 统一答复 for every member still open. */
export default function ProblemClassPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { id = '' } = useParams();
  const problemClass = useProblemClass(id);
  const answer = useAnswerProblemClass(id);
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ answer: string }>();

  if (problemClass.isPending) return <FullPageSpin />;
  if (problemClass.isError) {
    if (hasCode(problemClass.error, 'NOT_FOUND') || hasCode(problemClass.error, 'VALIDATION_FAILED'))
      return (
        <Result
          status="404"
          title={t('problems.classes.notFound')}
          subTitle={errorText(problemClass.error)}
          extra={
            <Button type="primary" onClick={() => navigate('/problems')}>
              {t('problems.list.title')}
            </Button>
          }
        />
      );
    return <QueryError error={problemClass.error} onRetry={() => void problemClass.refetch()} />;
  }
  const data = problemClass.data;
  const open = data.problems.filter((problem) => canTransitionProblem(problem.status, 'answer'));
  // The server lets the office or a handler of every open member answer; members are what the reader may see.
  const mayAnswer = open.length > 0 && (can('problem.route') || can('problem.handle'));

  return (
    <Flex vertical gap={16}>
      <Card>
        <Button
          type="link"
          size="small"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/problems')}
          style={{ paddingInline: 0 }}
        >
          {t('problems.detail.back')}
        </Button>
        <Typography.Title level={4} style={{ marginTop: 4 }} data-testid="class-title">
          {data.name}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'members', label: t('problems.classes.members'), children: data.problems.length },
            {
              key: 'open',
              label: t('problems.classes.open'),
              children: <span data-testid="class-open">{open.length}</span>,
            },
            {
              key: 'answeredAt',
              label: t('problems.classes.answeredAt'),
              children: data.answeredAt
                ? dayjs(data.answeredAt).format('YYYY-MM-DD HH:mm')
                : t('problems.none'),
            },
          ]}
        />
        {data.answer && (
          <Alert
            type="success"
            showIcon
            message={t('problems.classes.answer')}
            description={
              <span className="tj-prewrap" data-testid="class-answer">
                {data.answer}
              </span>
            }
          />
        )}
      </Card>
      <Card title={t('problems.classes.members')}>
        <Flex vertical gap={8} data-testid="class-members">
          {data.problems.map((problem) => (
            <Flex
              key={problem.id}
              gap={12}
              wrap
              align="center"
              data-testid="class-member"
              data-status={problem.status}
            >
              <Link to={`/problems/${problem.id}`}>{problem.referenceNumber}</Link>
              <ProblemStatusTag status={problem.status} />
              <Typography.Text type="secondary">
                {problem.projectName} · {problem.category}
              </Typography.Text>
              <span className="tj-problem-cell" title={problem.description}>
                {problem.description}
              </span>
              <span>{problem.handlerOrganisationName ?? t('problems.none')}</span>
              <DueOn problem={problem} />
            </Flex>
          ))}
        </Flex>
      </Card>
      {mayAnswer && (
        <Card title={t('problems.classes.answerAll')}>
          <Typography.Paragraph type="secondary">
            {t('problems.classes.answerHint', { count: open.length })}
          </Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            name="class-answer"
            onFinish={(values) =>
              answer.mutate(values.answer.trim(), {
                onSuccess: () => form.resetFields(),
                onError: (error) => onError(error, form),
              })
            }
          >
            <Form.Item
              name="answer"
              label={t('problems.move.answer')}
              rules={[{ required: true, whitespace: true, message: t('problems.move.answerRequired') }]}
            >
              <Input.TextArea rows={4} maxLength={4000} showCount data-testid="class-answer-text" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="class-answer-ok">
              {t('problems.classes.answerAll')}
            </Button>
          </Form>
        </Card>
      )}
    </Flex>
  );
}
