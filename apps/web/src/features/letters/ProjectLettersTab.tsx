import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import type { Project, ProjectLetter, ProjectLetterList, ProjectLetterReason } from '@tuijin/contracts';
import { projectLetterReasons } from '@tuijin/domain';
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
  Select,
  Spin,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { QueryError } from '../../components/QueryError';
import {
  projectLetterUrl,
  useIssueProjectLetter,
  useMarkProjectLetterSent,
  useProjectLetters,
  useReplyProjectLetter,
} from './letters.queries';

const statusColours = { issued: 'orange', sent: 'blue', replied: 'green' } as const;

interface IssueForm {
  kind: 'reminder' | 'supervision';
  reason: ProjectLetterReason;
  recipientOrganisationId: string;
  demandedAction: string;
  replyWorkingDays: number;
}

/** 函件 tab of a project: its 提醒函 / 督办单, the issue form (offices), delivery, reply (recipient unit), download. */
export function ProjectLettersTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const letters = useProjectLetters(project.id);
  const [issuing, setIssuing] = useState(false);
  return (
    <Card
      size="small"
      title={t('projectLetters.title')}
      data-testid="project-letters"
      extra={
        letters.data?.canIssue &&
        !issuing && (
          <Button type="primary" size="small" icon={<SendOutlined />} onClick={() => setIssuing(true)}>
            {t('projectLetters.issue')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        {issuing && letters.data && (
          <IssueLetterForm projectId={project.id} list={letters.data} onClose={() => setIssuing(false)} />
        )}
        {letters.isError && <QueryError error={letters.error} onRetry={() => void letters.refetch()} />}
        {letters.isPending ? (
          <Spin />
        ) : (letters.data?.data.length ?? 0) === 0 ? (
          <Empty description={t('projectLetters.none')} />
        ) : (
          letters.data?.data.map((letter) => <LetterCard key={letter.id} letter={letter} />)
        )}
      </Flex>
    </Card>
  );
}

function IssueLetterForm({
  projectId,
  list,
  onClose,
}: {
  projectId: string;
  list: ProjectLetterList;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issue = useIssueProjectLetter();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<IssueForm>();
  const submit = (values: IssueForm) =>
    issue.mutate(
      { id: projectId, body: { ...values, demandedAction: values.demandedAction.trim() } },
      {
        onSuccess: (letter) => {
          onClose();
          void message.success(t('problemLetters.issued', { serial: letter.serial }));
        },
        onError: (error) => reportError(error, form),
      },
    );
  return (
    <Form
      form={form}
      name="project-letter"
      layout="vertical"
      onFinish={submit}
      initialValues={{
        kind: list.nextKind,
        reason: 'red',
        recipientOrganisationId: list.recipients[0]?.id,
        replyWorkingDays: 5,
      }}
    >
      <Form.Item name="kind" label={t('problemLetters.kind')}>
        <Radio.Group>
          <Radio.Button value="reminder">{t('problemLetters.kinds.reminder')}</Radio.Button>
          <Radio.Button value="supervision">{t('problemLetters.kinds.supervision')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="reason" label={t('projectLetters.reason')} rules={[{ required: true }]}>
        <Select
          options={projectLetterReasons.map((value) => ({
            value,
            label: t(`projectLetters.reasons.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="recipientOrganisationId" label={t('projectLetters.recipient')}>
        <Select options={list.recipients.map((r) => ({ value: r.id, label: r.name }))} />
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
          placeholder={t('projectLetters.demandedActionPlaceholder')}
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
          {t('projectLetters.issue')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}

function LetterCard({ letter }: { letter: ProjectLetter }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const markSent = useMarkProjectLetterSent();
  const reply = useReplyProjectLetter();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<{ reply: string }>();
  const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');
  const { facts } = letter;
  const percent = (value: string | null) => (value === null ? '—' : `${value}%`);
  return (
    <Card
      type="inner"
      size="small"
      data-testid="project-letter"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t(`problemLetters.kinds.${letter.kind}`)}</span>
          <span>{letter.serial}</span>
          <Tag color={statusColours[letter.status]}>{t(`problemLetters.statuses.${letter.status}`)}</Tag>
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          <Button size="small" icon={<DownloadOutlined />} href={projectLetterUrl(letter.id)} download>
            {t('problemLetters.download')}
          </Button>
          {letter.canMarkSent && (
            <Button
              size="small"
              loading={markSent.isPending}
              onClick={() =>
                markSent
                  .mutateAsync({ id: letter.id, version: letter.version })
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
        <Descriptions.Item label={t('projectLetters.reason')}>
          {t(`projectLetters.reasons.${letter.reason}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('projectLetters.recipient')}>
          {letter.recipientOrganisationName}
        </Descriptions.Item>
        <Descriptions.Item label={t('projectLetters.facts')} span={2}>
          {t('projectLetters.factsLine', {
            month: facts.month,
            colour: t(`projectLetters.colours.${facts.colour ?? 'none'}`),
            completion: percent(facts.completionPercent),
            time: percent(facts.timePercent),
            nodes: facts.overdueMilestones,
          })}
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
          name={`project-letter-reply-${letter.id}`}
          layout="vertical"
          onFinish={({ reply: text }) =>
            reply.mutate(
              { id: letter.id, version: letter.version, reply: text.trim() },
              {
                onSuccess: () => void message.success(t('problemLetters.replied')),
                onError: (error) => reportError(error, form),
              },
            )
          }
        >
          <Form.Item
            name="reply"
            label={t('projectLetters.replyLabel')}
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
