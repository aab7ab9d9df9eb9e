/** zh-CN texts of provisional deadlines, reference lookup, hotline checks, 交办 and job failures (merged into zh-CN.ts). */
export const problemDeadlinesZhCN = {
  problemDeadlines: {
    meetingNote: '将于 {{month}} 月 {{day}} 日 {{series}} 研究',
    provisionalTag: '暂定',
    provisionalHint:
      '期限跨入尚未录入法定节假日安排的年份，暂按周末和元旦（1月1日）、劳动节（5月1日）、国庆节（10月1–3日）推算；春节、清明、端午、中秋等农历节日和调休无法预知。系统管理员录入该年安排后自动重算。',
    findReference: '按问题编号查找（新旧编号均可）',
    legacyReference: '原编号 {{number}}',
    phoneInvalid:
      '电话号码格式不正确：手机号为 1 开头的 11 位数字，固定电话须带区号，如 0593-2876543 或 0593-2876543-801',
    phoneHelp: '手机号，或带区号的固定电话（可带分机）',
    descriptionTooShort: '问题描述至少 {{min}} 个字，请写清楚问题是什么',
    handlerPlaceholder: '选择本辖区的行业部门或重点办',
    handlerKinds: { department: '行业部门', office: '重点办' },
    failures: {
      title: '提级任务未能处理的问题',
      intro:
        '定时提级任务逐个处理问题；某个问题处理失败不会影响其他问题，失败原因记录如下，每次运行自动重试，成功后从清单中移除。',
      empty: '暂无处理失败的问题',
      reference: '问题编号',
      reason: '失败原因',
      attempts: '连续失败次数',
      lastFailedAt: '最近一次失败',
    },
    calendar: {
      unknownYear:
        '尚未录入 {{year}} 年的节假日安排：跨入该年的工作日期限暂按周末和元旦、劳动节、国庆节推算，标为“暂定”',
      lunarUnknown: '春节、清明、端午、中秋等农历节日和调休无法预知，录入全年安排后，暂定期限自动重算。',
      nextYearMissing: '请录入 {{year}} 年法定节假日安排',
      nextYearMissingHint:
        '国务院办公厅通常在 11 月公布下一年的放假安排。录入前，跨入 {{year}} 年的期限均为“暂定”。',
      enterNextYear: '去录入 {{year}} 年',
    },
  },
};
