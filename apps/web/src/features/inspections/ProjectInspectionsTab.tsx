import { PlusOutlined } from '@ant-design/icons';
import type { Project } from '@tuijin/contracts';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useCan } from '../auth/use-current-user';
import { FindingDrawer } from './FindingDrawer';
import { FindingsTable } from './FindingsTable';
import { InspectionsList } from './InspectionsPage';
import { useInspectionFindings } from './inspections.queries';
import { RecordInspectionDrawer } from './RecordInspectionDrawer';

/** 督查 tab of the project page: its findings (the owner replies from here), its inspections, 登记督查. */
export function ProjectInspectionsTab({ project }: { project: Pick<Project, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const can = useCan();
  const [opened, setOpened] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const findings = useInspectionFindings({ projectId: project.id, pageSize: 100 });
  return (
    <Flex vertical gap={12} data-testid="project-inspections">
      {can('inspection.record') && (
        <Flex justify="flex-end">
          <Button
            icon={<PlusOutlined />}
            onClick={() => setRecording(true)}
            data-testid="record-inspection-button"
          >
            {t('inspections.record')}
          </Button>
        </Flex>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('inspections.tab.findings')}
      </Typography.Title>
      {findings.isError ? (
        <QueryError error={findings.error} onRetry={() => void findings.refetch()} />
      ) : (
        <FindingsTable
          findings={findings.data?.data ?? []}
          loading={findings.isFetching}
          onOpen={setOpened}
          showProject={false}
          pagination={false}
        />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('inspections.tab.records')}
      </Typography.Title>
      <InspectionsList projectId={project.id} onOpen={setOpened} />
      {recording && <RecordInspectionDrawer project={project} onClose={() => setRecording(false)} />}
      <FindingDrawer id={opened} onClose={() => setOpened(null)} />
    </Flex>
  );
}
