/** zh-CN texts of the report form's field rules and its window (merged into zh-CN.ts). */
export const reportFormZhCN = {
  reportForm: {
    problems: {
      completedWanYuan: {
        blank: '请填写本月完成投资（万元），没有完成填 0',
        format: '本月完成投资应为数字（万元），最多 4 位小数',
        negative: '本月完成投资不能为负数',
        statisticsRequired: '请填写本月完成投资',
      },
      statisticsWanYuan: {
        blank: '请填写入统金额（万元）',
        format: '入统金额应为数字（万元），最多 4 位小数',
        negative: '入统金额不能为负数',
        statisticsRequired: '已入统的月报须填写入统金额（万元）',
      },
    },
    opensOn: '{{month}}月{{day}}日开放报送',
    notOpenHint: '{{year}} 年 {{month}} 月月报的填报期尚未开始，{{opens}} 起可提交；草稿可随时保存。',
  },
};
