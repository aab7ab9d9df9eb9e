import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 节假日设置: the admin's holiday/workday entries laid over the packaged official calendar. */
export const holidayOverrides = pgTable('holiday_overrides', {
  date: date('date').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name'),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
