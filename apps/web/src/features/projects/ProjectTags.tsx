import type { ProjectLevel, ProjectStage } from '@tuijin/domain';
import { Space, Tag } from 'antd';
import { useLabels } from '../../i18n/use-labels';

/** One colour per stage, so a list reads at a glance: planning cool, building blue, done green. */
const stageColors: Record<ProjectStage, string> = {
  conceived: 'purple',
  reserve: 'cyan',
  preparing: 'gold',
  started: 'geekblue',
  underway: 'blue',
  completed: 'green',
  operating: 'success',
  dropped: 'default',
};

const levelColors: Record<ProjectLevel, string> = {
  provincial: 'red',
  city: 'volcano',
  county: 'orange',
};

export function StageTag({ stage }: { stage: ProjectStage }) {
  const labels = useLabels();
  return (
    <Tag color={stageColors[stage]} data-testid="project-stage">
      {labels.projectStage(stage)}
    </Tag>
  );
}

export function LevelTags({ levels }: { levels: readonly ProjectLevel[] }) {
  const labels = useLabels();
  return (
    <Space size={[4, 4]} wrap>
      {levels.map((level) => (
        <Tag key={level} color={levelColors[level]}>
          {labels.projectLevel(level)}
        </Tag>
      ))}
    </Space>
  );
}

/** Plain tags for dictionary values (标签, 批次…). */
export function TextTags({ values }: { values: readonly string[] }) {
  return (
    <Space size={[4, 4]} wrap>
      {values.map((value) => (
        <Tag key={value}>{value}</Tag>
      ))}
    </Space>
  );
}
