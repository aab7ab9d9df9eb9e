import {
  type Actor,
  matchDomainName,
  pathInSubtree,
  regionFromSheetName,
  regionsNamedBy,
} from '@tuijin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { dictionaryEntries, organisations, projects, regions, users } from '../../db/schema';
import { type AuditInput, recordAudits } from '../audit';
import { insertImportedDictionaryEntry } from '../dictionaries';
import { insertOwnerUnit } from '../organisations';

type Region = { code: string; name: string; path: string; level: 'province' | 'city' | 'county' | 'zone' };

const related = (a: string, b: string) => pathInSubtree(a, b) || pathInSubtree(b, a);

/**
 * Turns the names a ledger row carries (region by sheet, owner unit, responsible department, linked
 * leader, category) into the ids and dictionary names a project needs, inside the import's
 * transaction. Lookups are cached per name; owner units and domain entries that do not exist are
 * created (each audited) so a re-import finds them.
 */
export class LedgerReferences {
  private allRegions: Region[] = [];
  private leaders: { id: string; displayName: string; regionPath: string }[] = [];
  private departments: { id: string; name: string; regionPath: string }[] = [];
  private domains: string[] = [];
  private readonly owners = new Map<string, string | null>();
  /** Active owner units by name, for the names loaded so far (and those this import registers). */
  private readonly ownersByName = new Map<string, { id: string; regionPath: string }[]>();
  /** Audit events of registered owner units, written in one go by {@link writeAudits}. */
  private readonly pendingAudits: AuditInput[] = [];
  private readonly sheetRegions = new Map<string, Region | null>();
  readonly ownersCreated: { name: string; regionCode: string }[] = [];
  readonly domainsCreated: string[] = [];

  private constructor(
    private readonly tx: Queryable,
    private readonly ctx: Ctx,
  ) {}

  static async load(tx: Queryable, ctx: Ctx) {
    const refs = new LedgerReferences(tx, ctx);
    refs.allRegions = await tx
      .select({ code: regions.code, name: regions.name, path: regions.path, level: regions.level })
      .from(regions);
    refs.leaders = await tx
      .select({ id: users.id, displayName: users.displayName, regionPath: organisations.regionPath })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(users.isActive, true), sql`'leader' = any(${users.roles})`));
    refs.departments = await tx
      .select({ id: organisations.id, name: organisations.name, regionPath: organisations.regionPath })
      .from(organisations)
      .where(and(eq(organisations.kind, 'department'), eq(organisations.isActive, true)));
    refs.domains = (
      await tx
        .select({ name: dictionaryEntries.name })
        .from(dictionaryEntries)
        .where(eq(dictionaryEntries.kind, 'domain'))
    ).map((r) => r.name);
    return refs;
  }

  region(code: string): Region | undefined {
    return this.allRegions.find((r) => r.code === code);
  }

  /** The region a sheet stands for by its name (several counties' sheets in one workbook), else null. */
  sheetRegion(sheet: string): Region | null {
    if (!this.sheetRegions.has(sheet))
      this.sheetRegions.set(sheet, regionFromSheetName(sheet, this.allRegions));
    return this.sheetRegions.get(sheet) ?? null;
  }

  /**
   * The regions a 建设地点 cell names when it is only a region name (`蕉城区`, `宁德市蕉城区`), those in
   * the actor's jurisdiction first; empty when it is an address.
   */
  regionsNamed(location: string | null, actor: Actor): Region[] {
    return regionsNamedBy(location, this.allRegions).sort(
      (a, b) =>
        Number(pathInSubtree(b.path, actor.regionPath)) - Number(pathInSubtree(a.path, actor.regionPath)),
    );
  }

  /** The linked leader account with exactly this display name in the region's line, else null. */
  leader(name: string, region: Region): string | null {
    const found = this.leaders.filter((l) => l.displayName === name && related(l.regionPath, region.path));
    return found.length === 1 ? found[0]!.id : null;
  }

  /** The department with exactly this name in the region's line (the nearest if several), else null. */
  department(name: string, region: Region): string | null {
    const found = this.departments
      .filter((d) => d.name === name && related(d.regionPath, region.path))
      .sort((a, b) => b.regionPath.length - a.regionPath.length);
    return found[0]?.id ?? null;
  }

  /**
   * Loads the active owner units bearing any of these names in one query per thousand names, so
   * {@link existingOwner} answers from memory (a ledger names a few hundred owners over many rows).
   */
  async loadOwners(names: Iterable<string>): Promise<void> {
    const wanted = [...new Set(names)].filter((name) => !this.ownersByName.has(name));
    for (const name of wanted) this.ownersByName.set(name, []);
    for (let i = 0; i < wanted.length; i += 1000) {
      const rows = await this.tx
        .select({ id: organisations.id, name: organisations.name, regionPath: organisations.regionPath })
        .from(organisations)
        .where(
          and(
            inArray(organisations.name, wanted.slice(i, i + 1000)),
            eq(organisations.kind, 'owner'),
            eq(organisations.isActive, true),
          ),
        );
      for (const row of rows) this.ownersByName.get(row.name)!.push(row);
    }
  }

  /** An existing owner unit of this name for a project in `region`: same region first, then its line. */
  async existingOwner(name: string, region: Region, actor: Actor): Promise<string | null> {
    const key = `${region.code}\u0000${name}`;
    if (this.owners.has(key)) return this.owners.get(key) ?? null;
    await this.loadOwners([name]);
    const rows = this.ownersByName.get(name)!;
    const usable = rows
      .filter((o) => related(o.regionPath, region.path) || pathInSubtree(o.regionPath, actor.regionPath))
      .sort((a, b) => Number(b.regionPath === region.path) - Number(a.regionPath === region.path));
    const id = usable[0]?.id ?? null;
    this.owners.set(key, id);
    return id;
  }

  /**
   * Registers an owner unit the ledger names but the library lacks, in the project's region. Its
   * `organisation.create` audit event waits for {@link writeAudits}, which the import calls before
   * writing any project that points at it.
   */
  async createOwner(name: string, region: Region): Promise<string> {
    const { id, audit } = await insertOwnerUnit(this.tx, this.ctx.clock.now(), name, region, 'ledger.import');
    this.pendingAudits.push(audit);
    this.owners.set(`${region.code}\u0000${name}`, id);
    if (!this.ownersByName.has(name)) this.ownersByName.set(name, []);
    this.ownersByName.get(name)!.push({ id, regionPath: region.path });
    this.ownersCreated.push({ name, regionCode: region.code });
    return id;
  }

  /** Writes the audit events of the owner units registered since the last call, in order. */
  async writeAudits(): Promise<void> {
    await recordAudits(this.tx, this.ctx, this.pendingAudits.splice(0));
  }

  /** The domain dictionary name for a category; a category nothing matches is added (audited). */
  async domain(category: string | null): Promise<string> {
    const match = matchDomainName(category, this.domains);
    if (!match.isNew) return match.name;
    await insertImportedDictionaryEntry(
      this.tx,
      this.ctx,
      { kind: 'domain', name: match.name, sortOrder: (this.domains.length + 1) * 10 },
      'ledger.import',
    );
    this.domains.push(match.name);
    this.domainsCreated.push(match.name);
    return match.name;
  }
}

