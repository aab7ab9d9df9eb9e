import {
  addWorkingDays,
  chinaDate,
  dependencyOrder,
  type HolidayCalendar,
  isWorkingDay,
  workingDaysBetween,
} from '@tuijin/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { approvalItems, approvalMaterials, projectStageChanges, projects, users } from '../db/schema';
import {
  generateProjectApprovals,
  loadApprovalPreset,
  moveApprovalItem,
  supplyApprovalMaterial,
  updateApprovalItem,
  updateApprovalProcedure,
} from '../modules/approvals';
import { loadHolidayCalendar } from '../modules/calendar';

/** The critical chain of the standard catalogue and each cohort's working days per link. */
const chain = ['yongdi-yushen', 'yongdi-guihua', 'gongcheng-guihua', 'tushen', 'shigong-xuke'] as const;
/**
 * Before the reform (Luohe's 66 working days, every procedure past its committed limit) and after it
 * (38, within the limits): the chain's links add up to each; the other procedures take their limit
 * plus `others` working days beside the chain.
 */
export const demoApprovalSpans = {
  earlier: { total: 66, chain: [16, 16, 14, 14, 6], others: 10 },
  recent: { total: 38, chain: [10, 10, 9, 6, 3], others: -2 },
} as const;

/** The working day `n` working days before `date` (the inverse of `addWorkingDays` on a working day). */
function workingDaysBefore(date: string, n: number, calendar: HolidayCalendar): string {
  let day = new Date(`${date}T00:00:00Z`);
  let counted = 0;
  while (counted < n) {
    day = new Date(day.getTime() - 86_400_000);
    if (isWorkingDay(day.toISOString().slice(0, 10), calendar)) counted += 1;
  }
  return day.toISOString().slice(0, 10);
}

/** The working day on or before a date. */
function workingDayOnOrBefore(date: string, calendar: HolidayCalendar): string {
  let day = date;
  while (!isWorkingDay(day, calendar))
    day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return day;
}

type Row = typeof approvalItems.$inferSelect;

async function itemsOf(ctx: Ctx, projectId: string): Promise<Row[]> {
  return ctx.db
    .select()
    .from(approvalItems)
    .where(eq(approvalItems.projectId, projectId))
    .orderBy(asc(approvalItems.sortOrder));
}

async function move(
  ctx: Ctx,
  item: Row,
  to: 'accepted' | 'approved' | 'accepted_with_gaps',
  on: string,
  extra = {},
) {
  const [current] = await ctx.db
    .select({ version: approvalItems.version })
    .from(approvalItems)
    .where(eq(approvalItems.id, item.id));
  return moveApprovalItem(ctx, item.id, { version: current!.version, to, on, ...extra });
}

/**
 * A finished checklist: every procedure accepted and approved so that the construction permit is
 * approved on `permitOn`, the chain of land, planning, drawings and permit taking the cohort's
 * working days from the first acceptance, the other procedures running beside it.
 */
async function finishedChecklist(
  ctx: Ctx,
  projectId: string,
  permitOn: string,
  spans: (typeof demoApprovalSpans)[keyof typeof demoApprovalSpans],
  calendar: HolidayCalendar,
) {
  const items = await itemsOf(ctx, projectId);
  const firstOn = workingDaysBefore(permitOn, spans.total, calendar);
  let on = firstOn;
  const chainDates = new Map<string, { accepted: string; approved: string }>();
  chain.forEach((code, index) => {
    const approved = addWorkingDays(on, spans.chain[index]!, calendar);
    chainDates.set(code, { accepted: on, approved });
    on = approved;
  });
  for (const item of dependencyOrder(items)) {
    const dates = chainDates.get(item.code) ?? {
      accepted: firstOn,
      approved: addWorkingDays(
        firstOn,
        Math.max(1, Math.min(spans.total - 1, item.committedDays + spans.others)),
        calendar,
      ),
    };
    await move(ctx, item, 'accepted', dates.accepted);
    await move(ctx, item, 'approved', dates.approved, {
      approvalNumber: `宁审批〔${dates.approved.slice(0, 4)}〕${item.sortOrder}号`,
    });
  }
}

