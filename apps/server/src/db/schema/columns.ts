import { numeric, timestamp } from 'drizzle-orm/pg-core';

/** The creation and last-change timestamps most tables carry. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** An amount in 万元, exact to four decimals (strings in and out, never floats). */
export const money = (name: string) => numeric(name, { precision: 18, scale: 4 });
