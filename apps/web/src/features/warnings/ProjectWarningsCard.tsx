import type { Project } from '@tuijin/contracts';
import { Card, Descriptions, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useCan } from '../auth/use-current-user';
import { WarningReasons, WarningTag } from './WarningTag';
import { useProjectWarnings } from './warnings.queries';

const timelineColours = { green: 'green', yellow: 'orange', red: 'red' } as const;

/** A project's current colour with its reasons, and its colour history month by month. */
export function ProjectWarningsCard({ project }: { project: Project }) {
  const { t } = useTranslation();
  const can = useCan();
  const warnings = useProjectWarnings(project.id, can('warning.read'));
  if (!can('warning.read')) return null;
  if (warnings.isError) return <QueryError error={warnings.error} onRetry={() => warnings.refetch()} />;
  const current = warnings.data?.current ?? null;
  return (
    <Card
      size="small"
      title={t('warnings.current')}
      loading={warnings.isPending}
      data-testid="project-warnings"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'colour',
            label: current ? current.month : t('warnings.month'),
            children: (
              <Space orientation="vertical">
                <WarningTag colour={current?.colour} />
                {current && <WarningReasons reasons={current.reasons} />}
              </Space>
            ),
          },
        ]}
      />
      {(warnings.data?.history.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5}>{t('warnings.history')}</Typography.Title>
          <Timeline
            items={[...(warnings.data?.history ?? [])].reverse().map((h) => ({
              key: h.month,
              color: timelineColours[h.colour],
              content: (
                <Space orientation="vertical" size={0}>
                  <Space>
                    <Typography.Text strong>{h.month}</Typography.Text>
                    <WarningTag colour={h.colour} />
                    <Typography.Text type="secondary">
                      {t('warnings.ruleVersionValue', { region: h.ruleRegionCode, version: h.ruleVersion })}
                    </Typography.Text>
                  </Space>
                  <WarningReasons reasons={h.reasons} />
                </Space>
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}
