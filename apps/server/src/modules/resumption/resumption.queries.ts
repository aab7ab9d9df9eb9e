import type { Stoppage, WhitelistEntry } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  can,
  type WhitelistCriterion,
  type WhitelistGuarantee,
  type WhitelistLevel,
} from '@tuijin/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { projectStoppages, projects, regions, resumptionSettings, whitelistEntries } from '../../db/schema';
import { isOfficeOver, projectScope } from '../../lib/project-scope';

export type StoppageRow = typeof projectStoppages.$inferSelect;
export type WhitelistRow = typeof whitelistEntries.$inferSelect;

/** The project facts the stoppage and whitelist use cases read. */
export interface ResumptionProjectRef {
  id: string;
  name: string;
  regionCode: string;
  regionPath: string;
  ownerOrganisationId: string;
  actualStartOn: string | null;
  actualCompletionOn: string | null;
}

const projectColumns = {
  id: projects.id,
  name: projects.name,
  regionCode: projects.regionCode,
  regionPath: projects.regionPath,
  ownerOrganisationId: projects.ownerOrganisationId,
  actualStartOn: projects.actualStartOn,
  actualCompletionOn: projects.actualCompletionOn,
};

/** The project if the actor may see it (the one project-scope rule), else NOT_FOUND. */
export async function loadResumptionProject(
  db: Queryable,
  actor: Actor,
  projectId: string,
): Promise<ResumptionProjectRef> {
  const [project] = await db
    .select(projectColumns)
    .from(projects)
    .where(and(eq(projects.id, projectId), projectScope(actor)));
  if (!project) throw new AppError('NOT_FOUND', '项目不存在');
  return project;
}

/** Records stoppages and resumptions: anyone with resumption.manage who sees the project (owner, officer, office). */
export const mayRecordStoppage = (actor: Actor) => can(actor, 'resumption.manage');

/** Accepts (验收) and files (备案) stoppages: an office over the project's region. */
export const mayAcceptStoppage = (actor: Actor, project: Pick<ResumptionProjectRef, 'regionPath'>) =>
  can(actor, 'resumption.manage') && isOfficeOver(actor, project.regionPath);

/** Includes in and removes from whitelists: an office over the project's region with whitelist.manage. */
export const mayManageWhitelist = (actor: Actor, project: Pick<ResumptionProjectRef, 'regionPath'>) =>
  can(actor, 'whitelist.manage') && isOfficeOver(actor, project.regionPath);

/** The codes along a region path, root first (`350000.350900.350902` → three codes). */
export const pathCodes = (path: string) => (path === '' ? [] : path.split('.'));

/**
 * Whether resuming a project in `regionPath` waits for an inspection group's acceptance: any
 * jurisdiction along its path requiring it makes it required; the group named is the nearest one's.
 */
export async function acceptanceRuleFor(db: Queryable, regionPath: string) {
  const codes = pathCodes(regionPath);
  if (codes.length === 0) return { required: false, inspectionGroup: null };
  const rows = await db
    .select()
    .from(resumptionSettings)
    .where(inArray(resumptionSettings.regionCode, codes));
  const requiring = rows
    .filter((r) => r.acceptanceRequired)
    .sort((a, b) => codes.indexOf(b.regionCode) - codes.indexOf(a.regionCode));
  return { required: requiring.length > 0, inspectionGroup: requiring[0]?.inspectionGroup ?? null };
}

/** Stoppage row → wire shape, with what the actor may do next. */
export function presentStoppage(actor: Actor, project: ResumptionProjectRef, row: StoppageRow): Stoppage {
  return {
    id: row.id,
    projectId: row.projectId,
    stoppedOn: row.stoppedOn,
    reasonCategory: row.reasonCategory,
    reason: row.reason,
    expectedResumeOn: row.expectedResumeOn,
    resumedOn: row.resumedOn,
    inspectionRequired: row.inspectionRequired,
    inspectionGroup: row.inspectionGroup,
    acceptedOn: row.acceptedOn,
    filedOn: row.filedOn,
    status: row.status,
    recordedByName: row.recordedByName,
    version: row.version,
    canResume: row.status === 'stopped' && mayRecordStoppage(actor),
    canAccept: row.status === 'awaitingAcceptance' && mayAcceptStoppage(actor, project),
    canFile: row.filedOn === null && mayAcceptStoppage(actor, project),
  };
}

/** One stoppage the actor may see (its project's scope decides), else NOT_FOUND. */
export async function loadStoppage(db: Queryable, actor: Actor, stoppageId: string) {
  const [row] = await db
    .select({ stoppage: projectStoppages })
    .from(projectStoppages)
    .innerJoin(projects, eq(projects.id, projectStoppages.projectId))
    .where(and(eq(projectStoppages.id, stoppageId), projectScope(actor)));
  if (!row) throw new AppError('NOT_FOUND', '停工记录不存在或无权查看');
  const project = await loadResumptionProject(db, actor, row.stoppage.projectId);
  return { project, stoppage: row.stoppage };
}

/** A project's stoppages, oldest first. */
export const stoppagesOf = (db: Queryable, projectId: string) =>
  db
    .select()
    .from(projectStoppages)
    .where(eq(projectStoppages.projectId, projectId))
    .orderBy(asc(projectStoppages.stoppedOn), asc(projectStoppages.recordedAt));

/** The columns a whitelist entry is presented with (the project's and the list's region names). */
export const whitelistColumns = {
  entry: whitelistEntries,
  projectName: projects.name,
  projectRegionPath: projects.regionPath,
  projectRegionCode: projects.regionCode,
};

/** Whitelist row → wire shape, with whether the actor may remove it. */
export function presentWhitelistEntry(
  actor: Actor,
  row: { entry: WhitelistRow; projectName: string; projectRegionPath: string; projectRegionCode: string },
  regionNames: ReadonlyMap<string, string>,
): WhitelistEntry {
  const e = row.entry;
  return {
    id: e.id,
    projectId: e.projectId,
    projectName: row.projectName,
    projectRegionName: regionNames.get(row.projectRegionCode) ?? row.projectRegionCode,
    level: e.level as WhitelistLevel,
    regionCode: e.regionCode,
    regionName: regionNames.get(e.regionCode) ?? e.regionCode,
    includedOn: e.includedOn,
    criteria: e.criteria as WhitelistCriterion[],
    reason: e.reason,
    guarantees: e.guarantees as WhitelistGuarantee[],
    removedOn: e.removedOn,
    removalReason: e.removalReason,
    createdByName: e.createdByName,
    version: e.version,
    canRemove: e.removedOn === null && mayManageWhitelist(actor, { regionPath: row.projectRegionPath }),
  };
}

/** Code → name of every region (a few hundred at most in a province). */
export async function regionNameMap(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.select({ code: regions.code, name: regions.name }).from(regions);
  return new Map(rows.map((r) => [r.code, r.name]));
}
