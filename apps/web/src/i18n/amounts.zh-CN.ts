/** zh-CN texts of amounts and investment size bands (merged into zh-CN.ts). */
export const amountsZhCN = {
  amounts: {
    unit: { wanYuan: '万元', yiYuan: '亿元' },
    sizeBand: '投资规模',
    sizeBands: {
      lt5000: '5000 万元以下',
      '5000to10000': '5000 万–1 亿元',
      '10000to100000': '1–10 亿元',
      ge100000: '10 亿元以上',
      ge5000: '5000 万元以上',
      ge10000: '1 亿元以上',
    },
    sizeHint: '按项目总投资；“以上”含本数',
  },
};
