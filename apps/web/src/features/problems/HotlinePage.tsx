import { PhoneOutlined } from '@ant-design/icons';
import { type ProblemDetail, phoneNumberPattern } from '@tuijin/contracts';
import { Button, Card, Col, Form, Input, Result, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useRaiseProblem } from './problems.queries';
import { RaiseProblemFields, type RaiseValues } from './RaiseProblemFields';
import './problems.css';

/**
 * 热线受理: an operator on a call finds the project (name, code or pinyin initials), notes the
 * caller, the problem and the request, submits it as a hotline problem (routed at once) and reads
 * the reference number back; 下一个来电 clears the form for the next caller.
 */
export default function HotlinePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RaiseValues>();
  const raise = useRaiseProblem();
  const onError = useApiErrorHandler();
  const [raised, setRaised] = useState<ProblemDetail | null>(null);

  const nextCall = () => {
    setRaised(null);
    form.resetFields();
  };

  if (raised)
    return (
      <Card title={t('problems.hotline.title')}>
        <Result
          status="success"
          icon={<PhoneOutlined />}
          title={t('problems.hotline.reference')}
          subTitle={<HotlineReference raised={raised} />}
          extra={[
            <Button key="next" type="primary" size="large" onClick={nextCall} data-testid="hotline-next">
              {t('problems.hotline.nextCall')}
            </Button>,
            <Link key="view" to={`/problems/${raised.id}`}>
              {t('problems.raise.view')}
            </Link>,
          ]}
        />
      </Card>
    );

  return (
    <Card title={t('problems.hotline.title')}>
      <Typography.Paragraph type="secondary">{t('problems.hotline.intro')}</Typography.Paragraph>
      <Form<RaiseValues>
        form={form}
        layout="vertical"
        name="hotline"
        style={{ maxWidth: 760 }}
        onFinish={(values) =>
          raise.mutate(
            {
              projectId: values.projectId,
              category: values.category,
              description: values.description,
              request: values.request ?? '',
              channel: 'hotline',
              callerName: values.callerName?.trim() || null,
              callerPhone: values.callerPhone?.trim() || null,
              approvalItemId: values.approvalItemId ?? null,
            },
            { onSuccess: setRaised, onError: (error) => onError(error, form) },
          )
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="callerName"
              label={t('problems.hotline.callerName')}
              rules={[{ required: true, whitespace: true, message: t('problems.hotline.callerRequired') }]}
            >
              <Input maxLength={50} autoFocus data-testid="hotline-caller" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="callerPhone"
              label={t('problems.hotline.callerPhone')}
              extra={t('problemDeadlines.phoneHelp')}
              rules={[
                {
                  validator: (_, value?: string) =>
                    !value?.trim() || phoneNumberPattern.test(value.replace(/\s+/g, ''))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('problemDeadlines.phoneInvalid'))),
                },
              ]}
            >
              <Input maxLength={30} inputMode="tel" data-testid="hotline-phone" />
            </Form.Item>
          </Col>
        </Row>
        <RaiseProblemFields />
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          loading={raise.isPending}
          data-testid="hotline-submit"
        >
          {t('problems.hotline.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The reference number, big, and where the problem went. */
function HotlineReference({ raised }: { raised: ProblemDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="tj-problem-reference" data-testid="hotline-reference">
        {raised.referenceNumber}
      </div>
      <div>
        {raised.handlerOrganisationName
          ? t('problems.raise.routedTo', { handler: raised.handlerOrganisationName, dueOn: raised.dueOn })
          : t('problems.raise.notRouted')}
      </div>
      <div>{t('problems.hotline.tell')}</div>
    </>
  );
}
