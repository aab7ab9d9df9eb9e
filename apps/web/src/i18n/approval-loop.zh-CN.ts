/** zh-CN texts of approval items in the problem loop and 超时默认 notices (merged into zh-CN.ts). */
export const approvalLoopZhCN = {
  approvalLoop: {
    problems: '问题',
    problemLink: '{{referenceNumber}}（办理期限 {{dueOn}}）',
    problemOverdue: '已逾期',
    issueLetter: '发提醒函',
    toProblem: '转为问题',
    toProblemHint: '容缺材料承诺已过期未补齐，转为问题交办督办',
    brokenPromiseDescription:
      '“{{itemName}}”于 {{acceptedOn}} 容缺受理，以下材料承诺期限已过仍未补齐：{{materials}}。请督促业主单位尽快补齐，审批部门按补齐情况办理。',
    brokenPromiseMaterial: '{{name}}（承诺 {{promisedOn}} 前补齐）',
    brokenPromiseRequest: '督促补齐容缺材料，推动手续按时办结',
    deemed: '已超时默认',
    deemedDetail: '{{number}} · 时限 {{deadlineOn}} 届满，{{issuedOn}} 告知',
    deemedDownload: '下载告知书',
    item: '所涉手续',
    itemPlaceholder: '选择本项目的前期手续事项（可不选）',
    itemHint: '分类为“审批”时，可关联本项目尚未办结的手续事项',
    itemOnPage: '在前期手续中查看',
    itemDue: '承诺时限 {{date}}',
    itemPromise: '容缺承诺 {{date}}',
    itemHasProblem: '该手续已有未办结的问题 {{referenceNumber}}',
    openExisting: '查看该问题',
  },
};
