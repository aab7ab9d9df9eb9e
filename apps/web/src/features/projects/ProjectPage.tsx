import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { hasCode } from '../../api/client';
import { errorText } from '../../api/error-text';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { ProjectFormDrawer } from './ProjectFormDrawer';
import { ProjectRecentStrip } from './ProjectRecentStrip';
import { LevelTags, StageTag } from './ProjectTags';
import { projectTabs } from './project-tabs';
import { useProjectFirstScreen } from './projects.queries';

/** 一项一档: one project's header and its tabs; out of the person's reach it is simply not found. */
export default function ProjectPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const project = useProjectFirstScreen(id);
  const [isEditing, setEditing] = useState(false);

  if (project.isPending) return <FullPageSpin />;
  if (project.isError) {
    if (hasCode(project.error, 'NOT_FOUND') || hasCode(project.error, 'VALIDATION_FAILED')) {
      return (
        <Result
          status="404"
          title={t('projects.notFoundTitle')}
          subTitle={errorText(project.error)}
          extra={
            <Button type="primary" onClick={() => navigate('/projects')}>
              {t('projects.backToList')}
            </Button>
          }
        />
      );
    }
    return <QueryError error={project.error} onRetry={() => void project.refetch()} />;
  }

  const data = project.data.project;
  const tabs = projectTabs.filter((tab) => tab.isVisible?.(data) ?? true);
  const activeKey = tabs.some((tab) => tab.key === search.get('tab')) ? search.get('tab')! : tabs[0]?.key;
  const canEdit = data.abilities.update || data.abilities.updateOwnerFields;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Space orientation="vertical" size={4} style={{ minWidth: 0 }}>
            <Button
              type="link"
              size="small"
              icon={<ArrowLeftOutlined />}
              onClick={() => (location.key === 'default' ? navigate('/projects') : navigate(-1))}
              style={{ paddingInline: 0 }}
            >
              {t('projects.back')}
            </Button>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="project-name">
              {data.name}
            </Typography.Title>
            <Space size={[8, 4]} wrap>
              <StageTag stage={data.stage} />
              <LevelTags levels={data.levels} />
            </Space>
          </Space>
          {canEdit && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
        </Flex>
        <Descriptions
          size="small"
          style={{ marginTop: 12 }}
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'code', label: t('projectFields.code'), children: data.code ?? t('projects.noCode') },
            { key: 'region', label: t('projects.region'), children: data.regionName },
            { key: 'owner', label: t('projects.owner'), children: data.ownerName },
          ]}
        />
        <ProjectRecentStrip screen={project.data} />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={activeKey}
          onChange={(key) =>
            setSearch(
              (current) => {
                const next = new URLSearchParams(current);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={tabs.map(({ key, label, Component }) => ({
            key,
            label: t(`projectTabs.${label}`),
            children: <Component project={data} />,
          }))}
        />
      </Card>
      {isEditing && <ProjectFormDrawer project={data} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
