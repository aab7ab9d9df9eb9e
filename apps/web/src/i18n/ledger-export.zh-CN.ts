/** zh-CN texts of the monthly ledger export card (merged into zh-CN.ts). */
export const ledgerExportZhCN = {
  ledgerExport: {
    title: '月度台账导出',
    intro:
      '按上报格式导出某月的重点项目建设情况表（Excel）：年度计划（调整后和年初计划）、当月和 1 至当月完成投资、占年度计划比例、自开工累计完成、当月形象进度和入统情况，按领域分类并带小计、合计。只统计已审核的月报。',
    year: '年份',
    yearOption: '{{year}} 年',
    month: '截至月份',
    monthOption: '{{month}} 月',
    region: '区划',
    regionPlaceholder: '本人辖区（可选下级区划）',
    download: '导出月度台账',
  },
};
