import type { FactorBoardQuery } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import {
  authorize,
  chinaDate,
  daysOverdue,
  type FactorDemandStatus,
  factorDemandStatusNames,
  factorTypeNames,
  isFactorDemandOverdue,
} from '@tuijin/domain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { writeTitledTable } from '../../lib/excel-table';
import { boardDemands } from './factor-board';

const columns = [
  { header: '序号', width: 6 },
  { header: '项目名称', width: 36 },
  { header: '所在地', width: 12 },
  { header: '要素类型', width: 12 },
  { header: '需求内容', width: 28 },
  { header: '需求数量', width: 14 },
  { header: '已保障', width: 14 },
  { header: '单位', width: 10 },
  { header: '责任部门', width: 28 },
  { header: '需求时间', width: 12 },
  { header: '保障状态', width: 10 },
  { header: '逾期天数', width: 10 },
  { header: '问题编号', width: 24 },
  { header: '备注', width: 30 },
];

const landKindNames = { new: '新增建设用地', existing: '存量用地' } as const;
const landStageNames = {
  notStarted: '未启动报批',
  conversionFiled: '农转用报批中',
  conversionApproved: '农转用已批',
  acquisition: '征收实施中',
  supplied: '已供地',
} as const;
const utilityNames = { water: '供水', power: '供电', road: '道路', gas: '供气' } as const;

/**
 * 要素保障台账 as Excel: one row per demand of the jurisdiction under the board's filters — 序号,
 * 项目名称, 所在地, 要素类型, 需求内容 (the type's own facts), 需求数量, 已保障, 单位, 责任部门,
 * 需求时间, 保障状态, 逾期天数, 问题编号, 备注 — and a 合计 row of counts. Quantities are written as
 * the exact decimal text, never floats.
 */
export async function exportFactorLedger(ctx: Ctx, query: FactorBoardQuery): Promise<Buffer> {
  authorize(ctx.actor, 'factor.read');
  const today = chinaDate(ctx.clock.now());
  const { region, rows } = await boardDemands(ctx, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  let overdue = 0;
  let met = 0;
  writeTitledTable(workbook.addWorksheet('要素保障台账'), {
    title: `${region.name}要素保障台账`,
    note: `统计截至 ${today}`,
    columns,
    rows: rows.map(({ demand, project, regionName, organisationName, problemReference }, i) => {
      const status = demand.status as FactorDemandStatus;
      const late = isFactorDemandOverdue({ status, neededBy: demand.neededBy }, today);
      if (late) overdue += 1;
      if (status === 'met') met += 1;
      const content = [
        demand.landKind ? landKindNames[demand.landKind] : null,
        demand.landApprovalStage ? landStageNames[demand.landApprovalStage] : null,
        demand.landDeliveryOn ? `交地 ${demand.landDeliveryOn}` : null,
        demand.coalTonnes ? `煤炭 ${normaliseDecimal(demand.coalTonnes)} 吨` : null,
        demand.financePurpose,
        demand.banksMatched ? `对接银行：${demand.banksMatched}` : null,
        demand.disbursedWanYuan ? `已放款 ${normaliseDecimal(demand.disbursedWanYuan)} 万元` : null,
        demand.utilityKind ? utilityNames[demand.utilityKind] : null,
        demand.materialName,
      ]
        .filter(Boolean)
        .join('；');
      return [
        i + 1,
        project.name,
        regionName,
        factorTypeNames[demand.type],
        content,
        normaliseDecimal(demand.quantity),
        normaliseDecimal(demand.metQuantity),
        demand.unit,
        organisationName,
        demand.neededBy,
        factorDemandStatusNames[status],
        late ? daysOverdue(demand.neededBy, today) : '',
        problemReference ?? '',
        demand.note ?? '',
      ];
    }),
    total: [
      '合计',
      `${rows.length} 项需求`,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      `已保障 ${met} 项`,
      `逾期 ${overdue} 项`,
      '',
      '',
    ],
  });
  return workbookToBuffer(workbook);
}
