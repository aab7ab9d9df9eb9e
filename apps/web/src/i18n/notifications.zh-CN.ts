/** zh-CN texts of the notification bell and the 通知渠道 page (merged into zh-CN.ts). */
export const notificationsZhCN = {
  notifications: {
    bell: '通知',
    bellWithCount: '通知（{{count}} 条未读）',
    title: '通知',
    markAllRead: '全部标为已读',
    empty: '暂无通知',
    unread: '未读',
    loadFailed: '通知加载失败',
    kinds: {
      report: {
        dueSoon:
          '项目「{{projectName}}」{{year}}年{{month}}月月报将于 {{dueOn}} 截止（还有 {{days}} 天），请及时填报',
        late: '项目「{{projectName}}」{{year}}年{{month}}月月报已过截止日 {{dueOn}}，尚未报送，请尽快补报',
        awaitingReview: '有 {{count}} 份已报送的月报等待您审核',
      },
      problem: {
        assigned:
          '项目「{{projectName}}」的{{category}}问题 {{referenceNumber}} 已交办贵单位，请于 {{dueOn}} 前办结',
        answered: '您提出的问题 {{referenceNumber}}（项目「{{projectName}}」）已答复，请确认是否满意',
        sentBack: '问题 {{referenceNumber}}（项目「{{projectName}}」）提出人不满意：{{reason}}，请继续办理',
        deadline:
          '问题 {{referenceNumber}}（项目「{{projectName}}」）第 {{level}} 级{{noticeName}}，期限 {{dueOn}}',
        escalated:
          '问题 {{referenceNumber}}（项目「{{projectName}}」）已提级至第 {{level}} 级“{{levelName}}”，请于 {{dueOn}} 前办结',
      },
      calendar: {
        nextYearMissing:
          '尚未录入 {{year}} 年的法定节假日和调休安排；在录入前，跨入 {{year}} 年的期限只按周末和元旦、劳动节、国庆节推算，标为“暂定”。请在国务院办公厅通知发布后到“节假日设置”录入',
      },
      approval: {
        promiseDueSoon:
          '项目「{{projectName}}」{{itemName}}的容缺材料“{{material}}”承诺于 {{promisedOn}} 前补齐，请抓紧准备',
        promiseDue:
          '项目「{{projectName}}」{{itemName}}的容缺材料“{{material}}”承诺今日（{{promisedOn}}）补齐，请及时提交',
        promiseOverdue:
          '项目「{{projectName}}」{{itemName}}的容缺材料“{{material}}”已过承诺日期 {{promisedOn}} 仍未补齐，该手续已标红',
        promiseBroken:
          '项目「{{projectName}}」{{itemName}}的容缺材料“{{material}}”承诺于 {{promisedOn}} 补齐，至今未补齐，可在前期手续中转为问题督办',
        deemedNotice:
          '项目「{{projectName}}」{{itemName}}承诺时限已于 {{deadlineOn}} 届满未作出决定，已发出告知书 {{noticeNumber}}，视为审批通过',
      },
      bulletin: {
        dailyIssued: '本级一日一通报{{serial}}《{{title}}》已按时生成并签发',
        dailyDraft: '一日一通报《{{title}}》已生成草稿，请审核签发',
        issued: '上级印发{{serial}}《{{title}}》，请阅',
      },
      unknown: '新通知',
    },
    titles: {
      report: {
        dueSoon: '月报即将截止',
        late: '月报已逾期',
        awaitingReview: '月报待审核',
      },
      problem: {
        assigned: '新交办问题',
        answered: '问题已答复',
        sentBack: '问题答复被退回',
        deadline: '问题办理时限提醒',
        escalated: '问题已提级',
      },
      calendar: { nextYearMissing: '请录入明年法定节假日安排' },
      approval: {
        promiseDueSoon: '容缺材料即将到期',
        promiseDue: '容缺材料今日到期',
        promiseOverdue: '容缺材料已逾期',
        promiseBroken: '容缺承诺未兑现',
        deemedNotice: '超时默认告知',
      },
      bulletin: { dailyIssued: '一日一通报已签发', dailyDraft: '一日一通报待签发', issued: '收到通报' },
      unknown: '通知',
    },
  },
  channels: {
    title: '通知渠道',
    intro:
      '站内通知（月报即将截止、逾期、待审核）会同时推送到下列已启用的渠道：钉钉自定义机器人、企业微信群机器人或短信网关。密钥只写不读，保存后不再显示。',
    create: '新增渠道',
    edit: '修改渠道',
    name: '名称',
    kind: '类型',
    url: 'Webhook 地址',
    urlHelp: '以 http:// 或 https:// 开头的完整地址',
    secret: '密钥 / 令牌',
    secretHelpDingtalk: '钉钉机器人“加签”密钥（SEC 开头）；不加签可留空',
    secretHelpSms: '短信网关令牌，以 Authorization: Bearer 发送',
    secretHelpWecom: '企业微信群机器人无需密钥',
    secretKeep: '已设置（留空则保持不变）',
    clearSecret: '清除已保存的密钥',
    hasSecret: '密钥',
    secretSet: '已设置',
    secretNotSet: '未设置',
    enabled: '状态',
    isEnabled: '启用',
    isDisabled: '已停用',
    disable: '停用',
    enable: '启用',
    test: '测试发送',
    testTitle: '测试发送：{{name}}',
    testText: '测试内容',
    testTextPlaceholder: '默认：这是一条来自推进平台的测试消息……',
    testPhone: '接收手机号',
    testOk: '测试消息已发送成功',
    testFailed: '发送失败：{{error}}',
    send: '发送',
    saved: '已保存渠道“{{name}}”',
    disabled: '已停用渠道“{{name}}”',
    enabledNow: '已启用渠道“{{name}}”',
    empty: '尚未配置通知渠道，通知只在站内显示',
    kinds: { dingtalk: '钉钉机器人', wecom: '企业微信机器人', sms: '短信网关' },
    reminderTitle: '月报提醒',
    dueSoonDays: '截止前提醒天数',
    dueSoonDaysHelp: '月报截止前这么多天起提醒业主；逾期后提醒一次；审核人每天一条待审汇总',
    daysSuffix: '天',
    reminderSaved: '提醒设置已保存',
  },
};
