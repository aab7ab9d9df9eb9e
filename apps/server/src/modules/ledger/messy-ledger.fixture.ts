import ExcelJS from 'exceljs';

/**
 * Builds a ledger the way a county office really keeps one, with every trait the importer must
 * survive: a title, a 填报单位 filler line and a 单位：万元 line above a two-row header with a merged
 * 年度计划 group and line breaks in header cells; a 合计 row above the data whose SUM has a wrong
 * cached value; merged category rows with counts; 序号 restarting per category; 小计 rows; a spacer
 * row; numbers stored as text with separators and stray spaces; a cell with its own unit; ★/■
 * markers; full-width spaces; every 建设起止年限 spelling; blanks that must stay unknown; footnotes
 * and a second sheet of prose.
 */
export async function buildMessyLedger(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('蕉城区');
  const width = 14;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell('A1').value = '2025年蕉城区重点项目建设计划表';
  sheet.getCell('A2').value = '填报单位：蕉城区发展和改革局（盖章）';
  sheet.getCell('A3').value = '单位：万元';
  const header1 = [
    '序号',
    '项目名称',
    '建设单位',
    '建设地点',
    '建设规模及\n主要建设内容',
    '建设起止\n年限',
    '总投资',
    '年度计划',
    null,
    '1-5月\n完成投资',
    '形象进度',
    '责任单位',
    '挂钩领导',
    '备注',
  ];
  const header2 = [
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    '计划投资',
    '形象进度目标',
    null,
    null,
    null,
    null,
    null,
  ];
  sheet.getRow(4).values = header1;
  sheet.getRow(5).values = header2;
  sheet.mergeCells('H4:I4');
  for (const column of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'J', 'K', 'L', 'M', 'N'])
    sheet.mergeCells(`${column}4:${column}5`);
  // 合计 above the data; its cached SUM is wrong because SUM skips numbers stored as text.
  sheet.getRow(6).values = ['合计', null, null, null, null, null, { formula: 'SUM(G8:G15)', result: 45000 }];
  sheet.mergeCells('A7:N7');
  sheet.getCell('A7').value = '一、产业项目（3个）';
  sheet.getRow(8).values = [
    1,
    '★时代新能源锂电池扩产项目',
    '宁德时代新能源科技股份有限公司',
    '蕉城区漳湾镇',
    '新建动力电池生产线',
    '2025.07-2028',
    '8.97亿元',
    '189,000',
    '主体厂房封顶',
    '300 ',
    '桩基施工',
    '区工信局',
    '吴国平',
    null,
  ];
  sheet.getRow(9).values = [
    2,
    '新能源汽车\n零部件产业园',
    '蕉城产业投资发展有限公司',
    '蕉城区七都镇',
    '标准厂房20万平方米',
    '2025年7月-2027年',
    '130,000.00',
    null,
    null,
    null,
    '前期',
    '区发改局',
    null,
    '用地报批中',
  ];
  sheet.getRow(10).values = [
    3,
    '铜材料精深加工项目',
    '蕉城产业投资发展有限公司',
    null,
    '年产铜箔5万吨',
    '2024',
    '4000万元',
    '3. 5',
    '设备安装',
    0,
    null,
    '区工信局',
    '陈立军',
    null,
  ];
  sheet.getRow(11).values = ['小计', null, null, null, null, null, { formula: 'SUM(G8:G10)', result: 4000 }];
  sheet.getRow(12).values = [' '];
  sheet.mergeCells('A13:N13');
  sheet.getCell('A13').value = '二、基础设施项目（2个）';
  sheet.getRow(14).values = [
    1,
    '■城区道路提升改造工程',
    '宁德市蕉城区城市建设投资开发有限公司',
    '蕉城城区',
    '改造主次干道18公里',
    '2015.12—2018.12',
    45000,
    '１２，０００',
    '完成路面改造',
    '5,600',
    '管网施工',
    '区住建局',
    null,
    null,
  ];
  sheet.getRow(15).values = [
    2,
    '\u3000国道改线工程\u3000',
    '宁德市蕉城区城市建设投资开发有限公司',
    '蕉城区',
    '新建一级公路25公里',
    '2024-2026年',
    80000,
    20000,
    '路基完成50%',
    null,
    '路基施工',
    '区交通局',
    null,
    null,
  ];
  sheet.getRow(16).values = [
    '小计',
    null,
    null,
    null,
    null,
    null,
    { formula: 'SUM(G14:G15)', result: 125000 },
  ];
  sheet.getRow(17).values = ['注：1. 本表金额单位为万元；2. 带★、■的为省重点项目。'];
  sheet.getRow(18).values = ['填报人：张三', null, null, '审核人：李四'];
  const prose = workbook.addWorksheet('填报说明');
  prose.getCell('A1').value = '请各单位于每月25日前报送。';
  prose.getCell('A2').value = '如有疑问请联系区发改局。';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What a correct import of {@link buildMessyLedger} finds, row by row (amounts in 万元). */
export const messyLedgerExpected = [
  {
    row: 8,
    name: '时代新能源锂电池扩产项目',
    level: 'provincial',
    category: '产业项目',
    totalInvestmentWanYuan: '89700',
    annualPlanWanYuan: '189000',
    completedToDateWanYuan: '300',
    startYear: 2025,
    endYear: 2028,
  },
  {
    row: 9,
    name: '新能源汽车零部件产业园',
    level: null,
    category: '产业项目',
    totalInvestmentWanYuan: '130000',
    annualPlanWanYuan: null,
    completedToDateWanYuan: null,
    startYear: 2025,
    endYear: 2027,
  },
  {
    row: 10,
    name: '铜材料精深加工项目',
    level: null,
    category: '产业项目',
    totalInvestmentWanYuan: '4000',
    annualPlanWanYuan: '3.5',
    completedToDateWanYuan: '0',
    startYear: 2024,
    endYear: 2024,
  },
  {
    row: 14,
    name: '城区道路提升改造工程',
    level: 'provincial',
    category: '基础设施项目',
    totalInvestmentWanYuan: '45000',
    annualPlanWanYuan: '12000',
    completedToDateWanYuan: '5600',
    startYear: 2015,
    endYear: 2018,
  },
  {
    row: 15,
    name: '国道改线工程',
    level: null,
    category: '基础设施项目',
    totalInvestmentWanYuan: '80000',
    annualPlanWanYuan: '20000',
    completedToDateWanYuan: null,
    startYear: 2024,
    endYear: 2026,
  },
];
