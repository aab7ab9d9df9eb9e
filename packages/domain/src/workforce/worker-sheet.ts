import { cleanText, type LedgerCell } from '../ledger/text';

/** The columns of a 实名制花名册 sheet, in the template's order. */
export const workerSheetColumns = [
  'name',
  'idNumber',
  'phone',
  'trade',
  'team',
  'contractor',
  'originProvince',
  'originCity',
  'originCounty',
  'arrivedOn',
  'departedOn',
  'accommodation',
  'passNumber',
] as const;
export type WorkerSheetColumn = (typeof workerSheetColumns)[number];

export const workerSheetHeadings: Record<WorkerSheetColumn, string> = {
  name: '姓名',
  idNumber: '身份证号码',
  phone: '手机号码',
  trade: '工种',
  team: '班组',
  contractor: '施工单位',
  originProvince: '来源省份',
  originCity: '来源城市',
  originCounty: '来源区县',
  arrivedOn: '到岗日期',
  departedOn: '离场日期',
  accommodation: '住宿安置',
  passNumber: '通行证号',
};

/** Other words sheets use for the same columns (matched after removing spaces and brackets). */
const synonyms: Record<WorkerSheetColumn, readonly string[]> = {
  name: ['姓名', '工人姓名', '人员姓名'],
  idNumber: ['身份证号码', '身份证号', '身份证', '公民身份号码'],
  phone: ['手机号码', '手机号', '联系电话', '电话'],
  trade: ['工种'],
  team: ['班组', '所在班组'],
  contractor: ['施工单位', '所属单位', '用工单位'],
  originProvince: ['来源省份', '籍贯省份', '来源地省份', '省份'],
  originCity: ['来源城市', '籍贯城市', '来源地市', '城市', '地市'],
  originCounty: ['来源区县', '籍贯区县', '区县'],
  arrivedOn: ['到岗日期', '进场日期', '返岗日期', '到岗时间'],
  departedOn: ['离场日期', '退场日期', '离岗日期'],
  accommodation: ['住宿安置', '住宿方式', '安置方式'],
  passNumber: ['通行证号', '通行证编号', '通行证'],
};

/** The column a heading cell names, or null (序号, 备注 and the like). */
export function matchWorkerHeading(cell: LedgerCell | undefined): WorkerSheetColumn | null {
  const text = (cleanText(cell) ?? '').replace(/[\s（）()*＊]/g, '');
  if (text === '') return null;
  for (const column of workerSheetColumns) if (synonyms[column].includes(text)) return column;
  return null;
}

/** The 说明 sheet of the template: how the import reads a row. */
export const workerSheetGuide = [
  '实名制花名册导入说明（一人一档、一人一证）',
  '1. 表头须含“姓名”“身份证号码”“到岗日期”“来源省份”列；其余列可选，列顺序不限。',
  '2. 身份证号码为 18 位居民身份证号码，校验码与出生日期须正确；同一项目内同一身份证号码只登记一人，再次导入即更新该工人信息。',
  '3. 施工单位须是本项目已登记的施工单位；该列为空时使用导入时选择的施工单位。',
  '4. 来源省份填写省级行政区名称（如 福建省、四川），来源城市、区县填写文字。',
  '5. 日期填写为 2026-02-01 或 2026/2/1；到岗日期不能晚于今天；离场日期不早于到岗日期。',
  '6. 住宿安置填写 企业就地安置、乡村接纳 或 政府协调，可为空。',
  '7. 任一行有错误时整表不导入，预检结果按行列列出错误。',
];
