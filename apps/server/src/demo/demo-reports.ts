import { randomUUID } from 'node:crypto';
import type { SaveReportDraft } from '@tuijin/contracts';
import {
  type Actor,
  addCalendarDays,
  chinaDate,
  formatDecimal,
  parseDecimal,
  reportingPeriod,
} from '@tuijin/domain';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../context';
import {
  annualPlans,
  monthlyReportEvents,
  monthlyReports,
  organisations,
  projects,
  regions,
} from '../db/schema';
import { recordAudit } from '../modules/audit';
import { actorSource, toActor } from '../modules/auth';
import { loadHolidayCalendar } from '../modules/calendar';
import {
  approveReport,
  correctReport,
  reportingRuleResolver,
  returnReport,
  saveReportDraft,
  submitReport,
} from '../modules/reports';
import { seededRandom } from './demo-projects';

const returnReasons = [
  '本月完成投资与形象进度不匹配，请核实后重报',
  '未上传现场照片，请补充',
  '入统金额大于本月完成投资，请核对',
  '形象进度描述过于笼统，请写明具体部位和工程量',
];

/** 形象进度 of a project still in preparation (before its start): 前期 work, no investment. */
const preparationSteps = [
  '办理用地预审和规划选址',
  '开展环评和能评',
  '施工图设计及审查',
  '施工招标及开工准备',
];

const progressSteps = [
  '场地平整及临时设施搭建',
  '桩基施工',
  '基础承台施工',
  '主体结构施工',
  '主体结构封顶',
  '砌体及机电安装',
  '幕墙及外立面施工',
  '室内装修及设备调试',
  '室外配套工程',
  '竣工验收准备',
  '设备安装调试',
  '试运行',
];

/** 已入统 carries its 入统 amount (the month's amount, as the statistics office took it). */
const inStatisticsFields = (inStatistics: boolean, amount: string) => ({
  inStatistics,
  statisticsWanYuan: inStatistics ? amount : null,
});

/** A fixed moment: 10:00 Beijing time on a calendar date. */
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * Gives the demo projects this year's monthly reports up to last month. Last month goes through the
 * report use cases with the clock set to when each step happened, so its events, audit, checks and
 * late flags are real; earlier months are written in bulk as those use cases leave an approved
 * report (events and late flags included), so a demo loads in seconds. The picture:
 * mostly approved; some late; some returned with a reason and resubmitted (a few of last month's
 * still returned); some of last month's still waiting for review; some months missing; about a
 * quarter of the projects behind time progress; owner1's first project with a draft for this month.
 * Only projects with an annual plan for this year (and not dropped) report — the plans come first.
 */