/** 前期 projects: a checklist under way, so every colour, a 容缺 promise and an agent show. */
async function checklistUnderWay(
  ctx: Ctx,
  projectId: string,
  index: number,
  countyIndex: number,
  preparingOn: string,
  today: string,
  calendar: HolidayCalendar,
  agentId: string | null,
) {
  const items = await itemsOf(ctx, projectId);
  const available = workingDaysBetween(preparingOn, today, calendar);
  const acceptedAgo = (days: number) =>
    workingDaysBefore(today, Math.max(0, Math.min(days, available - 1)), calendar);
  const byCode = new Map(items.map((i) => [i.code, i]));
  const lixiang = items.find((i) => i.code.startsWith('lixiang'));
  if (lixiang) {
    const accepted = acceptedAgo(available - 1);
    await move(ctx, lixiang, 'accepted', accepted);
    await move(
      ctx,
      lixiang,
      'approved',
      addWorkingDays(
        accepted,
        Math.min(lixiang.committedDays, workingDaysBetween(accepted, today, calendar)),
        calendar,
      ),
      {
        approvalNumber: `闽发改备〔${today.slice(0, 4)}〕${100 + index}号`,
      },
    );
  }
  // Each county's first 前期 project has a 容缺 item (patterns 1 and 2), then the others follow.
  const pattern = [1, 2, 0, 3][countyIndex % 4]!;
  const land = byCode.get('yongdi-yushen');
  if (land) await move(ctx, land, 'accepted', acceptedAgo([3, 6, 9, 12][pattern]!));
  const environment = byCode.get('huanping');
  if (environment && pattern !== 3) {
    const accepted = acceptedAgo([8, 16, 25, 28][pattern]!);
    if (pattern === 1) {
      await move(ctx, environment, 'accepted_with_gaps', accepted, {
        missingMaterials: [{ name: '环评专家评审意见' }, { name: '公众参与说明', promisedDays: 5 }],
      });
    } else await move(ctx, environment, 'accepted', accepted);
  }
  const energy = byCode.get('jieneng');
  if (energy && pattern === 2) {
    await move(ctx, energy, 'accepted_with_gaps', acceptedAgo(12), {
      missingMaterials: [{ name: '能源消费总量指标来源说明', promisedDays: 10 }],
    });
  }
  if (agentId) {
    for (const code of ['yongdi-yushen', 'gongcheng-guihua', 'shigong-xuke']) {
      const item = byCode.get(code);
      if (!item) continue;
      const [current] = await ctx.db
        .select({ version: approvalItems.version })
        .from(approvalItems)
        .where(eq(approvalItems.id, item.id));
      await updateApprovalItem(ctx, item.id, { version: current!.version, agentUserId: agentId });
    }
  }
  // One 容缺 material of the 1-pattern projects came in on time.
  if (environment && pattern === 1 && index % 8 === 1) {
    const [gaps] = await ctx.db
      .select({ version: approvalItems.version })
      .from(approvalItems)
      .where(eq(approvalItems.id, environment.id));
    const [early] = await ctx.db
      .select()
      .from(approvalMaterials)
      .where(and(eq(approvalMaterials.itemId, environment.id), eq(approvalMaterials.name, '公众参与说明')));
    if (early && early.promisedOn <= today)
      await supplyApprovalMaterial(ctx, environment.id, early.id, {
        version: gaps!.version,
        on: early.promisedOn,
      });
  }
}

/**
 * The demo's 前期手续: 宁德市 loads the standard catalogue; projects that started in the last two
 * years have their finished checklists — permits approved a week or two before the start, the whole
 * span 66 working days for the earlier year and 38 for the last one (Luohe's reform, reproduced by
 * the statistics from the item dates); the 前期 projects have checklists under way, some 容缺, some
 * past their limits (用地预审 under 超时默认, so those past it get their notices), and 周丽华 (officer1)
 * carries three items of each 蕉城 project. Through the use
 * cases, on the demo clock.
 */
export async function loadDemoApprovals(ctx: Ctx): Promise<{ finished: number; underWay: number }> {
  const catalogue = await loadApprovalPreset(ctx, '350900');
  // 宁德市 follows Dongguan's 超时默认 for 用地预审: past its limit undecided, the procedure is deemed approved.
  const landPreliminary = catalogue.data.find((p) => p.code === 'yongdi-yushen');
  if (landPreliminary)
    await updateApprovalProcedure(ctx, landPreliminary.id, {
      deemedApproval: true,
      version: landPreliminary.version,
    });
  const calendar = await loadHolidayCalendar(ctx.db);
  const today = chinaDate(ctx.clock.now());
  const oneYearAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const twoYearsAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 729 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const candidates = await ctx.db
    .select({
      id: projects.id,
      domain: projects.domain,
      stage: projects.stage,
      regionCode: projects.regionCode,
      actualStartOn: projects.actualStartOn,
    })
    .from(projects)
    .where(inArray(projects.stage, ['started', 'underway', 'preparing']))
    .orderBy(asc(projects.name));
  const preparingMoves = await ctx.db
    .select({ projectId: projectStageChanges.projectId, on: projectStageChanges.changedOn })
    .from(projectStageChanges)
    .where(eq(projectStageChanges.toStage, 'preparing'));
  const preparingOn = new Map(preparingMoves.map((m) => [m.projectId, m.on]));
  const [agent] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.username, 'officer1')));
  let finished = 0;
  let underWay = 0;
  const preparingInCounty = new Map<string, number>();
  for (const [index, project] of candidates.entries()) {
    const route = project.domain === '现代产业' ? 'filing' : 'approval';
    const prepared = preparingOn.get(project.id);
    if (project.stage === 'preparing' && prepared) {
      await generateProjectApprovals(ctx, project.id, { route });
      const countyIndex = preparingInCounty.get(project.regionCode) ?? 0;
      preparingInCounty.set(project.regionCode, countyIndex + 1);
      await checklistUnderWay(
        ctx,
        project.id,
        index,
        countyIndex,
        prepared,
        today,
        calendar,
        project.regionCode === '350902' ? (agent?.id ?? null) : null,
      );
      underWay += 1;
      continue;
    }
    if (!project.actualStartOn || !prepared) continue;
    const permitOn = workingDayOnOrBefore(
      new Date(Date.parse(`${project.actualStartOn}T00:00:00Z`) - (7 + (index % 8)) * 86_400_000)
        .toISOString()
        .slice(0, 10),
      calendar,
    );
    if (permitOn < twoYearsAgo) continue;
    const spans = permitOn >= oneYearAgo ? demoApprovalSpans.recent : demoApprovalSpans.earlier;
    // Keep the approvals inside the project's 前期 stage.
    if (workingDaysBefore(permitOn, spans.total, calendar) <= prepared) continue;
    await generateProjectApprovals(ctx, project.id, { route });
    await finishedChecklist(ctx, project.id, permitOn, spans, calendar);
    finished += 1;
  }
  return { finished, underWay };
}
