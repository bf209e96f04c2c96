// Drizzle mirror of migrations/0019_content_versions.sql (the SQL is the source of truth): the version
// of an account's knowledge articles and catalog, bumped by triggers on every write. Kept beside
// schema.ts: queries use the builder, which needs no registration with the relational schema.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const contentVersions = sqliteTable('content_versions', {
  accountId: text('account_id').primaryKey(),
  version: integer('version').notNull(),
});
