/**
 * The write workload of the province benchmark: owners submitting December's reports the way the
 * web app does today (save the draft, then submit, each request with its own idempotency key; every
 * tenth submission sent twice with the same key, as a retry after a dropped answer), then the same
 * change as raw SQL in one transaction (the report, its event and its chained audit event). After
 * each side the benchmark checks that every submission left exactly one report row, one
 * `submitted` event and one `report.submit` audit event (0 lost, 0 doubled), and the county offices
 * return the reports through the API so the next run finds them open again.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { canonicalJson, genesisHash } from '../../src/modules/audit/audit-chain';
import { auditChainCount } from '../../src/modules/audit/record-audit';
import { step } from '../bench-kit';
import { benchPassword } from './load-province';
import type { ProvinceShape } from './province-data';
import { measureWorkload, type Row, Session } from './scale-kit';

interface Target {
  id: string;
  projectId: string;
  regionCode: string;
  regionPath: string;
  completed: string;
  ownerId: string;
  owner: string;
}

export interface SubmitContext {
  base: string;
  pool: pg.Pool;
  shape: ProvinceShape;
  auditKey: Buffer;
  options: { samples: number; seconds: number; clients: number };
}

const maxTargets = 3_000;

export async function submitWorkload(ctx: SubmitContext): Promise<Row> {
  const { base, pool, shape } = ctx;
  const year = shape.year;
  // Open December reports, the owners with the most first, so few owners need a session.
  const targets = (
    await pool.query<Target>(
      `with open as (
         select m.id, m.project_id as "projectId", p.region_code as "regionCode", p.region_path as "regionPath",
           m.completed_wan_yuan::text as completed, u.id as "ownerId", u.username as owner
         from monthly_reports m join projects p on p.id = m.project_id
           join users u on u.organisation_id = p.owner_organisation_id and 'owner' = any(u.roles)
         where m.year = $1 and m.month = 12 and m.status in ('draft', 'returned'))
       select * from open order by count(*) over (partition by owner) desc, owner, id limit $2`,
      [year, maxTargets],
    )
  ).rows;
  step(`submissions: ${targets.length} open December reports; logging in their owners`);
  const owners = new Map<string, Session>();
  for (const owner of new Set(targets.map((t) => t.owner)))
    owners.set(owner, await Session.login(base, owner, benchPassword));
  const offices = new Map<string, Session>();
  const officeOf = async (regionCode: string) => {
    let session = offices.get(regionCode);
    if (!session) {
      session = await Session.login(base, `office${regionCode}`, benchPassword);
      offices.set(regionCode, session);
    }
    return session;
  };

  const versions = async () =>
    new Map(
      (
        await pool.query<{ id: string; version: number }>(
          'select id, version from monthly_reports where id = any($1::uuid[])',
          [targets.map((t) => t.id)],
        )
      ).rows.map((r) => [r.id, r.version]),
    );
  const marks = async () =>
    (
      await pool.query<{ audit: string; event: string }>(
        `select coalesce((select max(id) from audit_events), 0)::text as audit,
           coalesce((select max(id) from monthly_report_events), 0)::text as event`,
      )
    ).rows[0]!;

  // Through the API.
  let current = await versions();
  let before = await marks();
  const submittedByApi = new Set<string>();
  let replays = 0;
  const api = await measureWorkload(
    'submit a report (API: one request, 保存并报送)',
    async (i) => {
      const t = targets[i]!;
      const owner = owners.get(t.owner)!;
      const key = randomUUID();
      const body = {
        completedWanYuan: t.completed,
        progress: `按计划推进（压测 ${i}）`,
        version: current.get(t.id)!,
      };
      const path = `/api/projects/${t.projectId}/reports/${year}/12/submit`;
      await owner.send('POST', path, body, key);
      submittedByApi.add(t.id);
      // Every tenth submission is sent again with the same key: a retry must replay, not write.
      if (i % 10 === 0) {
        await owner.send('POST', path, body, key);
        replays++;
      }
    },
    { ...ctx.options, limit: targets.length },
  );
  const apiCheck = await verify(pool, before, submittedByApi);
  await returnAll(pool, targets, submittedByApi, officeOf);

  // The same change as raw SQL, one transaction per submission.
  current = await versions();
  before = await marks();
  const submittedBySql = new Set<string>();
  const sql = await measureWorkload(
    'submit a report (SQL)',
    async (i) => {
      const t = targets[i]!;
      const client = await pool.connect();
      try {
        await client.query('begin');
        const now = new Date();
        const updated = await client.query(
          `update monthly_reports set completed_wan_yuan = $3, progress = $4, status = 'submitted',
             submitted_at = $5, submitted_by = $6, findings = '[]', version = version + 1, updated_at = $5
           where id = $1 and version = $2 and status in ('draft', 'returned')`,
          [t.id, current.get(t.id), t.completed, `按计划推进（压测 ${i}）`, now, t.ownerId],
        );
        if (updated.rowCount !== 1) throw new Error(`report ${t.id}: stale`);
        await client.query(
          `insert into monthly_report_events (report_id, action, actor_id, actor_name, at) values ($1, 'submitted', $2, $3, $4)`,
          [t.id, t.ownerId, t.owner, now],
        );
        // The product's own chain claim: a free chain's lock and its head, as `recordAudits` does.
        const head = await client.query<{ chain: number; hash: string | null }>(
          'select chain, hash from tuijin_audit_chain_head($1::int)',
          [auditChainCount],
        );
        const chain = head.rows[0]!.chain;
        const prevHash = head.rows[0]!.hash ?? genesisHash;
        const changes = { status: { before: 'returned', after: 'submitted' } };
        const detail = { reportId: t.id, year, month: 12, warnings: [] };
        const hash = createHmac('sha256', ctx.auditKey)
          .update(
            canonicalJson([
              prevHash,
              now.toISOString(),
              t.ownerId,
              t.owner,
              'report.submit',
              'project',
              t.projectId,
              t.regionPath,
              null,
              changes,
              detail,
            ]),
          )
          .digest('hex');
        await client.query(
          `insert into audit_events (at, actor_id, actor_name, action, entity_type, entity_id, region_path, ip, changes, detail, prev_hash, hash, chain)
           values ($1, $2, $3, 'report.submit', 'project', $4, $5, null, $6, $7, $8, $9, $10)`,
          [now, t.ownerId, t.owner, t.projectId, t.regionPath, changes, detail, prevHash, hash, chain],
        );
        await client.query('commit');
        submittedBySql.add(t.id);
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    { ...ctx.options, limit: targets.length },
  );
  const sqlCheck = await verify(pool, before, submittedBySql);
  await returnAll(pool, targets, submittedBySql, officeOf);

  // A unit is one submission: the API figures count its request (and any replay) as one.
  return {
    label: 'submit a monthly report (one request: save and submit, idempotency key; 32 clients)',
    api,
    sql,
    note:
      `API ${submittedByApi.size} submissions (${replays} replayed with the same key): ${apiCheck}; ` +
      `SQL ${submittedBySql.size} submissions: ${sqlCheck}. Throughput is submissions/s (one request each, a tenth sent twice).`,
  };
}

/** Exactly one report row, one `submitted` event and one `report.submit` event per submission. */
async function verify(
  pool: pg.Pool,
  before: { audit: string; event: string },
  ids: Set<string>,
): Promise<string> {
  const list = [...ids];
  const audits = await pool.query<{ id: string; n: number }>(
    `select detail->>'reportId' as id, count(*)::int as n from audit_events
     where id > $1 and action = 'report.submit' group by 1`,
    [before.audit],
  );
  const events = await pool.query<{ id: string; n: number }>(
    `select report_id as id, count(*)::int as n from monthly_report_events
     where id > $1 and action = 'submitted' group by 1`,
    [before.event],
  );
  const reports = await pool.query<{ id: string; n: number; status: string }>(
    `select m.id, m.status, (select count(*)::int from monthly_reports o
       where o.project_id = m.project_id and o.year = m.year and o.month = m.month) as n
     from monthly_reports m where m.id = any($1::uuid[])`,
    [list],
  );
  const auditCount = new Map(audits.rows.map((r) => [r.id, r.n]));
  const eventCount = new Map(events.rows.map((r) => [r.id, r.n]));
  const rowOf = new Map(reports.rows.map((r) => [r.id, r]));
  let lost = 0;
  let doubled = 0;
  for (const id of list) {
    const row = rowOf.get(id);
    const a = auditCount.get(id) ?? 0;
    const e = eventCount.get(id) ?? 0;
    if (row?.status !== 'submitted' || a === 0 || e === 0) lost++;
    if ((row?.n ?? 0) > 1 || a > 1 || e > 1) doubled++;
  }
  const stray = audits.rows.filter((r) => !ids.has(r.id)).length;
  return `${lost} lost, ${doubled} doubled, ${stray} written by failed requests`;
}

/** The county offices return the submitted reports through the API (not timed). */
async function returnAll(
  pool: pg.Pool,
  targets: Target[],
  ids: Set<string>,
  officeOf: (regionCode: string) => Promise<Session>,
) {
  step(`returning ${ids.size} reports`);
  const versions = new Map(
    (
      await pool.query<{ id: string; version: number }>(
        'select id, version from monthly_reports where id = any($1::uuid[])',
        [[...ids]],
      )
    ).rows.map((r) => [r.id, r.version]),
  );
  const queue = targets.filter((t) => ids.has(t.id));
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < queue.length) {
        const t = queue[next++]!;
        const office = await officeOf(t.regionCode);
        await office
          .send(
            'POST',
            `/api/monthly-reports/${t.id}/return`,
            { reason: '压测复原：请重新报送', version: versions.get(t.id)! },
            randomUUID(),
          )
          .catch(() => failed++);
      }
    }),
  );
  if (failed > 0) console.log(`(${failed} reports could not be returned; the next run submits fewer)`);
}
