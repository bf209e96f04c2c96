// The first-run lock (migrations/0012_first_run.sql): row 1 exists once a store was set up through /setup.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const firstRun = sqliteTable('first_run', {
  id: integer('id').primaryKey(),
  accountId: text('account_id').notNull(),
  completedAt: integer('completed_at').notNull(),
});
