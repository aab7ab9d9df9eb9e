import type { ProblemDetail } from '@tuijin/contracts';
import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

type Event = ProblemDetail['events'][number];

const colours: Record<string, string> = {
  raise: 'blue',
  route: 'blue',
  answer: 'green',
  confirm: 'green',
  writeOff: 'green',
  unsatisfied: 'orange',
  escalate: 'red',
  reject: 'gray',
  reopen: 'orange',
  issueLetter: 'red',
  sendLetter: 'red',
  replyLetter: 'green',
};

/** Every step of the problem, oldest first: who, when, what (status, handler, level) and the note. */
export function ProblemTimeline({ events }: { events: Event[] }) {
  const { t } = useTranslation();
  const actionText = (action: string) => t(`problems.actions.${action}` as 'problems.actions.raise');
  return (
    <Timeline
      data-testid="problem-timeline"
      items={events.map((event, index) => ({
        key: index,
        color: colours[event.action] ?? 'gray',
        content: (
          <div data-testid="timeline-event" data-action={event.action}>
            <Typography.Text strong>
              {t('problems.detail.eventLine', { actor: event.actorName, action: actionText(event.action) })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {dayjs(event.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            <div>
              {t(`problems.status.${event.toStatus}`)}
              {(event.action === 'route' || event.action === 'escalate') &&
                event.handlerOrganisationName &&
                ` · ${t('problems.detail.toHandler', { name: event.handlerOrganisationName })}`}
              {event.fromLevel !== null &&
                event.fromLevel !== event.toLevel &&
                ` · ${t('problems.detail.levelChange', { from: event.fromLevel, to: event.toLevel })}`}
            </div>
            {event.note && <div className="tj-prewrap">{event.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
