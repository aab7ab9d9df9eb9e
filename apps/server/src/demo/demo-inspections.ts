import { type Actor, addCalendarDays, chinaDate, type FindingSeverity } from '@tuijin/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { projects, users } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import {
  closeInspectionFinding,
  copyInspectionChecklists,
  raiseOverdueFindings,
  recordInspection,
  replyInspectionFinding,
  returnInspectionFinding,
} from '../modules/inspections';
import { demoClock } from './demo-clock';

const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** A finding of the demo: the item, what was wrong, its severity and what became of it. */
interface DemoFinding {
  key: string;
  description: string;
  severity: FindingSeverity;
  /** replied: the owner answered; closed: answered and closed; returned: answered and sent back. */
  fate: 'open' | 'replied' | 'closed' | 'returned';
}

const presets: Record<string, { checklist: string; findings: DemoFinding[] }> = {
  safety: {
    checklist: '安全生产',
    findings: [
      { key: 'safety-4', description: '三层楼面临边未设防护栏杆', severity: 'major', fate: 'closed' },
    ],
  },
  dust: {
    checklist: '扬尘治理',
    findings: [{ key: 'dust-2', description: '砂石料堆未覆盖防尘网', severity: 'minor', fate: 'replied' }],
  },
  wages: {
    checklist: '农民工工资',
    findings: [
      { key: 'wages-1', description: '工资公示牌未更新本月发放情况', severity: 'minor', fate: 'open' },
    ],
  },
  realName: { checklist: '实名制管理', findings: [] },
  epidemic: {
    checklist: '疫情防控',
    findings: [{ key: 'epidemic-3', description: '宿舍消毒记录缺失', severity: 'minor', fate: 'returned' }],
  },
  severe: {
    checklist: '安全生产',
    findings: [{ key: 'safety-6', description: '塔吊未经检测即投入使用', severity: 'severe', fate: 'open' }],
  },
};

/**
 * 一日一督查 in the demo, through the inspection use cases (audit written): the city office starts
 * 宁德市's own checklists from the presets (its counties inherit them); over the last seven days the
 * 蕉城 office inspects two of its sites a day and the 福安 office one, some with findings — one
 * closed, one answered and waiting, one sent back, some open; a serious one six days old is past its
 * deadline and becomes a problem by the daily job. On `npm start` the page shows this week's work.
 */
export async function loadDemoInspections(ctx: Ctx): Promise<{ inspections: number; findings: number }> {
  const today = chinaDate(ctx.clock.now());
  const rows = await actorSource(ctx.db).where(
    inArray(users.username, ['ningde', 'jiaocheng', 'fuan', 'owner1']),
  );
  const actorOf = (username: string): Actor | null => {
    const row = rows.find((a) => a.username === username);
    return row ? toActor(row) : null;
  };
  const [city, jiaocheng, fuan, owner] = ['ningde', 'jiaocheng', 'fuan', 'owner1'].map(actorOf);
  if (!city || !jiaocheng || !fuan || !owner) return { inspections: 0, findings: 0 };
  const as = (actor: Actor, day: string, hour = 10): Ctx => ({
    ...ctx,
    actor,
    clock: demoClock(at(day, hour), ctx.clock),
  });
  const start = addCalendarDays(today, -6);
  const lists = await copyInspectionChecklists(as(city, addCalendarDays(today, -8)), '350900');
  const checklistId = (name: string) => lists.data.find((c) => c.name === name)!.id!;

  const sites = (regionCode: string, ownerOrganisationId?: string) =>
    ctx.db
      .select({ id: projects.id, owner: projects.ownerOrganisationId })
      .from(projects)
      .where(
        and(
          eq(projects.regionCode, regionCode),
          inArray(projects.stage, ['started', 'underway']),
          ownerOrganisationId ? eq(projects.ownerOrganisationId, ownerOrganisationId) : undefined,
        ),
      )
      .orderBy(asc(projects.name));
  const ownerSites = await sites('350902', owner.organisationId);
  const jiaochengSites = (await sites('350902')).filter((s) => !ownerSites.some((o) => o.id === s.id));
  const fuanSites = await sites('350981');

  /** Who inspects what on each day: [inspector, project, preset]. */
  const plan: [Actor, string | undefined, keyof typeof presets, string][] = [];
  for (let d = 0; d < 7; d += 1) {
    const day = addCalendarDays(start, d);
    plan.push([
      jiaocheng,
      ownerSites[d % Math.max(1, ownerSites.length)]?.id,
      d === 0 ? 'severe' : (['safety', 'dust', 'wages', 'realName', 'epidemic'] as const)[d % 5]!,
      day,
    ]);
    plan.push([jiaocheng, jiaochengSites[d % Math.max(1, jiaochengSites.length)]?.id, 'realName', day]);
    plan.push([fuan, fuanSites[d % Math.max(1, fuanSites.length)]?.id, d % 2 === 0 ? 'dust' : 'safety', day]);
  }
  let inspections = 0;
  let findings = 0;
  for (const [actor, projectId, presetKey, day] of plan) {
    if (!projectId) continue;
    const preset = presets[presetKey]!;
    // Findings on the owner's projects only go through the whole loop; elsewhere they stay open.
    const found = preset.findings.filter(
      (f) => actor === jiaocheng || f.fate === 'open' || f.fate === 'replied',
    );
    const recorded = await recordInspection(as(actor, day, 9), {
      projectId,
      inspectedOn: day,
      checklistId: checklistId(preset.checklist),
      presetKey: null,
      results: [
        ...lists.data
          .find((c) => c.name === preset.checklist)!
          .items.map((item) => ({
            key: item.key,
            result: found.some((f) => f.key === item.key) ? ('issue' as const) : ('pass' as const),
            note: null,
          })),
      ],
      findings: found.map((f) => ({
        itemKey: f.key,
        description: f.description,
        severity: f.severity,
        deadlineOn: null,
      })),
      note: found.length === 0 ? '现场管理有序，未发现问题' : '已当场指出问题，责令限期整改',
      siteContact: '项目经理 王工',
    });
    inspections += 1;
    findings += recorded.findings.length;
    const isOwners = ownerSites.some((s) => s.id === projectId);
    for (const finding of recorded.findings) {
      const fate = found.find((f) => f.key === finding.itemKey)!.fate;
      if (fate === 'open' || !isOwners || day >= today) continue;
      const next = addCalendarDays(day, 1);
      const replied = await replyInspectionFinding(as(owner, next, 16), null, finding.id, {
        version: finding.version,
        text: '已按要求整改到位，请复查',
        files: [],
      });
      if (fate === 'closed' && next < today)
        await closeInspectionFinding(as(actor, addCalendarDays(next, 1), 11), finding.id, {
          version: replied.version,
          note: '复查合格',
        });
      if (fate === 'returned' && next < today)
        await returnInspectionFinding(as(actor, addCalendarDays(next, 1), 11), finding.id, {
          version: replied.version,
          reason: '消毒记录仍不完整，请补齐近一周记录',
          deadlineOn: null,
        });
    }
  }
  await raiseOverdueFindings({ db: ctx.db, clock: ctx.clock, auditKey: ctx.auditKey, log: () => undefined });
  return { inspections, findings };
}
