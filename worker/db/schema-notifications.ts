// Drizzle mirror of migrations/0007_notifications.sql (the SQL is the source of truth).
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const NOTIFICATION_CHANNELS = ['slack', 'email'] as const;
export const NOTIFICATION_STATES = ['pending', 'delivered', 'failed', 'skipped'] as const;

export const notificationSettings = sqliteTable('notification_settings', {
  accountId: text('account_id').primaryKey(),
  slackWebhookUrl: text('slack_webhook_url'),
  slackHint: text('slack_hint'),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const notificationDeliveries = sqliteTable('notification_deliveries', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
  kind: text('kind', { enum: ['ticket.created', 'ticket.assigned'] }).notNull(),
  assignmentLogId: text('assignment_log_id').notNull(),
  ticketId: text('ticket_id').notNull(),
  userId: text('user_id'),
  state: text('state', { enum: NOTIFICATION_STATES }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastStatus: integer('last_status'),
  lastError: text('last_error'),
  createdAt: integer('created_at').notNull(),
  queuedAt: integer('queued_at'),
  deliveredAt: integer('delivered_at'),
});
