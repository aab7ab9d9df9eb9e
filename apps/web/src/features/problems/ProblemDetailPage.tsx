import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ProblemDetail } from '@tuijin/contracts';
import type { ProblemAction } from '@tuijin/domain';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { hasCode } from '../../api/client';
import { errorText } from '../../api/error-text';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { ApprovalStatusTag } from '../approvals/ApprovalBits';
import { timingTagColours } from '../approvals/approval-logic';
import { ProblemAttachmentsPanel } from './ProblemAttachmentsPanel';
import { DueOn, ProblemStatusTag, useLevelText } from './ProblemBits';
import { ProblemLettersPanel } from './ProblemLettersPanel';
import { ProblemMeetingNote } from './ProblemMeetingNote';
import { ProblemMoveModal } from './ProblemMoveModal';
import { ProblemTimeline } from './ProblemTimeline';
import { useProblemClass } from './problem-config.queries';
import { useProblem } from './problems.queries';
import './problems.css';

/** Danger moves get a red button; the main forward move of each party a primary one. */
const primaryMoves: readonly ProblemAction[] = ['answer', 'confirm', 'writeOff', 'route'];
const dangerMoves: readonly ProblemAction[] = ['reject', 'escalate', 'unsatisfied'];

/** The class (解决一个、打通一类) a problem belongs to, by name, linking to it. */
function ProblemClassLink({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const problemClass = useProblemClass(classId);
  return (
    <Link to={`/problems/classes/${classId}`} data-testid="problem-class-link">
      {problemClass.data?.name ?? t('problems.classes.openLink')}
    </Link>
  );
}

/** 所涉手续: the approval item the problem is about — status, clock colour, dates — linking to the project's 前期手续 tab. */
function ApprovalItemSummary({ item }: { item: NonNullable<ProblemDetail['approvalItem']> }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} wrap align="center" data-testid="problem-approval-item">
      <Link to={`/projects/${item.projectId}?tab=approvals`} title={t('approvalLoop.itemOnPage')}>
        {item.name}
      </Link>
      <ApprovalStatusTag status={item.status} />
      {item.colour !== 'none' && (
        <Tag color={timingTagColours[item.colour]} data-colour={item.colour}>
          {t(`approvals.colour.${item.colour}`)}
        </Tag>
      )}
      {item.dueOn && (
        <Typography.Text type="secondary">{t('approvalLoop.itemDue', { date: item.dueOn })}</Typography.Text>
      )}
      {item.nextPromiseOn && (
        <Typography.Text type="secondary">
          {t('approvalLoop.itemPromise', { date: item.nextPromiseOn })}
        </Typography.Text>
      )}
    </Flex>
  );
}

function ProblemRecord({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const levelText = useLevelText();
  const none = t('problems.none');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      styles={{ label: { width: 104, whiteSpace: 'nowrap' } }}
      data-testid="problem-record"
      items={[
        {
          key: 'project',
          label: t('problems.fields.project'),
          children: <Link to={`/projects/${problem.projectId}?tab=problems`}>{problem.projectName}</Link>,
        },
        { key: 'category', label: t('problems.fields.category'), children: problem.category },
        ...(problem.approvalItem
          ? [
              {
                key: 'approvalItem',
                label: t('approvalLoop.item'),
                span: 'filled' as const,
                children: <ApprovalItemSummary item={problem.approvalItem} />,
              },
            ]
          : []),
        {
          key: 'description',
          label: t('problems.fields.description'),
          span: 'filled',
          children: <span className="tj-prewrap">{problem.description}</span>,
        },
        {
          key: 'request',
          label: t('problems.fields.request'),
          span: 'filled',
          children: <span className="tj-prewrap">{problem.request || none}</span>,
        },
        { key: 'raisedBy', label: t('problems.fields.raisedBy'), children: problem.raisedByName },
        {
          key: 'raisedAt',
          label: t('problems.fields.raisedAt'),
          children: dayjs(problem.raisedAt).format('YYYY-MM-DD HH:mm'),
        },
        {
          key: 'channel',
          label: t('problems.fields.channel'),
          children: t(`problems.channels.${problem.channel}`),
        },
        ...(problem.callerName
          ? [
              {
                key: 'caller',
                label: t('problems.fields.callerName'),
                children: [problem.callerName, problem.callerPhone].filter(Boolean).join(' · '),
              },
            ]
          : []),
        { key: 'level', label: t('problems.fields.level'), children: levelText(problem) },
        {
          key: 'handler',
          label: t('problems.fields.handler'),
          children: <span data-testid="problem-handler">{problem.handlerOrganisationName ?? none}</span>,
        },
        {
          key: 'due',
          label: t('problems.fields.dueOn'),
          children: <DueOn problem={{ ...problem, dueOn: t('problems.dueHint', { date: problem.dueOn }) }} />,
        },
        {
          key: 'status',
          label: t('problems.fields.status'),
          children: <ProblemStatusTag status={problem.status} />,
        },
        ...(problem.classId
          ? [
              {
                key: 'class',
                label: t('problems.classes.belongsTo'),
                children: <ProblemClassLink classId={problem.classId} />,
              },
            ]
          : []),
        ...(problem.answer
          ? [
              {
                key: 'answer',
                label: t('problems.fields.answer'),
                span: 'filled' as const,
                children: (
                  <Flex vertical gap={4}>
                    <span className="tj-prewrap" data-testid="problem-answer">
                      {problem.answer}
                    </span>
                    <Typography.Text type="secondary">
                      {problem.answeredByName}
                      {problem.answeredAt && ` · ${dayjs(problem.answeredAt).format('YYYY-MM-DD HH:mm')}`}
                    </Typography.Text>
                  </Flex>
                ),
              },
            ]
          : []),
        ...(problem.rejectReason
          ? [
              {
                key: 'rejectReason',
                label: t('problems.fields.rejectReason'),
                span: 'filled' as const,
                children: problem.rejectReason,
              },
            ]
          : []),
      ]}
    />
  );
}

