import type { MonthlyReport } from '@tuijin/contracts';
import { subtractDecimal } from '@tuijin/domain';
import { App, Button, Descriptions, Drawer, Flex, Form, Input, Modal, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { ReportMonthNodes } from '../milestones/ReportMonthNodes';
import { Amount, ReportEvents, ReportFindings, ReportPhotoGrid, ReportStatusTag } from './ReportBits';
import { ReportFields } from './ReportFields';
import { type ReportFormValues, reportToValues, valuesToFields } from './report-values';
import { useApproveReport, useCorrectReport, useMonthlyReport, useReturnReport } from './reports.queries';

/** One report read in full: figures, progress, dates, statistics, findings, photos, history. */
export function ReportDetail({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const date = (value: string | null) => value ?? t('reports.none');
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <ReportStatusTag status={report.status} />
        {report.late && <Tag color="warning">{t('reports.form.lateTag')}</Tag>}
        <Typography.Text type="secondary">
          {t('reports.dueOn')} {report.dueOn}
        </Typography.Text>
      </Flex>
      {report.status === 'returned' && report.returnReason && (
        <Typography.Paragraph type="danger" className="tj-report-reason">
          {report.returnReason}
        </Typography.Paragraph>
      )}
      <ReportFindings findings={report.findings} />
      <Descriptions
        size="small"
        bordered
        column={1}
        className="tj-report-plan"
        items={[
          { key: 'amount', label: t('reports.amount'), children: <Amount value={report.completedWanYuan} /> },
          { key: 'ytd', label: t('reports.ytd'), children: <Amount value={report.ytdWanYuan} /> },
          {
            key: 'since',
            label: t('reports.sinceStart'),
            children: <Amount value={report.sinceStartWanYuan} />,
          },
          {
            key: 'progress',
            label: t('reports.form.progress'),
            children: <span className="tj-prewrap">{report.progress || t('reports.none')}</span>,
          },
          { key: 'start', label: t('reports.form.actualStartOn'), children: date(report.actualStartOn) },
          {
            key: 'completion',
            label: t('reports.form.actualCompletionOn'),
            children: date(report.actualCompletionOn),
          },
          {
            key: 'operation',
            label: t('reports.form.actualOperationOn'),
            children: date(report.actualOperationOn),
          },
          {
            key: 'stats',
            label: t('reports.form.inStatistics'),
            children: report.inStatistics ? (
              <Amount value={report.statisticsWanYuan} />
            ) : (
              t('reports.notCounted')
            ),
          },
          {
            key: 'workers',
            label: t('reports.form.workersOnSite'),
            children: report.workersOnSite ?? t('reports.none'),
          },
          {
            key: 'submitted',
            label: t('reports.submittedAt'),
            children: report.submittedAt
              ? dayjs(report.submittedAt).format('YYYY-MM-DD HH:mm')
              : t('reports.none'),
          },
        ]}
      />
      <ReportMonthNodes
        projectId={report.projectId}
        year={report.year}
        month={report.month}
        isEditable={false}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('reports.tab.photos')}
      </Typography.Title>
      <ReportPhotoGrid projectId={report.projectId} photos={report.photos} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('reports.tab.events')}
      </Typography.Title>
      <ReportEvents events={report.events} />
    </Flex>
  );
}

/** A reviewer's drawer over one report: read it, approve it, return it with a reason, or correct it. */
export function ReportDrawer({ reportId, onClose }: { reportId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const report = useMonthlyReport(reportId);
  const approve = useApproveReport();
  const [isReturning, setReturning] = useState(false);
  const [isCorrecting, setCorrecting] = useState(false);
  const data = report.data;

  const onApprove = (current: MonthlyReport) =>
    modal.confirm({
      title: t('reports.review.approve'),
      content: t('reports.review.approveConfirm'),
      onOk: async () => {
        try {
          await approve.mutateAsync({ id: current.id, version: current.version });
          void message.success(t('reports.review.approved'));
          onClose();
        } catch (error) {
          onError(error);
        }
      },
    });

  const canReview = data?.abilities.canReview && data.status === 'submitted';
  const canCorrect = data?.abilities.canCorrect && data.status === 'approved';
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      styles={{ wrapper: { maxWidth: '100vw' } }}
      title={
        data
          ? t('reports.review.detailTitle', { project: data.projectName, year: data.year, month: data.month })
          : undefined
      }
      extra={
        data && (
          <Link to={`/projects/${data.projectId}?tab=reports`} onClick={onClose}>
            {t('reports.review.openProject')}
          </Link>
        )
      }
      footer={
        data && (canReview || canCorrect) ? (
          <Flex gap={8} justify="flex-end" wrap>
            {canReview && (
              <>
                <Button danger onClick={() => setReturning(true)} data-testid="report-return">
                  {t('reports.review.return')}
                </Button>
                <Button type="primary" onClick={() => onApprove(data)} data-testid="report-approve">
                  {t('reports.review.approve')}
                </Button>
              </>
            )}
            {canCorrect && (
              <Button onClick={() => setCorrecting(true)} data-testid="report-correct">
                {t('reports.correct.button')}
              </Button>
            )}
          </Flex>
        ) : undefined
      }
    >
      {report.isPending ? (
        <Spin />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <ReportDetail report={report.data} />
      )}
      {data && isReturning && (
        <ReturnReportModal
          report={data}
          onClose={(done) => {
            setReturning(false);
            if (done) onClose();
          }}
        />
      )}
      {data && isCorrecting && <CorrectReportModal report={data} onClose={() => setCorrecting(false)} />}
    </Drawer>
  );
}

/** Returns a submitted report to its owner; the reason is required and shown to the owner. */
function ReturnReportModal({ report, onClose }: { report: MonthlyReport; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useReturnReport();
  const onOk = async () => {
    const { reason } = await form.validateFields();
    try {
      await mutation.mutateAsync({ id: report.id, version: report.version, reason: reason.trim() });
      void message.success(t('reports.review.returned'));
      onClose(true);
    } catch (error) {
      onError(error, form);
    }
  };
  return (
    <Modal
      open
      title={t('reports.review.returnTitle')}
      onCancel={() => onClose(false)}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('reports.review.return')}
      okButtonProps={{ danger: true, loading: mutation.isPending }}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('reports.review.reason')}
          rules={[{ required: true, whitespace: true, message: t('reports.review.reasonRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            maxLength={500}
            placeholder={t('reports.review.reasonPlaceholder')}
            data-testid="return-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The office corrects an approved report: every typed field may change, with a required reason. */
function CorrectReportModal({ report, onClose }: { report: MonthlyReport; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<ReportFormValues & { reason: string }>();
  const mutation = useCorrectReport();
  // The totals before this month: the report's own figures less its amount.
  const before = (total: string) => subtractDecimal(total, report.completedWanYuan);
  const onOk = async () => {
    const values = await form.validateFields();
    try {
      await mutation.mutateAsync({
        id: report.id,
        body: { ...valuesToFields(values), reason: values.reason.trim(), version: report.version },
      });
      void message.success(t('reports.correct.done'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError) onError(error, form);
    }
  };
  return (
    <Modal
      open
      title={t('reports.correct.title')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okButtonProps={{ loading: mutation.isPending }}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={reportToValues(report)}>
        <ReportFields
          ytdBefore={before(report.ytdWanYuan)}
          sinceStartBefore={before(report.sinceStartWanYuan)}
        />
        <Form.Item
          name="reason"
          label={t('reports.correct.reason')}
          rules={[{ required: true, whitespace: true, message: t('reports.correct.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
