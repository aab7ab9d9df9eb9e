/**
 * The zh-CN wording of a notification for the outgoing channels (robots and SMS). The web app
 * renders the same kinds from its own dictionaries; these are the server's copy for messages
 * that leave the building.
 */
export function notificationText(
  kind: string,
  params: Record<string, unknown>,
): { title: string; text: string } {
  const p = (name: string) => String(params[name] ?? '');
  switch (kind) {
    case 'report.dueSoon':
      return {
        title: '月报即将截止',
        text: `项目「${p('projectName')}」${p('year')}年${p('month')}月月报将于 ${p('dueOn')} 截止（还有 ${p('days')} 天），请及时填报。`,
      };
    case 'report.late':
      return {
        title: '月报已逾期',
        text: `项目「${p('projectName')}」${p('year')}年${p('month')}月月报已过截止日 ${p('dueOn')} 仍未报送，请尽快补报。`,
      };
    case 'report.awaitingReview':
      return {
        title: '月报待审核',
        text: `有 ${p('count')} 份已报送的月报等待您审核。`,
      };
    default:
      return { title: '推进 通知', text: kind };
  }
}
