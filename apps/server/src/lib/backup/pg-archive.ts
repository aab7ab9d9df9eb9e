import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ChainedRow } from '../../modules/audit';
import { BackupRefusedError } from './backup-manifest';

/**
 * The PostgreSQL side of a backup, through the server's own client programs: `pg_dump -Fc` takes
 * one consistent snapshot (a repeatable-read transaction) of every schema, table, sequence, trigger
 * and function — `stored_file_chunks` included, so the files travel in the dump — and
 * `pg_restore` loads it. Their major version must be the server's (checked before each run).
 */

/** Runs a client program to completion; stderr becomes the error's message. */
function run(
  program: string,
  args: string[],
  options: { onLine?: (line: string) => void } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      env: { ...process.env, PGTZ: 'UTC', PGCLIENTENCODING: 'UTF8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      err += s;
    });
    let lines: Promise<void> = Promise.resolve();
    if (options.onLine) {
      const reader = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
      const onLine = options.onLine;
      lines = (async () => {
        for await (const line of reader) onLine(line);
      })();
    } else {
      child.stdout.setEncoding('utf8').on('data', (s: string) => {
        out += s;
      });
    }
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupRefusedError(
              `找不到 PostgreSQL 客户端程序 ${program}：请安装与服务器同一主版本的 postgresql-client（Debian：apt-get install postgresql-client-15）`,
            )
          : error,
      ),
    );
    child.on('close', (code) => {
      lines.then(
        () =>
          code === 0
            ? resolve(out)
            : reject(
                new Error(`${program} 失败（退出码 ${code}）：${err.trim().split('\n').slice(-3).join(' ')}`),
              ),
        reject,
      );
    });
  });
}

/** Refuses when the client program's major version is not the server's (`server_version_num`). */
export async function checkClientVersion(program: 'pg_dump' | 'pg_restore', serverVersionNum: number) {
  const text = await run(program, ['--version']);
  const major = Number(/(\d+)(?:\.\d+)?/.exec(text)?.[1]);
  const serverMajor = Math.floor(serverVersionNum / 10_000);
  if (major !== serverMajor)
    throw new BackupRefusedError(
      `${program} 的主版本为 ${major}，数据库服务器为 ${serverMajor}：请使用与服务器同一主版本的客户端程序（PATH 中靠前的 ${program}）`,
    );
}

/** `pg_dump -Fc` of the whole database at `databaseUrl` into `path`, without owners or grants. */
export async function dumpDatabase(databaseUrl: string, path: string): Promise<void> {
  await run('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${path}`,
    `--dbname=${databaseUrl}`,
  ]);
}

/** `pg_restore` of `path` into the (empty) database at `databaseUrl`, in one transaction, stopping at the first error. */
export async function restoreDatabase(databaseUrl: string, path: string): Promise<void> {
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${databaseUrl}`,
    path,
  ]);
}

const simpleEscapes: Record<string, number> = { b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** Decodes one field of COPY's text format (`\N` is null; backslash escapes as PostgreSQL writes them). */
export function decodeCopyField(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  const parts: Buffer[] = [];
  let literalFrom = 0;
  let i = field.indexOf('\\');
  while (i !== -1) {
    parts.push(Buffer.from(field.slice(literalFrom, i), 'utf8'));
    const next = field[i + 1] ?? '';
    const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(field.slice(i + 2)) : null;
    const oct = /^[0-7]{1,3}/.exec(field.slice(i + 1));
    if (next in simpleEscapes) {
      parts.push(Buffer.of(simpleEscapes[next]!));
      literalFrom = i + 2;
    } else if (hex) {
      parts.push(Buffer.of(Number.parseInt(hex[0], 16)));
      literalFrom = i + 2 + hex[0].length;
    } else if (oct) {
      parts.push(Buffer.of(Number.parseInt(oct[0], 8) & 0xff));
      literalFrom = i + 1 + oct[0].length;
    } else {
      // `\\` and any other escaped character stand for themselves.
      literalFrom = i + 1;
      i += 1;
    }
    i = field.indexOf('\\', Math.max(literalFrom, i + 1));
  }
  parts.push(Buffer.from(field.slice(literalFrom), 'utf8'));
  return Buffer.concat(parts).toString('utf8');
}

/** A timestamptz as COPY writes it (`2026-12-07 10:00:00.123+00`) as a Date. */
function parseTimestamp(text: string): Date {
  const iso = text
    .replace(' ', 'T')
    .replace(/([+-]\d\d)$/, '$1:00')
    .replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  return new Date(iso);
}

/** What an archive holds: rows per table (`schema.table`), applied migrations and the audit rows. */
export interface ArchiveReading {
  counts: Record<string, number>;
  /** The migrator's bookkeeping rows (`created_at` of each applied migration). */
  migrations: number[];
  /** The `audit_events` rows in id order (a table's COPY follows its heap, not its ids). */
  auditRows: ChainedRow[];
}

/**
 * Reads the data of a `pg_dump -Fc` archive without a server (`pg_restore --data-only -f -`): counts
 * the rows of every table and keeps the audit rows for the chain check.
 */
export async function readArchive(path: string): Promise<ArchiveReading> {
  const counts: Record<string, number> = {};
  const auditRows: ChainedRow[] = [];
  const migrations: number[] = [];
  let table: string | null = null;
  let columns: string[] = [];
  await run('pg_restore', ['--data-only', '--file=-', path], {
    onLine(line) {
      if (table === null) {
        const copy = /^COPY ([\w."]+) \((.*)\) FROM stdin;$/.exec(line);
        if (!copy) return;
        table = copy[1]!.replaceAll('"', '');
        columns = copy[2]!.split(', ').map((c) => c.replaceAll('"', ''));
        counts[table] = 0;
        return;
      }
      if (line === '\\.') {
        table = null;
        return;
      }
      counts[table] = (counts[table] ?? 0) + 1;
      if (table === 'public.audit_events') auditRows.push(auditRowOf(columns, line));
      else if (table === 'drizzle.__drizzle_migrations') {
        const value = decodeCopyField(line.split('\t')[columns.indexOf('created_at')] ?? '\\N');
        if (value !== null) migrations.push(Number(value));
      }
    },
  });
  auditRows.sort((a, b) => a.id - b.id);
  return { counts, migrations, auditRows };
}

function auditRowOf(columns: string[], line: string): ChainedRow {
  const fields = line.split('\t');
  const value = (name: string) => decodeCopyField(fields[columns.indexOf(name)] ?? '\\N');
  const json = (name: string) => {
    const text = value(name);
    return text === null ? null : JSON.parse(text);
  };
  return {
    id: Number(value('id')),
    chain: Number(value('chain') ?? 0),
    at: parseTimestamp(value('at') ?? ''),
    actorId: value('actor_id'),
    actorName: value('actor_name') ?? '',
    action: value('action') ?? '',
    entityType: value('entity_type'),
    entityId: value('entity_id'),
    regionPath: value('region_path'),
    ip: value('ip'),
    changes: json('changes'),
    detail: json('detail'),
    prevHash: value('prev_hash') ?? '',
    hash: value('hash') ?? '',
  };
}