/** 问题详情: the record, what the reader may do now (from the server's `actions`), and the timeline. */
export default function ProblemDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { id = '' } = useParams();
  const problem = useProblem(id);
  const [action, setAction] = useState<ProblemAction | null>(null);

  if (problem.isPending) return <FullPageSpin />;
  if (problem.isError) {
    if (hasCode(problem.error, 'NOT_FOUND') || hasCode(problem.error, 'VALIDATION_FAILED'))
      return (
        <Result
          status="404"
          title={t('problems.detail.notFound')}
          subTitle={errorText(problem.error)}
          extra={
            <Button type="primary" onClick={() => navigate('/problems')}>
              {t('problems.list.title')}
            </Button>
          }
        />
      );
    return <QueryError error={problem.error} onRetry={() => void problem.refetch()} />;
  }
  const data = problem.data;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Space orientation="vertical" size={4} style={{ minWidth: 0 }}>
            <Button
              type="link"
              size="small"
              icon={<ArrowLeftOutlined />}
              onClick={() => (location.key === 'default' ? navigate('/problems') : navigate(-1))}
              style={{ paddingInline: 0 }}
            >
              {t('problems.detail.back')}
            </Button>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="problem-reference">
              {data.referenceNumber}
            </Typography.Title>
            {data.legacyReferenceNumber && (
              <Typography.Text type="secondary" data-testid="problem-legacy-reference">
                {t('problemDeadlines.legacyReference', { number: data.legacyReferenceNumber })}
              </Typography.Text>
            )}
            <Space wrap>
              <ProblemStatusTag status={data.status} />
              <Typography.Text type="secondary">
                {data.projectName} · {data.category}
              </Typography.Text>
            </Space>
          </Space>
          <Space wrap data-testid="problem-actions">
            {data.actions.length === 0 && (
              <Typography.Text type="secondary">{t('problems.detail.noActions')}</Typography.Text>
            )}
            {data.actions.map((move) => (
              <Button
                key={move}
                type={primaryMoves.includes(move) ? 'primary' : 'default'}
                danger={dangerMoves.includes(move)}
                onClick={() => setAction(move)}
                data-testid={`action-${move}`}
              >
                {t(`problems.actions.${move}`)}
              </Button>
            ))}
          </Space>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <ProblemMeetingNote problemId={data.id} />
            <Card title={t('problems.detail.record')}>
              <ProblemRecord problem={data} />
            </Card>
            <ProblemAttachmentsPanel problemId={data.id} />
            <ProblemLettersPanel problemId={data.id} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('problems.detail.timeline')}>
            <ProblemTimeline events={data.events} />
          </Card>
        </Col>
      </Row>
      {action && <ProblemMoveModal problem={data} action={action} onClose={() => setAction(null)} />}
    </Flex>
  );
}