export async function loadDemoReports(ctx: Ctx): Promise<{ reports: number }> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const random = seededRandom(20_261_123);
  const due = await ctx.db
    .select({
      id: projects.id,
      name: projects.name,
      regionCode: projects.regionCode,
      regionPath: projects.regionPath,
      sector: projects.sector,
      ownerOrganisationId: projects.ownerOrganisationId,
      ownerName: organisations.name,
      ownerRegionPath: regions.path,
      totalInvestmentWanYuan: projects.totalInvestmentWanYuan,
      planned: annualPlans.plannedInvestmentWanYuan,
      prior: annualPlans.priorCompletedWanYuan,
      plansStart: annualPlans.plansStart,
      startMonth: annualPlans.startMonth,
      endYear: projects.endYear,
    })
    .from(annualPlans)
    .innerJoin(projects, eq(projects.id, annualPlans.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(annualPlans.year, year), ne(projects.stage, 'dropped')))
    .orderBy(asc(projects.regionPath), asc(projects.name));
  if (due.length === 0) return { reports: 0 };

  const accounts = new Map(
    (await actorSource(ctx.db).where(inArray(organisations.kind, ['office', 'department', 'owner']))).map(
      (row) => [row.username, toActor(row)],
    ),
  );
  const owner1 = accounts.get('owner1');
  const officeFor = (regionCode: string) =>
    (regionCode === '350902'
      ? accounts.get('jiaocheng')
      : regionCode === '350981'
        ? accounts.get('fuan')
        : null) ?? accounts.get('ningde');
  const ownerActor = (p: (typeof due)[number]): Actor =>
    owner1 && owner1.organisationId === p.ownerOrganisationId
      ? owner1
      : {
          // The unit's reporting clerk: demo owner units other than owner1's have no login.
          userId: p.ownerOrganisationId,
          username: 'demo-owner',
          displayName: `${p.ownerName}填报员`,
          roles: ['owner'],
          organisationId: p.ownerOrganisationId,
          organisationKind: 'owner',
          regionCode: p.regionCode,
          regionPath: p.ownerRegionPath,
          sector: null,
        };
  const as = (actor: Actor | undefined, moment: Date): Ctx => ({
    ...ctx,
    actor: actor ?? ctx.actor,
    clock: { now: () => new Date(Math.min(moment.getTime(), now.getTime())) },
  });

  const ruleOf = await reportingRuleResolver(ctx.db);
  const calendar = await loadHolidayCalendar(ctx.db);
  const bulk = bulkReports(at);
  let reports = 0;
  let ownerDraftDone = false;
  for (const p of due) {
    const owner = ownerActor(p);
    const reviewer =
      p.sector === '住建' && accounts.get('zhujian') ? accounts.get('zhujian') : officeFor(p.regionCode);
    const behind = random.next() < 0.25;
    const total = parseDecimal(p.totalInvestmentWanYuan);
    let sinceStart = parseDecimal(p.prior ?? '0');
    let step = p.plansStart ? -1 : random.int(0, 4);
    // Only a project finishing this year gets as far as 竣工验收准备 and after.
    const lastStep =
      p.endYear === year ? progressSteps.length - 1 : progressSteps.indexOf('竣工验收准备') - 1;
    for (let month = 1; month < thisMonth; month += 1) {
      const period = reportingPeriod(ruleOf(p.regionPath), year, month, calendar);
      const isLast = month === thisMonth - 1;
      const roll = random.next();
      if (roll < (isLast ? 0.06 : 0.025)) continue; // missing
      const percent = behind ? random.int(25, 60) : random.int(70, 135);
      // Before its (planned or actual) start a project reports its 前期 work and no investment.
      const beforeStart = p.plansStart && (p.startMonth === null || month < p.startMonth);
      let amount = beforeStart ? 0n : ((parseDecimal(p.planned) * BigInt(percent)) / 1200n / 100n) * 100n;
      if (sinceStart + amount > total) amount = total > sinceStart ? total - sinceStart : 0n;
      sinceStart += amount;
      if (!beforeStart) step = Math.max(0, Math.min(step + (random.next() < 0.7 ? 1 : 0), lastStep));
      const started = p.plansStart && p.startMonth === month;
      const fields = {
        completedWanYuan: formatDecimal(amount),
        progress: beforeStart
          ? `${month}月：前期工作，${preparationSteps[Math.min(month - 1, preparationSteps.length - 1)]}`
          : `${month}月：${progressSteps[step]}${started ? '，项目正式开工' : ''}，完成投资 ${formatDecimal(amount)} 万元`,
        actualStartOn: started ? `${year}-${String(month).padStart(2, '0')}-08` : null,
        actualCompletionOn: null,
        actualOperationOn: null,
        ...inStatisticsFields(random.next() < 0.85, formatDecimal(amount)),
        workersOnSite: random.int(20, 400),
      };
      const late = random.next() < 0.1;
      const planned = late
        ? addCalendarDays(period.dueOn, random.int(1, 6))
        : addCalendarDays(period.dueOn, -random.int(0, 6));
      const submitOn = planned.localeCompare(period.opensOn) < 0 ? period.opensOn : planned;
      if (at(submitOn).getTime() > now.getTime()) continue;
      const isReturned = random.next() < 0.08;
      const reason = random.pick(returnReasons);
      reports += 1;
      if (month < thisMonth - 1) {
        bulk.add(p.id, owner, reviewer ?? ctx.actor, {
          year,
          month,
          fields,
          dueOn: period.dueOn,
          submitOn,
          isReturned,
          reason,
        });
        continue;
      }
      await bulk.flush(ctx);
      const id = await saveReportDraft(as(owner, at(addCalendarDays(submitOn, -1), 16)), p.id, year, month, {
        ...fields,
        version: null,
      });
      if (isLast && roll > 0.95) continue; // still a draft after the deadline: missing
      await submitReport(as(owner, at(submitOn)), id, { version: 0 });
      if (isLast && roll > 0.75) continue; // waiting for review
      let version = 1;
      const stillReturned = isLast && roll > 0.68;
      if (isReturned || stillReturned) {
        const returnOn = addCalendarDays(submitOn, 1);
        await returnReport(as(reviewer, at(returnOn)), id, { reason, version });
        if (stillReturned) continue; // still with the owner
        const fixOn = addCalendarDays(returnOn, 1);
        await saveReportDraft(as(owner, at(fixOn, 9)), p.id, year, month, {
          ...fields,
          progress: `${fields.progress}（已补充说明）`,
          version: version + 1,
        });
        await submitReport(as(owner, at(fixOn)), id, { version: version + 2 });
        version += 3;
      }
      await approveReport(as(reviewer, at(addCalendarDays(submitOn, 2), 15)), id, { version });
      if (random.next() < 0.04 && amount > 0n)
        await correctReport(as(officeFor(p.regionCode), at(addCalendarDays(submitOn, 20))), id, {
          ...fields,
          completedWanYuan: formatDecimal(amount - amount / 10n),
          reason: '按统计部门核定数更正',
          version: version + 1,
        });
    }
    if (!ownerDraftDone && owner1 && owner === owner1) {
      const beforeStart = p.plansStart && (p.startMonth === null || thisMonth < p.startMonth);
      await saveReportDraft(as(owner1, now), p.id, year, thisMonth, {
        completedWanYuan: beforeStart
          ? '0'
          : formatDecimal((parseDecimal(p.planned) / 12n / 10_000n) * 10_000n),
        progress: beforeStart
          ? `${thisMonth}月：前期工作（填报中）`
          : `${thisMonth}月：${progressSteps[Math.max(0, Math.min(step + 1, lastStep))]}（填报中）`,
        actualStartOn: null,
        actualCompletionOn: null,
        actualOperationOn: null,
        inStatistics: false,
        statisticsWanYuan: null,
        workersOnSite: 120,
        version: null,
      });
      reports += 1;
      ownerDraftDone = true;
    }
  }
  await bulk.write(ctx);
  return { reports };
}

