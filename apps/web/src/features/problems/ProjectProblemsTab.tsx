import { PlusOutlined } from '@ant-design/icons';
import type { Project } from '@tuijin/contracts';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/use-current-user';
import { ProblemTable } from './ProblemTable';
import { RaiseProblemModal } from './RaiseProblemModal';
import './problems.css';

/** 问题 tab of the project page (一项一档): the project's problems, and 提出问题 on this project. */
export function ProjectProblemsTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const can = useCan();
  const [isRaising, setRaising] = useState(false);
  return (
    <Flex vertical gap={12} data-testid="project-problems">
      {can('problem.raise') && (
        <Flex>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRaising(true)}
            data-testid="project-raise-problem"
          >
            {t('problems.list.raise')}
          </Button>
        </Flex>
      )}
      <ProblemTable
        filter={{ projectId: project.id }}
        hideProject
        emptyText={t('problems.projectTab.empty')}
        testId="project-problems-table"
      />
      <RaiseProblemModal
        open={isRaising}
        onClose={() => setRaising(false)}
        project={{ id: project.id, name: project.name }}
      />
    </Flex>
  );
}
