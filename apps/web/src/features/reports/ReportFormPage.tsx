import type { ReportFinding, ReportForm } from '@tuijin/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { QueryError } from '../../components/QueryError';
import { ReportMonthNodes } from '../milestones/ReportMonthNodes';
import { ReportEvents, ReportFindings, ReportPhotoGrid, ReportStatusTag } from './ReportBits';
import { ReportFields } from './ReportFields';
import { ReportingMonthGate } from './ReportingMonthGate';
import { ReportPhotoUpload } from './ReportPhotoUpload';
import { ReportPlan } from './ReportPlan';
import { reportSubmitLabel } from './report-submit-label';
import { type ReportFormValues, reportToValues, valuesToFields } from './report-values';
import { monthParam } from './reporting-period';
import { useReportForm, useSaveReportDraft, useStatusBoard, useSubmitMonthReport } from './reports.queries';
import './reports.css';

/** The month (`?month=YYYY-MM`, default the current reporting month) and project (`?project=`) in the address. */
function useChoice(current: Dayjs) {
  const [params, setParams] = useSearchParams();
  const month = monthParam(params.get('month')) ?? current;
  const projectId = params.get('project') ?? undefined;
  const set = (next: { month?: string; project?: string | null }) =>
    setParams(
      (old) => {
        const updated = new URLSearchParams(old);
        if (next.month) updated.set('month', next.month);
        if (next.project === null) updated.delete('project');
        else if (next.project) updated.set('project', next.project);
        return updated;
      },
      { replace: true },
    );
  return { year: month.year(), month: month.month() + 1, monthValue: month, projectId, set };
}

/**
 * 月报填报: the owner picks one of its projects due this month, sees the plan and last month's
 * progress, types the month's figures (totals follow), adds site photos, saves a draft or submits.
 * Built for a 375-px phone: one column, full-width controls.
 */
export default function ReportFormPage() {
  return <ReportingMonthGate>{(current) => <ReportFormChoice current={current} />}</ReportingMonthGate>;
}

function ReportFormChoice({ current }: { current: Dayjs }) {
  const { t } = useTranslation();
  const { year, month, monthValue, projectId, set } = useChoice(current);
  const board = useStatusBoard({ year, month, page: 1, pageSize: 200 });
  const form = useReportForm(projectId, year, month);
  const options = (board.data?.data ?? []).map((row) => ({
    value: row.projectId,
    label: (
      <Flex justify="space-between" gap={8}>
        <Typography.Text ellipsis>{row.projectName}</Typography.Text>
        <ReportStatusTag status={row.status} />
      </Flex>
    ),
    name: row.projectName,
  }));

  return (
    <Card title={t('reports.form.title')} className="tj-report-card">
      <Typography.Paragraph type="secondary">{t('reports.form.intro')}</Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item label={t('reports.month')} layout="vertical">
            <DatePicker
              picker="month"
              value={monthValue}
              allowClear={false}
              inputReadOnly
              style={{ width: '100%' }}
              onChange={(value) => value && set({ month: value.format('YYYY-MM'), project: null })}
              data-testid="report-month"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item label={t('reports.project')} layout="vertical">
            <Select
              value={projectId}
              options={options}
              optionLabelProp="name"
              placeholder={t('reports.projectPlaceholder')}
              loading={board.isFetching}
              notFoundContent={t('reports.noDueProjects')}
              onChange={(value: string) => set({ project: value })}
              showSearch={{ optionFilterProp: 'name' }}
              virtual={false}
              style={{ width: '100%' }}
              data-testid="report-project"
            />
          </Form.Item>
        </Col>
      </Row>
      {board.isError && <QueryError error={board.error} onRetry={() => void board.refetch()} />}
      {!projectId ? null : form.isPending ? (
        <Spin />
      ) : form.isError ? (
        <QueryError error={form.error} onRetry={() => void form.refetch()} />
      ) : (
        <ReportEditor key={`${form.data.projectId}-${year}-${month}`} data={form.data} />
      )}
      {projectId === undefined && board.data && board.data.data.length === 0 && (
        <Empty description={t('reports.noDueProjects')} />
      )}
    </Card>
  );
}