type ProjectRow = typeof projects.$inferSelect;

/**
 * Every project of the library (any region) by project code and by owner unit + name, loaded once
 * per import so matching a row costs no query; kept current as the import writes.
 */
export class ProjectIndex {
  private readonly byCode = new Map<string, ProjectRow>();
  private readonly byOwnerName = new Map<string, ProjectRow>();

  static async load(tx: Queryable) {
    const index = new ProjectIndex();
    for (const row of await tx.select().from(projects)) index.put(row);
    return index;
  }

  /** Adds or refreshes projects just written (by id). */
  async refresh(tx: Queryable, ids: readonly string[], previous: readonly ProjectRow[] = []) {
    for (const row of previous) this.forget(row);
    for (let i = 0; i < ids.length; i += 1000) {
      for (const row of await tx
        .select()
        .from(projects)
        .where(inArray(projects.id, ids.slice(i, i + 1000))))
        this.put(row);
    }
  }

  /** The project a row is: by project code when the row has one and a project carries it; else by name + owner. */
  match(code: string | null, name: string, ownerId: string | null): ProjectRow | null {
    const byCode = code ? this.byCode.get(code) : undefined;
    if (byCode) return byCode;
    return ownerId ? (this.byOwnerName.get(`${ownerId}\u0000${name}`) ?? null) : null;
  }

  /**
   * The one project of this name in a jurisdiction, for a sheet without owner or code columns (a
   * progress sheet); null when none or several bear it.
   */
  matchName(name: string, regionPath: string): ProjectRow | null {
    const found = [...this.byOwnerName.values()].filter(
      (row) => row.name === name && pathInSubtree(row.regionPath, regionPath),
    );
    return found.length === 1 ? found[0]! : null;
  }

  private put(row: ProjectRow) {
    if (row.code) this.byCode.set(row.code, row);
    this.byOwnerName.set(`${row.ownerOrganisationId}\u0000${row.name}`, row);
  }

  private forget(row: ProjectRow) {
    if (row.code && this.byCode.get(row.code)?.id === row.id) this.byCode.delete(row.code);
    const key = `${row.ownerOrganisationId}\u0000${row.name}`;
    if (this.byOwnerName.get(key)?.id === row.id) this.byOwnerName.delete(key);
  }
}
