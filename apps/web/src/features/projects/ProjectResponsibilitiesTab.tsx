import type { Project } from '@tuijin/contracts';
import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLabels } from '../../i18n/use-labels';

/** 责任分工: linked leader, responsible department, working team, service officer and contact. */
export function ProjectResponsibilitiesTab({ project }: { project: Project }) {
  const labels = useLabels();
  const show = (value: ReactNode) =>
    value === null || value === undefined || value === '' ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      value
    );
  const item = (key: string, value: ReactNode) => ({
    key,
    label: labels.projectField(key),
    children: show(value),
  });
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        item('leaderUserId', project.leader?.displayName),
        item('responsibleDepartmentId', project.responsibleDepartment?.name),
        item('serviceOfficerUserId', project.serviceOfficer?.displayName),
        item('workingTeam', project.workingTeam),
        item('contactPerson', project.contactPerson),
        item(
          'contactPhone',
          project.contactPhone ? <a href={`tel:${project.contactPhone}`}>{project.contactPhone}</a> : null,
        ),
      ]}
    />
  );
}
