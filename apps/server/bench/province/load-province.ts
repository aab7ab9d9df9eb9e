/**
 * Writes a generated province (`province-data.ts`) into a migrated, empty database the way the
 * product would have: regions and offices through their use cases, projects through the ledger
 * import's `writeProjects` (rows, stage changes, `project.create` events), annual plans through
 * `writeDraftPlans`; owner units, accounts, a year of monthly reports with their review events
 * and problems with their timelines as multi-row INSERTs in big batches, each with the audit
 * events its use case records (`report.save`, `report.submit`, `report.approve`/`report.return`,
 * `problem.raise`…), chained with the product's hash. Triggers on the tables fire as they would.
 */
import { randomUUID } from 'node:crypto';
import type { CreateProject } from '@tuijin/contracts';
import { systemActor } from '@tuijin/domain';
import type pg from 'pg';
import type { Clock, Ctx } from '../../src/context';
import type { DatabaseHandle } from '../../src/db/database';
import { regions } from '../../src/db/schema';
import { hashPassword } from '../../src/modules/auth';
import { createOrganisation } from '../../src/modules/organisations';
import { writeDraftPlans } from '../../src/modules/plans';
import { type PreparedProject, writeProjects } from '../../src/modules/projects';
import { createRegion } from '../../src/modules/regions';
import { step } from '../bench-kit';
import { type AuditRow, appendAudits, insertRows } from './bulk-sql';
import { at, audit, loadProblems, loadReports } from './load-province-records';
import type { ProvinceShape } from './province-data';

export const benchPassword = 'Scale#Bench2026';

/** Who the loader made: ids and names of every office, owner unit and account, for the benchmark. */
export interface LoadedPeople {
  regionPaths: Map<string, string>;
  officeIds: Map<string, string>;
  officeUsers: Map<string, { id: string; username: string; displayName: string }>;
  ownerIds: string[];
  ownerUsers: { id: string; username: string; displayName: string }[];
}

/** The clock of a load: every use case sees the data set's as-of day. */
export const asOfClock = (asOf: string): Clock => ({ now: () => at(asOf) });

/** Loads `shape` and answers the seconds each part took. */
export async function loadProvince(
  handle: DatabaseHandle,
  client: pg.ClientBase,
  shape: ProvinceShape,
  auditKey: Buffer,
): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    step(`loading ${name}`);
    const start = performance.now();
    const result = await fn();
    seconds[name] = Number(((performance.now() - start) / 1000).toFixed(1));
    return result;
  };
  const ctx: Ctx = { db: handle.db, actor: systemActor, clock: asOfClock(shape.asOf), ip: null, auditKey };
  const people = await timed('regions, offices and accounts', () => loadPeople(ctx, client, shape));
  const projectIds = await timed('projects', () => loadProjects(ctx, shape, people));
  await timed('annual plans', () => loadPlans(ctx, shape, projectIds));
  // The audit log's secondary indexes are built once after the bulk of its rows, not row by row.
  const deferred = await timed('dropping audit_events secondary indexes', () =>
    dropSecondaryIndexes(client, 'audit_events'),
  );
  await timed('monthly reports', () => loadReports(client, auditKey, shape, people, projectIds));
  await timed('problems', () => loadProblems(client, auditKey, shape, people, projectIds));
  await timed('rebuilding audit_events indexes', async () => {
    for (const definition of deferred) await client.query(definition);
  });
  await timed('analyze', () => client.query('analyze'));
  return seconds;
}

