import { type AnyColumn, getTableColumns, getTableName, type SQL, sql, type Table } from 'drizzle-orm';
import type { Queryable } from './database';

/** One element of a PostgreSQL array literal: quoted, backslash and quote escaped, or NULL. */
function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const text = typeof value === 'string' ? value : String(value);
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** Rows per statement: a few text parameters of this many elements each. */
const rowsPerStatement = 5000;

/**
 * Inserts many rows in one statement per {@link rowsPerStatement}: each column travels as ONE text
 * parameter (a PostgreSQL array literal of the values as drizzle would send them) and the rows are
 * `unnest`ed and cast to the column types — `insert into t (…) select c0::uuid, … from unnest($1::text[], …)`.
 * Building drizzle's multi-row `values (…), (…)` costs far more than the database's work for big
 * imports (a placeholder, a typing and an encoder call per cell). The columns are the fields any row
 * gives; a row without one of them stores NULL there (a column with another default must be given
 * by every row). Rows are inserted in order, so identity columns count up in row order as with
 * `values`.
 */
export async function insertMany<T extends Table>(
  db: Queryable,
  table: T,
  rows: readonly Partial<T['$inferInsert']>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, AnyColumn>;
  const keys = new Set<string>();
  for (const row of rows)
    for (const [key, value] of Object.entries(row)) if (value !== undefined) keys.add(key);
  const used = [...keys].map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`insertMany: ${getTableName(table)} has no column ${key}`);
    return { key, column };
  });
  const names = sql.raw(used.map(({ column }) => `"${column.name}"`).join(', '));
  const casts = sql.raw(used.map(({ column }, i) => `c${i}::${column.getSQLType()}`).join(', '));
  const aliases = sql.raw(used.map((_, i) => `c${i}`).join(', '));
  for (let from = 0; from < rows.length; from += rowsPerStatement) {
    const chunk = rows.slice(from, from + rowsPerStatement);
    const params: SQL[] = used.map(({ key, column }) => {
      const elements = chunk.map((row) => {
        const value = (row as Record<string, unknown>)[key];
        if (value === undefined) throw new Error(`insertMany: a row of ${getTableName(table)} lacks ${key}`);
        return arrayElement(value === null || value === undefined ? null : column.mapToDriverValue(value));
      });
      return sql`${`{${elements.join(',')}}`}::text[]`;
    });
    await db.execute(
      sql`insert into ${table} (${names}) select ${casts} from unnest(${sql.join(params, sql`, `)}) as u(${aliases})`,
    );
  }
}
