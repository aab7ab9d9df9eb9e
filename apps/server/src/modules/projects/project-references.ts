import type { CreateProject } from '@tuijin/contracts';
import { type Actor, AppError, type ErrorDetail, pathInSubtree, projectCodeProblems } from '@tuijin/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { dictionaryEntries, organisations, regions, users } from '../../db/schema';
import { loadRegion } from '../regions';

type ProjectFields = Omit<CreateProject, 'stage'>;

const related = (a: string, b: string) => pathInSubtree(a, b) || pathInSubtree(b, a);

/**
 * Remembers lookups by key for the length of one unit of work (a ledger import checks thousands of
 * projects naming the same region, owners and people). The default looks everything up afresh.
 */
export type LookupMemo = <T>(key: string, load: () => Promise<T>) => Promise<T>;
const noMemo: LookupMemo = (_key, load) => load();

/**
 * A memo over one transaction's lookups; only for lookups nothing in that transaction changes.
 * `load` may answer a drizzle query builder: that is a lazy thenable which runs its query again on
 * every `await`, so the memo settles it once into a real promise and keeps that.
 */
export function createLookupMemo(): LookupMemo {
  const seen = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>) => {
    let found = seen.get(key) as Promise<T> | undefined;
    if (!found) {
      found = Promise.resolve().then(load);
      seen.set(key, found);
    }
    return found;
  };
}

/**
 * Checks everything a project's fields point at, collecting every problem with its field: the code's
 * shape and region, the region (in the actor's jurisdiction), the owner unit, the leader, service
 * officer and department (right role or kind, in the same line of the region tree), years and
 * dictionary values. Answers the project's region.
 */
export async function checkProjectReferences(
  db: Queryable,
  actor: Actor,
  input: ProjectFields,
  currentYear: number,
  memo: LookupMemo = noMemo,
) {
  const problems: ErrorDetail[] = [];
  const region = await memo(`region:${input.regionCode}`, () => loadRegion(db, input.regionCode));
  if (!region || !pathInSubtree(region.path, actor.regionPath)) {
    problems.push({ path: 'regionCode', message: '所在区划不存在或不在本辖区' });
  }
  if (input.code) {
    const part = input.code.split('-')[1] ?? '';
    const [known] = part
      ? await memo(`region-code:${part}`, () =>
          db.select({ code: regions.code }).from(regions).where(eq(regions.code, part)),
        )
      : [];
    for (const message of projectCodeProblems(input.code, () => Boolean(known), currentYear))
      problems.push({ path: 'code', message });
  }
  const [ownerUnit] = await memo(`organisation:${input.ownerOrganisationId}`, () =>
    db.select().from(organisations).where(eq(organisations.id, input.ownerOrganisationId)),
  );
  if (
    ownerUnit?.kind !== 'owner' ||
    !ownerUnit.isActive ||
    (region &&
      !related(ownerUnit.regionPath, region.path) &&
      !pathInSubtree(ownerUnit.regionPath, actor.regionPath))
  ) {
    problems.push({ path: 'ownerOrganisationId', message: '项目业主须为本辖区内已登记的业主单位' });
  }
  const people = [
    { field: 'leaderUserId', id: input.leaderUserId, role: 'leader', label: '挂钩领导' },
    {
      field: 'serviceOfficerUserId',
      id: input.serviceOfficerUserId,
      role: 'service_officer',
      label: '首席服务官',
    },
  ] as const;
  for (const person of people) {
    if (!person.id) continue;
    const personId = person.id;
    const [row] = await memo(`user:${personId}`, () =>
      db
        .select({ roles: users.roles, isActive: users.isActive, regionPath: organisations.regionPath })
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(eq(users.id, personId)),
    );
    if (
      !row?.isActive ||
      !row.roles.includes(person.role) ||
      (region && !related(row.regionPath, region.path))
    ) {
      problems.push({
        path: person.field,
        message: `${person.label}须为项目所在地或上级的${person.label}账号`,
      });
    }
  }
  if (input.responsibleDepartmentId) {
    const departmentId = input.responsibleDepartmentId;
    const [dept] = await memo(`organisation:${departmentId}`, () =>
      db.select().from(organisations).where(eq(organisations.id, departmentId)),
    );
    if (dept?.kind !== 'department' || (region && !related(dept.regionPath, region.path))) {
      problems.push({
        path: 'responsibleDepartmentId',
        message: '责任部门须为项目所在地或上级的行业主管部门',
      });
    }
  }
  if (
    input.startYear > input.endYear ||
    (input.startYear === input.endYear && (input.startMonth ?? 1) > (input.endMonth ?? 12))
  ) {
    problems.push({ path: 'endYear', message: '计划竣工时间不能早于计划开工时间' });
  }
  const wanted = [
    ...[input.domain].map((name) => ({ kind: 'domain' as const, name, path: 'domain' })),
    ...(input.industry ? [{ kind: 'industry' as const, name: input.industry, path: 'industry' }] : []),
    ...input.tags.map((name) => ({ kind: 'tag' as const, name, path: 'tags' })),
    ...(input.projectClass
      ? [{ kind: 'projectClass' as const, name: input.projectClass, path: 'projectClass' }]
      : []),
    ...input.fundingSources.map((name) => ({ kind: 'fundingSource' as const, name, path: 'fundingSources' })),
  ];
  const names = [...new Set(wanted.map((w) => w.name))];
  const known = names.length
    ? await memo(`dictionary:${JSON.stringify([...names].sort())}`, () =>
        db
          .select({ kind: dictionaryEntries.kind, name: dictionaryEntries.name })
          .from(dictionaryEntries)
          .where(and(inArray(dictionaryEntries.name, names), eq(dictionaryEntries.isActive, true))),
      )
    : [];
  for (const w of wanted) {
    if (!known.some((k) => k.kind === w.kind && k.name === w.name))
      problems.push({ path: w.path, message: `“${w.name}”不在字典中` });
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]?.message, problems);
  return region!;
}