interface BulkReport {
  year: number;
  month: number;
  fields: Omit<SaveReportDraft, 'version'>;
  dueOn: string;
  submitOn: string;
  isReturned: boolean;
  reason: string;
}

/**
 * The earlier months of the demo, written in bulk as the use cases would have left them: approved,
 * with their submitted / returned / approved events and late flags. One audit event records them.
 */
function bulkReports(at: (date: string, hour?: number) => Date) {
  const rows: (typeof monthlyReports.$inferInsert)[] = [];
  const events: (typeof monthlyReportEvents.$inferInsert)[] = [];
  const written = { reports: 0 };
  return {
    add(projectId: string, owner: Actor, reviewer: Actor, r: BulkReport) {
      const id = randomUUID();
      written.reports += 1;
      const submittedAt = at(r.submitOn);
      const reviewedAt = at(addCalendarDays(r.submitOn, 2), 15);
      rows.push({
        id,
        projectId,
        year: r.year,
        month: r.month,
        ...r.fields,
        progress: r.isReturned ? `${r.fields.progress}（已补充说明）` : r.fields.progress,
        status: 'approved',
        dueOn: r.dueOn,
        late: r.submitOn > r.dueOn,
        submittedAt,
        submittedBy: owner.userId,
        reviewedAt,
        reviewedBy: reviewer.userId,
        reviewedByName: reviewer.displayName,
        version: r.isReturned ? 5 : 2,
        createdAt: at(addCalendarDays(r.submitOn, -1), 16),
        updatedAt: reviewedAt,
      });
      const event = (
        action: 'submitted' | 'returned' | 'approved',
        who: Actor,
        when: Date,
        reason: string | null = null,
      ) =>
        events.push({
          reportId: id,
          action,
          reason,
          actorId: who.userId,
          actorName: who.displayName,
          at: when,
        });
      event('submitted', owner, submittedAt);
      if (r.isReturned) {
        event('returned', reviewer, at(addCalendarDays(r.submitOn, 1)), r.reason);
        event('submitted', owner, at(addCalendarDays(r.submitOn, 2)));
      }
      event('approved', reviewer, reviewedAt);
    },
    /** Inserts what was added so far (before a project's later months run their checks over it). */
    async flush(ctx: Ctx) {
      if (rows.length > 0) await ctx.db.insert(monthlyReports).values(rows.splice(0));
      if (events.length > 0) await ctx.db.insert(monthlyReportEvents).values(events.splice(0));
    },
    async write(ctx: Ctx) {
      await this.flush(ctx);
      if (written.reports === 0) return;
      await recordAudit(ctx.db, ctx, {
        action: 'demo.reports',
        detail: { approvedReports: written.reports },
      });
    },
  };
}
