/** en-US texts of amounts and investment size bands (merged into en-US.ts). */
export const amountsEnUS = {
  amounts: {
    unit: { wanYuan: '×10k yuan', yiYuan: '×100m yuan' },
    sizeBand: 'Investment size',
    sizeBands: {
      lt5000: 'Under 50m yuan',
      '5000to10000': '50m–100m yuan',
      '10000to100000': '100m–1bn yuan',
      ge100000: '1bn yuan and above',
      ge5000: '50m yuan and above',
      ge10000: '100m yuan and above',
    },
    sizeHint: 'By total investment; "and above" includes the bound',
  },
};
