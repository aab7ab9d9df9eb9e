import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import type { ProblemLetter, ProblemLetterKind } from '@tuijin/contracts';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Spin,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { QueryError } from '../../components/QueryError';
import {
  problemLetterUrl,
  useIssueProblemLetter,
  useMarkProblemLetterSent,
  useProblemLetters,
  useReplyProblemLetter,
} from './problem-letters.queries';

const statusColours = { issued: 'orange', sent: 'blue', replied: 'green' } as const;

/** What the panel may offer beyond the server's own per-letter answers (e.g. hide issuing on a read-only page). */
export interface ProblemLettersAbilities {
  issue?: boolean;
}

interface IssueForm {
  kind: ProblemLetterKind;
  demandedAction: string;
  replyWorkingDays: number;
}

/** 提醒函 / 督办单 of one problem: the list, the issue form (offices, overdue problems), download, delivery, reply. */
export function ProblemLettersPanel({
  problemId,
  abilities,
}: {
  problemId: string;
  abilities?: ProblemLettersAbilities;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const letters = useProblemLetters(problemId);
  const issue = useIssueProblemLetter();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<IssueForm>();
  // `?letter=issue` (发提醒函 from an approval item's overdue problem) opens the form straight away.
  const [searchParams] = useSearchParams();
  const [issuing, setIssuing] = useState(searchParams.get('letter') === 'issue');
  const canIssue = (letters.data?.canIssue ?? false) && abilities?.issue !== false;

  const submit = (values: IssueForm) =>
    issue.mutate(
      { id: problemId, body: { ...values, demandedAction: values.demandedAction.trim() } },
      {
        onSuccess: (letter) => {
          form.resetFields();
          setIssuing(false);
          void message.success(t('problemLetters.issued', { serial: letter.serial }));
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <Card
      size="small"
      title={t('problemLetters.title')}
      data-testid="problem-letters"
      extra={
        canIssue &&
        !issuing && (
          <Button type="primary" size="small" icon={<SendOutlined />} onClick={() => setIssuing(true)}>
            {t('problemLetters.issue')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        {issuing && letters.data && (
          <Form
            form={form}
            name="problem-letter"
            layout="vertical"
            onFinish={submit}
            initialValues={{ kind: letters.data.nextKind, replyWorkingDays: 5 }}
          >
            <Form.Item name="kind" label={t('problemLetters.kind')}>
              <Radio.Group>
                <Radio.Button value="reminder">{t('problemLetters.kinds.reminder')}</Radio.Button>
                <Radio.Button value="supervision">{t('problemLetters.kinds.supervision')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="demandedAction"
              label={t('problemLetters.demandedAction')}
              rules={[{ required: true, whitespace: true, message: t('problemLetters.required') }]}
            >
              <Input.TextArea
                rows={3}
                maxLength={1000}
                showCount
                placeholder={t('problemLetters.demandedActionPlaceholder')}
              />
            </Form.Item>
            <Form.Item
              name="replyWorkingDays"
              label={t('problemLetters.replyWorkingDays')}
              extra={t('problemLetters.replyWorkingDaysHelp')}
              rules={[{ required: true, message: t('problemLetters.required') }]}
            >
              <InputNumber min={1} max={30} precision={0} />
            </Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={issue.isPending}>
                {t('problemLetters.issue')}
              </Button>
              <Button onClick={() => setIssuing(false)}>{t('common.cancel')}</Button>
            </Flex>
          </Form>
        )}
        {letters.isError && <QueryError error={letters.error} onRetry={() => void letters.refetch()} />}
        {letters.isPending ? (
          <Spin />
        ) : (letters.data?.data.length ?? 0) === 0 ? (
          <Empty description={t('problemLetters.none')} />
        ) : (
          letters.data?.data.map((letter) => (
            <LetterCard key={letter.id} problemId={problemId} letter={letter} />
          ))
        )}
      </Flex>
    </Card>
  );
}

function LetterCard({ problemId, letter }: { problemId: string; letter: ProblemLetter }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const markSent = useMarkProblemLetterSent();
  const reply = useReplyProblemLetter();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<{ reply: string }>();
  const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

  return (
    <Card
      type="inner"
      size="small"
      data-testid="problem-letter"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t(`problemLetters.kinds.${letter.kind}`)}</span>
          <span>{letter.serial}</span>
          <Tag color={statusColours[letter.status]}>{t(`problemLetters.statuses.${letter.status}`)}</Tag>
        </Flex>
      }
      extra={
        <Flex gap={8}>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={problemLetterUrl(problemId, letter.id)}
            download
          >
            {t('problemLetters.download')}
          </Button>
          {letter.canMarkSent && (
            <Button
              size="small"
              loading={markSent.isPending}
              onClick={() =>
                markSent
                  .mutateAsync({ id: problemId, letterId: letter.id, version: letter.version })
                  .then(() => void message.success(t('problemLetters.markedSent')))
                  .catch((error: unknown) => reportError(error))
              }
            >
              {t('problemLetters.markSent')}
            </Button>
          )}
        </Flex>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('problemLetters.recipient')}>
          {letter.recipientOrganisationName}
        </Descriptions.Item>
        <Descriptions.Item label={t('problemLetters.originalDueOn')}>
          {letter.originalDueOn}（{t('problemLetters.daysOverdue', { days: letter.daysOverdue })}）
        </Descriptions.Item>
        <Descriptions.Item label={t('problemLetters.demandedAction')} span={2}>
          <span className="tj-prewrap">{letter.demandedAction}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('problemLetters.replyDueOn')}>
          {letter.replyDueOn}
          {letter.isReplyDueOnProvisional && <ProvisionalTag />}
        </Descriptions.Item>
        <Descriptions.Item label={t('problemLetters.issuedBy')}>
          {letter.issuerOrganisationName} · {letter.issuedByName} · {when(letter.issuedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('problemLetters.sentAt')}>{when(letter.sentAt)}</Descriptions.Item>
        {letter.replyText !== null && (
          <Descriptions.Item label={t('problemLetters.reply')} span={2}>
            <span className="tj-prewrap">{letter.replyText}</span>（{letter.repliedByName} ·{' '}
            {when(letter.repliedAt)}）
          </Descriptions.Item>
        )}
      </Descriptions>
      {letter.canReply && (
        <Form
          form={form}
          name={`problem-letter-reply-${letter.id}`}
          layout="vertical"
          onFinish={({ reply: text }) =>
            reply.mutate(
              { id: problemId, letterId: letter.id, version: letter.version, reply: text.trim() },
              {
                onSuccess: () => void message.success(t('problemLetters.replied')),
                onError: (error) => reportError(error, form),
              },
            )
          }
        >
          <Form.Item
            name="reply"
            label={t('problemLetters.replyLabel')}
            rules={[{ required: true, whitespace: true, message: t('problemLetters.required') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={reply.isPending}>
            {t('problemLetters.replySubmit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
