import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useCan } from '../auth/use-current-user';

/**
 * “将于 12 月 10 日 县区周例会 研究”: when a problem's present ladder level is a meeting's, the sitting
 * that takes it up (a link when the reader may open that meeting).
 */
export function ProblemMeetingNote({ problemId }: { problemId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const { data } = useQuery({
    queryKey: ['problems', problemId, 'meeting'],
    queryFn: () => api.call('getProblemMeeting', { params: { id: problemId } }),
    enabled: can('dispatch.read'),
  });
  const meeting = data?.meeting;
  if (!meeting) return null;
  const date = dayjs(meeting.heldOn);
  const text = t('problemDeadlines.meetingNote', {
    month: date.month() + 1,
    day: date.date(),
    series: meeting.seriesName,
  });
  return (
    <Alert
      type="info"
      showIcon
      data-testid="problem-meeting-note"
      message={
        meeting.meetingId && meeting.canOpen ? (
          <Link to={`/meetings/${meeting.meetingId}`}>{text}</Link>
        ) : (
          text
        )
      }
    />
  );
}
