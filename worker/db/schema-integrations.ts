// Drizzle mirror of migrations/0003_integrations.sql (the SQL is the source of truth).
import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';

export const INTEGRATION_KINDS = ['zendesk', 'gorgias'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];
export const INTEGRATION_STATUSES = ['connected', 'expired', 'not_connected'] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

export const integrations = sqliteTable(
  'integrations',
  {
    accountId: text('account_id').notNull(),
    kind: text('kind', { enum: INTEGRATION_KINDS }).notNull(),
    config: text('config', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    secret: text('secret').notNull(),
    webhookSecret: text('webhook_secret'),
    status: text('status', { enum: INTEGRATION_STATUSES }).notNull().default('connected'),
    lastError: text('last_error'),
    checkedAt: integer('checked_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.kind] })],
);

export const helpdeskLinks = sqliteTable(
  'helpdesk_links',
  {
    accountId: text('account_id').notNull(),
    ticketId: text('ticket_id').notNull(),
    kind: text('kind', { enum: INTEGRATION_KINDS }).notNull(),
    remoteId: text('remote_id').notNull(),
    remoteRequesterId: text('remote_requester_id'),
    transcriptThroughSeq: integer('transcript_through_seq').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.ticketId] })],
);

export const helpdeskComments = sqliteTable(
  'helpdesk_comments',
  {
    accountId: text('account_id').notNull(),
    ticketId: text('ticket_id').notNull(),
    messageSeq: integer('message_seq').notNull(),
    state: text('state', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    error: text('error'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.ticketId, t.messageSeq] })],
);
