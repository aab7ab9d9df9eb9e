import type { Workbench } from '@tuijin/contracts';
import { Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/use-labels';
import { hasAbility, useCurrentUser } from '../auth/use-current-user';
import { WorkbenchSectionCard } from './WorkbenchSectionCard';
import { useWorkbench } from './workbench.queries';
import './workbench.css';

/** Sections about monthly reports: only beside them does the reporting month mean something. */
const reportSections = new Set<Workbench['sections'][number]['key']>([
  'reportsToFill',
  'statusBoard',
  'reportsToReview',
]);

/**
 * 首页 = 工作台: what is due for the signed-in person, one card per thing their roles do (reports
 * to fill or review, problems to handle with days left, letters to answer, warnings, locked
 * accounts, the audit chain…), each item a link to where it is handled. Who is signed in is one
 * small line above it.
 */
export default function HomePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useCurrentUser();
  const workbench = useWorkbench();
  const data = workbench.data;
  return (
    <Flex vertical gap={12}>
      <Flex wrap align="baseline" gap={8} className="tj-workbench-account" data-testid="workbench-account">
        <Typography.Text strong>{t('home.welcome', { name: me.user.displayName })}</Typography.Text>
        <Typography.Text type="secondary">
          {me.organisation.name} · {me.region.name}
        </Typography.Text>
        {me.roles.map((role) => (
          <Tag key={role} color="blue">
            {labels.role(role)}
          </Tag>
        ))}
        {me.roles.includes('leader') && hasAbility(me, 'meeting.read') && (
          <Link to="/my-dispatch" data-testid="workbench-my-dispatch">
            {t('myDispatch.homeLink')}
          </Link>
        )}
      </Flex>
      <Flex wrap align="baseline" justify="space-between" gap={8}>
        <Typography.Title level={4} className="tj-page-title" style={{ marginBottom: 0 }}>
          {t('workbench.title')}
        </Typography.Title>
        {data && (
          <Typography.Text type="secondary" data-testid="workbench-period">
            {t('workbench.today', { date: data.today })}
            {data.sections.some((section) => reportSections.has(section.key)) &&
              ` · ${t('workbench.reportingMonth', data.reportingMonth)}`}
          </Typography.Text>
        )}
      </Flex>
      {workbench.isError && <QueryError error={workbench.error} onRetry={() => void workbench.refetch()} />}
      {workbench.isPending && <Skeleton active />}
      {data && (
        <Row gutter={[12, 12]}>
          {data.sections.map((section) => (
            <Col key={section.key} xs={24} lg={12} xxl={8}>
              <WorkbenchSectionCard section={section} />
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}
