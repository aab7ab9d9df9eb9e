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
    case 'calendar.nextYearMissing':
      return {
        title: '请录入明年法定节假日安排',
        text: `尚未录入 ${p('year')} 年的法定节假日和调休安排。在录入前，跨入 ${p('year')} 年的按工作日计算的期限只按周末和元旦、劳动节、国庆节推算，标为“暂定”；请在国务院办公厅通知发布后到“节假日设置”录入。`,
      };
    case 'problem.assigned':
      return {
        title: '新交办问题',
        text: `项目「${p('projectName')}」的${p('category')}问题 ${p('referenceNumber')} 已交办贵单位，请于 ${p('dueOn')} 前办结。`,
      };
    case 'problem.answered':
      return {
        title: '问题已答复',
        text: `您提出的问题 ${p('referenceNumber')}（项目「${p('projectName')}」）已答复，请确认是否满意。`,
      };
    case 'problem.sentBack':
      return {
        title: '问题答复被退回',
        text: `问题 ${p('referenceNumber')}（项目「${p('projectName')}」）提出人不满意：${p('reason')}，请继续办理。`,
      };
    case 'problem.deadline':
      return {
        title: `问题${p('noticeName')}`,
        text: `问题 ${p('referenceNumber')}（项目「${p('projectName')}」）第 ${p('level')} 级${p('noticeName')}，期限 ${p('dueOn')}。`,
      };
    case 'problem.escalated':
      return {
        title: '问题已提级',
        text: `问题 ${p('referenceNumber')}（项目「${p('projectName')}」）已提级至第 ${p('level')} 级“${p('levelName')}”，请于 ${p('dueOn')} 前办结。`,
      };
    case 'approval.promiseDueSoon':
      return {
        title: '容缺材料即将到期',
        text: `项目「${p('projectName')}」${p('itemName')}的容缺材料“${p('material')}”承诺于 ${p('promisedOn')} 前补齐，请抓紧准备。`,
      };
    case 'approval.promiseDue':
      return {
        title: '容缺材料今日到期',
        text: `项目「${p('projectName')}」${p('itemName')}的容缺材料“${p('material')}”承诺今日（${p('promisedOn')}）补齐，请及时提交。`,
      };
    case 'approval.promiseOverdue':
      return {
        title: '容缺材料已逾期',
        text: `项目「${p('projectName')}」${p('itemName')}的容缺材料“${p('material')}”已过承诺日期 ${p('promisedOn')} 仍未补齐，该手续已标红。`,
      };
    case 'approval.promiseBroken':
      return {
        title: '容缺承诺未兑现',
        text: `项目「${p('projectName')}」${p('itemName')}的容缺材料“${p('material')}”承诺于 ${p('promisedOn')} 补齐，至今未补齐，可在前期手续中转为问题督办。`,
      };
    case 'approval.deemedNotice':
      return {
        title: '超时默认告知',
        text: `项目「${p('projectName')}」${p('itemName')}承诺时限已于 ${p('deadlineOn')} 届满未作出决定，已发出${p('noticeNumber')}告知书，视为审批通过，请审批部门即行出具批复。`,
      };
    case 'bulletin.dailyIssued':
      return {
        title: '一日一通报已签发',
        text: `本级一日一通报${p('serial')}《${p('title')}》已按时生成并签发。`,
      };
    case 'bulletin.dailyDraft':
      return { title: '一日一通报待签发', text: `一日一通报《${p('title')}》已生成草稿，请审核签发。` };
    case 'bulletin.issued':
      return { title: '收到通报', text: `上级印发${p('serial')}《${p('title')}》，请阅。` };
    default:
      return { title: '推进 通知', text: kind };
  }
}