async function loadPeople(ctx: Ctx, client: pg.ClientBase, shape: ProvinceShape): Promise<LoadedPeople> {
  const officeIds = new Map<string, string>();
  for (const region of shape.regions) {
    await createRegion(ctx, region);
    const office = await createOrganisation(ctx, {
      name: `${region.name}重点项目推进办公室`,
      kind: 'office',
      regionCode: region.code,
      sector: null,
      contactPerson: null,
      contactPhone: null,
    });
    officeIds.set(region.code, office.id);
  }
  const regionPaths = new Map(
    (await ctx.db.select({ code: regions.code, path: regions.path }).from(regions)).map((r) => [
      r.code,
      r.path,
    ]),
  );
  const now = ctx.clock.now();
  const orgAudits: AuditRow[] = [];
  const ownerIds = shape.owners.map((owner) => {
    const id = randomUUID();
    orgAudits.push(
      audit(systemActor, now, 'organisation.create', 'organisation', id, regionPaths.get(owner.countyCode)!, {
        name: { before: null, after: owner.name },
        kind: { before: null, after: 'owner' },
        regionCode: { before: null, after: owner.countyCode },
      }),
    );
    return id;
  });
  await insertRows(
    client,
    'organisations',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['kind', 'text'],
      ['region_code', 'text'],
      ['region_path', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    shape.owners.map((owner, i) => [
      ownerIds[i],
      owner.name,
      'owner',
      owner.countyCode,
      regionPaths.get(owner.countyCode),
      now,
      now,
    ]),
  );
  // One slow hash for every generated account: they share the benchmark's password.
  const passwordHash = await hashPassword(benchPassword);
  const accounts: {
    id: string;
    username: string;
    displayName: string;
    organisationId: string;
    role: string;
    path: string;
  }[] = [];
  const officeUsers = new Map<string, { id: string; username: string; displayName: string }>();
  for (const region of shape.regions) {
    const account = {
      id: randomUUID(),
      username: `office${region.code}`,
      displayName: `${region.name}推进办`,
      organisationId: officeIds.get(region.code)!,
      role: 'office_staff',
      path: regionPaths.get(region.code)!,
    };
    accounts.push(account);
    officeUsers.set(region.code, account);
  }
  const ownerUsers = shape.owners.map((owner, i) => {
    const account = {
      id: randomUUID(),
      username: owner.username,
      displayName: `${owner.name.slice(0, 4)}填报员${owner.index}`,
      organisationId: ownerIds[i]!,
      role: 'owner',
      path: regionPaths.get(owner.countyCode)!,
    };
    accounts.push(account);
    return account;
  });
  await insertRows(
    client,
    'users',
    [
      ['id', 'uuid'],
      ['username', 'text'],
      ['display_name', 'text'],
      ['organisation_id', 'uuid'],
      ['roles', 'text[]'],
      ['password_hash', 'text'],
      ['must_change_password', 'boolean'],
    ],
    // `roles` goes in as an array literal (`{owner}`).
    accounts.map((a) => [
      a.id,
      a.username,
      a.displayName,
      a.organisationId,
      `{${a.role}}`,
      passwordHash,
      false,
    ]),
  );
  const userAudits = accounts.map((a) =>
    audit(systemActor, now, 'user.create', 'user', a.id, a.path, {
      username: { before: null, after: a.username },
      displayName: { before: null, after: a.displayName },
      organisationId: { before: null, after: a.organisationId },
      roles: { before: null, after: [a.role] },
    }),
  );
  await appendAudits(client, ctx.auditKey, [...orgAudits, ...userAudits]);
  return { regionPaths, officeIds, officeUsers, ownerIds, ownerUsers };
}

async function loadProjects(ctx: Ctx, shape: ProvinceShape, people: LoadedPeople): Promise<string[]> {
  const ids: string[] = [];
  // writeProjects sends one multi-row insert: 1,000 rows × 34 columns stays below the 65,535 parameters.
  const chunk = 1_000;
  for (let start = 0; start < shape.projects.length; start += chunk) {
    const prepared: PreparedProject[] = shape.projects.slice(start, start + chunk).map((p) => {
      const fields: Omit<CreateProject, 'stage'> = {
        code: null,
        name: p.name,
        ownerOrganisationId: people.ownerIds[p.ownerIndex]!,
        regionCode: p.countyCode,
        address: null,
        longitude: null,
        latitude: null,
        levels: p.levels,
        domain: p.domain,
        industry: null,
        sector: null,
        scaleContent: null,
        totalInvestmentWanYuan: p.totalInvestmentWanYuan,
        startYear: p.startYear,
        startMonth: null,
        endYear: p.endYear,
        endMonth: null,
        constructionType: p.constructionType,
        fundingSources: [],
        tags: [],
        projectClass: null,
        leaderUserId: null,
        responsibleDepartmentId: null,
        serviceOfficerUserId: null,
        workingTeam: null,
        contactPerson: null,
        contactPhone: null,
      };
      return { fields, stage: p.stage, regionPath: people.regionPaths.get(p.countyCode)! };
    });
    ids.push(...(await ctx.db.transaction((tx) => writeProjects(tx, ctx, prepared))));
  }
  return ids;
}

async function loadPlans(ctx: Ctx, shape: ProvinceShape, projectIds: string[]) {
  const chunk = 5_000;
  for (let start = 0; start < shape.projects.length; start += chunk) {
    const items = shape.projects.slice(start, start + chunk).map((p) => ({
      projectId: projectIds[p.index]!,
      year: shape.year,
      plannedInvestmentWanYuan: p.plannedInvestmentWanYuan,
    }));
    await ctx.db.transaction((tx) => writeDraftPlans(tx, ctx, items, 'bench.province'));
  }
}

/**
 * Drops a table's indexes other than its primary key and answers their definitions, exactly as
 * the migrations made them, to run again once the rows are in.
 */
async function dropSecondaryIndexes(client: pg.ClientBase, table: string): Promise<string[]> {
  const found = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = current_schema() and i.tablename = $1
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [table],
  );
  for (const { name } of found.rows) await client.query(`drop index ${client.escapeIdentifier(name)}`);
  return found.rows.map((r) => r.definition);
}
