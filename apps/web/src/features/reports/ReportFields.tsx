import { reportFieldProblems } from '@tuijin/domain';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Space, Statistic, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWanYuan } from '../projects/money';
import { runningTotals } from './report-values';

interface ReportFieldsProps {
  /** Approved year-to-date and since-start before this month, to show the running totals. */
  ytdBefore: string;
  sinceStartBefore: string;
  disabled?: boolean;
  /** The region's calendar only warns on negative amounts (a month lowered by a correction); default no. */
  negativeAllowed?: boolean;
  /** The project's real-name roster on the month's last day (or today): offered for 在岗人数. */
  roster?: { onDate: string; workersOnSite: number } | null;
}

/**
 * The typed fields of a monthly report, one column on a phone and two on a wide screen. Year-to-date
 * and since-start are shown, never typed: they follow the month's amount as it is entered.
 */
export function ReportFields({
  ytdBefore,
  sinceStartBefore,
  disabled,
  negativeAllowed = false,
  roster = null,
}: ReportFieldsProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const typed = Form.useWatch<string | undefined>('completedWanYuan', form);
  const inStatistics = Form.useWatch<boolean | undefined>('inStatistics', form);
  const totals = runningTotals(typed, ytdBefore, sinceStartBefore);
  /** The domain's field rule (the server applies the same one) for one amount field. */
  const ruleFor = (field: 'completedWanYuan' | 'statisticsWanYuan') => ({
    validator: () => {
      const problem = reportFieldProblems(
        {
          completedWanYuan: form.getFieldValue('completedWanYuan'),
          inStatistics: form.getFieldValue('inStatistics'),
          statisticsWanYuan: form.getFieldValue('statisticsWanYuan'),
        },
        { allowNegative: negativeAllowed },
      ).find((p) => p.field === field);
      return problem
        ? Promise.reject(new Error(t(`reportForm.problems.${field}.${problem.problem}`)))
        : Promise.resolve();
    },
  });
  const datePicker = <DatePicker style={{ width: '100%' }} inputReadOnly disabled={disabled} />;

  return (
    <>
      <Form.Item
        name="completedWanYuan"
        label={t('reports.form.completedWanYuan')}
        required
        rules={[ruleFor('completedWanYuan')]}
      >
        <Input inputMode="decimal" autoComplete="off" disabled={disabled} data-testid="report-amount" />
      </Form.Item>
      <Row gutter={12} className="tj-report-totals" data-testid="report-totals">
        <Col span={12}>
          <Statistic
            title={t('reports.form.ytdComputed')}
            value={totals ? formatWanYuan(totals.ytd) : formatWanYuan(ytdBefore)}
            valueStyle={{ fontSize: 18 }}
            suffix={<span className="tj-report-unit">{t('reports.form.computed')}</span>}
            data-testid="report-ytd"
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t('reports.form.sinceStartComputed')}
            value={totals ? formatWanYuan(totals.sinceStart) : formatWanYuan(sinceStartBefore)}
            valueStyle={{ fontSize: 18 }}
            data-testid="report-since-start"
          />
        </Col>
      </Row>
      <Form.Item name="progress" label={t('reports.form.progress')}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          placeholder={t('reports.form.progressPlaceholder')}
          disabled={disabled}
          data-testid="report-progress"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="actualStartOn" label={t('reports.form.actualStartOn')}>
            {datePicker}
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="actualCompletionOn" label={t('reports.form.actualCompletionOn')}>
            {datePicker}
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="actualOperationOn" label={t('reports.form.actualOperationOn')}>
            {datePicker}
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={8} sm={6}>
          <Form.Item name="inStatistics" label={t('reports.form.inStatistics')} valuePropName="checked">
            <Switch disabled={disabled} data-testid="report-in-statistics" />
          </Form.Item>
        </Col>
        <Col xs={16} sm={18}>
          <Form.Item
            name="statisticsWanYuan"
            label={t('reports.form.statisticsWanYuan')}
            rules={[ruleFor('statisticsWanYuan')]}
            dependencies={['inStatistics']}
            required={Boolean(inStatistics)}
          >
            <Input
              inputMode="decimal"
              autoComplete="off"
              disabled={disabled || !inStatistics}
              data-testid="report-statistics-amount"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('reports.form.workersOnSite')}
        extra={
          roster && (
            <Space size={4} wrap data-testid="report-roster">
              {t('reports.form.rosterOnSite', { count: roster.workersOnSite, date: roster.onDate })}
              {!disabled && (
                <Button
                  size="small"
                  type="link"
                  onClick={() => form.setFieldsValue({ workersOnSite: roster.workersOnSite })}
                  data-testid="report-roster-use"
                >
                  {t('reports.form.rosterUse')}
                </Button>
              )}
            </Space>
          )
        }
      >
        <Form.Item name="workersOnSite" noStyle>
          <InputNumber
            min={0}
            max={1_000_000}
            precision={0}
            inputMode="numeric"
            style={{ width: '100%' }}
            disabled={disabled}
            data-testid="report-workers"
          />
        </Form.Item>
      </Form.Item>
    </>
  );
}