/** The blocking findings a refused submission answered with (details name the check). */
function blockingFrom(error: unknown): ReportFinding[] | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return null;
  const checks = error.details.filter((detail) =>
    [
      'negativeAmount',
      'sinceStartAboveTotal',
      'ytdDecrease',
      'outOfLine',
      'progressUnchanged',
      'startedWithoutDate',
    ].includes(detail.path),
  );
  if (checks.length === 0) return null;
  return checks.map((detail) => ({
    check: detail.path as ReportFinding['check'],
    severity: 'block',
    message: detail.message,
    messageEn: detail.message,
    params: {},
  }));
}

function ReportEditor({ data }: { data: ReportForm }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const [formInstance] = Form.useForm<ReportFormValues>();
  const save = useSaveReportDraft();
  const submit = useSubmitMonthReport();
  const [blocking, setBlocking] = useState<ReportFinding[] | null>(null);
  const report = data.report;
  const canEdit = data.canSubmit && (report === null || report.abilities.canEdit);
  const refetch = useReportForm(data.projectId, data.year, data.month).refetch;

  /** Brings the first field with an error into view (the form is long on a 375-px phone). */
  const scrollToFirstError = () => {
    const first = formInstance.getFieldsError().find((field) => field.errors.length > 0);
    if (first) formInstance.scrollToField(first.name, { block: 'center' });
  };

  /** The fields as typed once every field rule passes; null (and the first error in view) otherwise. */
  const validValues = async () => {
    try {
      return await formInstance.validateFields();
    } catch {
      scrollToFirstError();
      return null;
    }
  };

  const saveDraft = async (values: ReportFormValues) =>
    save.mutateAsync({
      projectId: data.projectId,
      year: data.year,
      month: data.month,
      body: { ...valuesToFields(values), version: report?.version ?? null },
    });

  const reportError = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    onError(error, formInstance);
    scrollToFirstError();
  };

  const onSave = async () => {
    const values = await validValues();
    if (!values) return;
    try {
      await saveDraft(values);
      setBlocking(null);
      void message.success(t('reports.form.saved'));
    } catch (error) {
      reportError(error);
    }
  };

  const onSubmit = async () => {
    const values = await validValues();
    if (!values) return;
    modal.confirm({
      title: t('reports.form.submit'),
      content: t('reports.form.submitConfirm', { year: data.year, month: data.month }),
      onOk: async () => {
        try {
          // One request, one transaction: the fields are saved with the submission, or nothing is
          // (a refused one leaves the saved draft, or the empty month, as it was).
          await submit.mutateAsync({
            projectId: data.projectId,
            year: data.year,
            month: data.month,
            body: { ...valuesToFields(values), version: report?.version ?? null },
          });
          setBlocking(null);
          void message.success(t('reports.form.submitted'));
        } catch (error) {
          const found = blockingFrom(error);
          if (found) {
            setBlocking(found);
            void message.error(t('reports.form.blocked'));
          } else reportError(error);
        }
      },
    });
  };

  /** Photos hang off a report: save the draft first when the month has none yet. */
  const ensureReportId = async () => {
    if (report) return report.id;
    const values = await validValues();
    if (!values) throw new Error(t('errors.VALIDATION_FAILED'));
    const saved = await saveDraft(values);
    return saved.id;
  };

  const window = data.window;
  const isNotOpen = window?.state === 'notOpen';
  return (
    <Flex vertical gap={12} data-testid="report-editor">
      <Space wrap size={[8, 4]}>
        <ReportStatusTag status={report?.status ?? 'absent'} />
        {report?.late && <Tag color="warning">{t('reports.form.lateTag')}</Tag>}
        {window && (
          <Typography.Text type="secondary">
            {t('reports.form.window', { opens: window.opensOn, due: window.dueOn })}
            {window.closesOn ? t('reports.form.windowCloses', { closes: window.closesOn }) : ''} ·{' '}
            {t(`reports.windowState.${window.state}`)}
            {window.isProvisional && <ProvisionalTag />}
          </Typography.Text>
        )}
        {data.windowProblem && <Typography.Text type="warning">{data.windowProblem}</Typography.Text>}
      </Space>
      {!data.plan && <Alert type="info" showIcon title={t('reports.form.noPlan')} />}
      {data.plan && !data.canSubmit && <Alert type="info" showIcon title={t('reports.form.cannotReport')} />}
      {report?.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          data-testid="report-return-reason"
          title={t('reports.form.returnedTitle')}
          description={
            <>
              <div className="tj-report-reason">{report.returnReason}</div>
              {report.reviewedByName && (
                <Typography.Text type="secondary">
                  {t('reports.form.returnedBy', { name: report.reviewedByName })}
                </Typography.Text>
              )}
            </>
          }
        />
      )}
      {report?.status === 'approved' && (
        <Alert type="success" showIcon data-testid="report-locked" title={t('reports.form.approvedTitle')} />
      )}
      {report?.status === 'submitted' && (
        <Alert type="info" showIcon title={t('reports.form.submittedTitle')} />
      )}
      {canEdit && isNotOpen && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-not-open"
          title={t('reportForm.notOpenHint', {
            year: data.year,
            month: data.month,
            opens: window?.opensOn,
          })}
        />
      )}
      <ReportPlan data={data} />
      <ReportMonthNodes projectId={data.projectId} year={data.year} month={data.month} isEditable />
      {blocking && <ReportFindings findings={blocking} title={t('reports.form.blocked')} />}
      {!blocking && report && report.findings.length > 0 && (
        <ReportFindings findings={report.findings} title={t('reports.form.findingsHint')} />
      )}
      <Form<ReportFormValues>
        form={formInstance}
        layout="vertical"
        initialValues={reportToValues(report)}
        disabled={!canEdit}
        scrollToFirstError={{ block: 'center' }}
        data-testid="report-form"
      >
        <ReportFields
          ytdBefore={data.ytdBeforeWanYuan}
          sinceStartBefore={data.sinceStartBeforeWanYuan}
          disabled={!canEdit}
          negativeAllowed={data.negativeAllowed}
          roster={data.roster}
        />
        {data.earlierActualStartOn && (
          <Typography.Paragraph type="secondary">
            {t('reports.form.earlierStart', { date: data.earlierActualStartOn })}
          </Typography.Paragraph>
        )}
      </Form>
      <div>
        <Typography.Title level={5}>{t('reports.form.photos')}</Typography.Title>
        {report && <ReportPhotoGrid projectId={data.projectId} photos={report.photos} />}
        {canEdit && (
          <Flex vertical gap={4} style={{ marginTop: 8 }}>
            <ReportPhotoUpload ensureReportId={ensureReportId} onUploaded={() => void refetch()} />
            <Typography.Text type="secondary">{t('reports.form.photosHint')}</Typography.Text>
          </Flex>
        )}
      </div>
      {canEdit && (
        <Flex gap={8} className="tj-report-actions">
          <Button
            block
            onClick={() => void onSave()}
            loading={save.isPending && !submit.isPending}
            data-testid="report-save"
          >
            {t('reports.form.saveDraft')}
          </Button>
          <Button
            block
            type="primary"
            onClick={() => void onSubmit()}
            loading={submit.isPending}
            disabled={isNotOpen}
            data-testid="report-submit"
          >
            {reportSubmitLabel(window, t)}
          </Button>
        </Flex>
      )}
      {report && report.events.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('reports.form.history')}</Typography.Title>
          <ReportEvents events={report.events} />
        </div>
      )}
    </Flex>
  );
}
