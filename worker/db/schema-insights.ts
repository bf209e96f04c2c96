// Drizzle mirror of migrations/0004_insights.sql and 0005_webhooks.sql (the SQL is the source of truth).
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import type { SegmentDefinition } from '../segments/definition';

export const segments = sqliteTable('segments', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  name: text('name').notNull(),
  definition: text('definition', { mode: 'json' }).$type<SegmentDefinition>().notNull(),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const csatResponses = sqliteTable('csat_responses', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  conversationId: text('conversation_id').notNull(),
  ticketId: text('ticket_id').notNull(),
  profileId: text('profile_id'),
  channel: text('channel').notNull(),
  assigneeId: text('assignee_id'),
  rating: integer('rating').notNull(),
  comment: text('comment'),
  createdAt: integer('created_at').notNull(),
});

export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

export const webhookSubscriptions = sqliteTable('webhook_subscriptions', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  eventNames: text('event_names', { mode: 'json' }).$type<string[]>().notNull(),
  secret: text('secret').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const webhookDeliveries = sqliteTable('webhook_deliveries', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  subscriptionId: text('subscription_id').notNull(),
  eventId: text('event_id').notNull(),
  eventName: text('event_name').notNull(),
  state: text('state', { enum: WEBHOOK_DELIVERY_STATES }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastStatus: integer('last_status'),
  lastError: text('last_error'),
  createdAt: integer('created_at').notNull(),
  queuedAt: integer('queued_at'),
  deliveredAt: integer('delivered_at'),
});
