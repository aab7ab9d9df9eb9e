import type { BankPushListQuery } from '@tuijin/contracts';
import { authorize, type BankFollowUpStatus, bankFollowUpStatusNames, sumDecimals } from '@tuijin/domain';
import { between, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { bankEvents, bankFollowUps, organisations, projects } from '../../db/schema';
import { workbookToBuffer } from '../../lib/excel';
import { writeTitledTable } from '../../lib/excel-table';
import { inRegionSubtree } from '../../lib/scope';
import { loadBank, type PushFact, pushFacts, visibleEvents } from './bank-matchmaking.queries';
import { bankYear } from './bank-overview';

const columns = [
  { header: '序号', width: 6 },
  { header: '项目名称', width: 38 },
  { header: '所在地', width: 12 },
  { header: '业主单位', width: 30 },
  { header: '融资需求（万元）', width: 16 },
  { header: '资金用途', width: 28 },
  { header: '联系人', width: 22 },
  { header: '对接状态', width: 12 },
];

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '银行';
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}(${n})`;
  taken.add(name);
  return name;
}

/**
 * 推送项目清单 per bank as Excel, one sheet per bank (or only the bank asked): the projects of the
 * actor's jurisdiction pushed to it at the year's events — 序号, 项目名称, 所在地, 业主单位, 融资需求,
 * 资金用途, 联系人, 对接状态 — with a 合计 row. A project pushed to a bank at several events appears
 * once, with its latest push. Only projects the actor sees; amounts as exact decimal text (万元).
 */
export async function exportBankPushList(
  ctx: Ctx,
  query: BankPushListQuery,
): Promise<{ name: string; bytes: Buffer }> {
  authorize(ctx.actor, 'bankMatchmaking.read');
  const year = bankYear(ctx, query.year);
  const only = query.bankId ? await loadBank(ctx.db, ctx.actor, query.bankId) : null;
  const events = await visibleEvents(
    ctx.db,
    ctx.actor,
    between(bankEvents.heldOn, `${year}-01-01`, `${year}-12-31`),
  );
  const facts = await pushFacts(
    ctx.db,
    ctx.actor,
    events.map((e) => e.event.id),
    inRegionSubtree(projects.regionPath, ctx.actor.regionPath),
  );
  const latest = new Map<string, PushFact>();
  for (const f of facts) {
    if (only && f.bankId !== only.bank.id) continue;
    const key = `${f.bankId}|${f.projectId}`;
    const seen = latest.get(key);
    if (!seen || seen.heldOn < f.heldOn) latest.set(key, f);
  }
  const projectIds = [...new Set([...latest.values()].map((f) => f.projectId))];
  const details = projectIds.length
    ? await ctx.db
        .select({
          id: projects.id,
          owner: organisations.name,
          contactPerson: projects.contactPerson,
          contactPhone: projects.contactPhone,
        })
        .from(projects)
        .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
        .where(inArray(projects.id, projectIds))
    : [];
  const detail = new Map(details.map((d) => [d.id, d]));
  const statuses = projectIds.length
    ? await ctx.db
        .select({
          projectId: bankFollowUps.projectId,
          bankId: bankFollowUps.bankId,
          status: bankFollowUps.status,
        })
        .from(bankFollowUps)
        .where(inArray(bankFollowUps.projectId, projectIds))
    : [];
  const status = new Map(statuses.map((s) => [`${s.bankId}|${s.projectId}`, s.status as BankFollowUpStatus]));
  const byBank = new Map<string, { name: string; shortName: string | null; rows: PushFact[] }>();
  if (only) byBank.set(only.bank.id, { name: only.bank.name, shortName: only.bank.shortName, rows: [] });
  for (const f of [...latest.values()].sort((a, b) => a.bankName.localeCompare(b.bankName, 'zh-CN'))) {
    const bank =
      byBank.get(f.bankId) ??
      byBank.set(f.bankId, { name: f.bankName, shortName: f.bankShortName, rows: [] }).get(f.bankId)!;
    bank.rows.push(f);
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  const taken = new Set<string>();
  if (byBank.size === 0) byBank.set('', { name: '（无推送项目）', shortName: null, rows: [] });
  for (const bank of byBank.values()) {
    const rows = bank.rows.sort((a, b) => a.projectName.localeCompare(b.projectName, 'zh-CN'));
    writeTitledTable(workbook.addWorksheet(sheetName(bank.shortName ?? bank.name, taken)), {
      title: `${year}年政银企对接推送项目清单（${bank.name}）`,
      note: '金额单位：万元；同一项目多次推送的取最近一次',
      columns,
      rows: rows.map((f, i) => {
        const d = detail.get(f.projectId);
        const contact = [d?.contactPerson, d?.contactPhone].filter(Boolean).join(' ');
        return [
          i + 1,
          f.projectName,
          f.regionName,
          d?.owner ?? '',
          f.financingNeedWanYuan,
          f.purpose,
          contact,
          bankFollowUpStatusNames[status.get(`${f.bankId}|${f.projectId}`) ?? 'pushed'],
        ];
      }),
      total: [
        '合计',
        `${rows.length} 个项目`,
        '',
        '',
        sumDecimals(rows, (f) => f.financingNeedWanYuan),
        '',
        '',
        '',
      ],
    });
  }
  const title = only
    ? `${year}年政银企对接推送项目清单（${only.bank.name}）`
    : `${year}年政银企对接推送项目清单`;
  return { name: `${title}.xlsx`, bytes: await workbookToBuffer(workbook) };
}
