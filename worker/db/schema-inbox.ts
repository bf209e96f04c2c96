// Drizzle mirror of migrations/0002_ticket_notes_tasks.sql, 0013_* and 0025 (the SQL is the source of truth).
// Kept beside schema.ts rather than in it: queries use the builder (db.select().from(...)), which
// needs no registration with the relational schema.
import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';
import type { TicketStatus } from './schema';

export const ticketNotes = sqliteTable('ticket_notes', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  ticketId: text('ticket_id').notNull(),
  authorId: text('author_id'),
  body: text('body').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const ticketTasks = sqliteTable('ticket_tasks', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  ticketId: text('ticket_id').notNull(),
  title: text('title').notNull(),
  dueAt: integer('due_at').notNull(),
  assigneeId: text('assignee_id'),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull(),
  doneAt: integer('done_at'),
});

/** A copy of each conversation message's text for search (message_fts indexes it). */
export const messageIndex = sqliteTable(
  'message_index',
  {
    accountId: text('account_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    seq: integer('seq').notNull(),
    role: text('role').notNull(),
    text: text('text').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.seq] })],
);

/** When each member last opened a ticket: the rows' unread marker. */
export const ticketReads = sqliteTable(
  'ticket_reads',
  {
    accountId: text('account_id').notNull(),
    ticketId: text('ticket_id').notNull(),
    userId: text('user_id').notNull(),
    readAt: integer('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] })],
);

/** Canned replies and macros (0013_3): ownerId null is account-wide, else that member's own. */
export const cannedReplies = sqliteTable('canned_replies', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  ownerId: text('owner_id'),
  name: text('name').notNull(),
  body: text('body').notNull(),
  setStatus: text('set_status').$type<TicketStatus>(),
  addTags: text('add_tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** A macro's ticket changes made with the reply `clientId` (0025): a retried request finds it, changes nothing. */
export const macroReplies = sqliteTable(
  'macro_replies',
  {
    accountId: text('account_id').notNull(),
    ticketId: text('ticket_id').notNull(),
    clientId: text('client_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.ticketId, t.clientId] })],
);
