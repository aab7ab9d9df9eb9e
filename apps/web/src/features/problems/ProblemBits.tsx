import type { Problem } from '@tuijin/contracts';
import type { ProblemStatus } from '@tuijin/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProvisionalTag } from '../../components/ProvisionalTag';

const statusColours: Record<ProblemStatus, string> = {
  raised: 'default',
  accepted: 'processing',
  in_progress: 'blue',
  answered: 'cyan',
  confirmed: 'green',
  written_off: 'success',
  rejected: 'default',
};

/** The problem's status as a coloured tag. */
export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColours[status]} data-testid="problem-status">
      {t(`problems.status.${status}`)}
    </Tag>
  );
}

/** "第 2 级 · 县周例会" when the ladder names the level, "第 2 级" otherwise. */
export function useLevelText() {
  const { t } = useTranslation();
  return (problem: Pick<Problem, 'level' | 'levelName'>) =>
    problem.levelName
      ? t('problems.levelNamed', { level: problem.level, name: problem.levelName })
      : t('problems.levelNumber', { level: problem.level });
}

/**
 * The due date, with a red "逾期 N 天" while the handler is late and an orange "暂定" (with the
 * reason on hover) when it was counted through a year whose holiday arrangement is not entered.
 */
export function DueOn({
  problem,
}: {
  problem: Pick<Problem, 'dueOn' | 'overdueDays'> & Partial<Pick<Problem, 'isDueOnProvisional'>>;
}) {
  const { t } = useTranslation();
  return (
    <span>
      {problem.dueOn}
      {problem.isDueOnProvisional && <ProvisionalTag />}
      {problem.overdueDays !== null && (
        <Tag color="error" style={{ marginInlineStart: 8 }} data-testid="problem-overdue">
          {t('problems.overdueTag', { days: problem.overdueDays })}
        </Tag>
      )}
    </span>
  );
}
