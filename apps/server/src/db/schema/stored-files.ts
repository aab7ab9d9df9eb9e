import { customType, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/** PostgreSQL `bytea`, read and written as a Node Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * 文件存储（数据库）: on PostgreSQL the uploaded files' bytes, in chunks of at most 256 KiB under the
 * file's stored name (`2026/11/<uuid>.pdf`, the name the rows of project files, attachments and
 * bulletins keep), so replication, failover and `pg_dump` carry them with the rows that name them.
 * Written and read a chunk at a time, never a whole file in one statement.
 */
export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    storedName: text('stored_name').notNull(),
    part: integer('part').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.storedName, t.part] })],
);
