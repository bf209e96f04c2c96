// Drizzle mirror of migrations/*.sql. The SQL files are the source of truth (applied by wrangler
// locally and by the test setup); this file gives queries their types.
import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';

export const ROLES = ['owner', 'admin', 'manager', 'support', 'agent', 'analyst'] as const;
export type Role = (typeof ROLES)[number];
export const CHANNELS = ['web_chat', 'email', 'sms', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];
export const HELPDESKS = ['inbox', 'zendesk', 'gorgias'] as const;
export type Helpdesk = (typeof HELPDESKS)[number];
export const TICKET_STATUSES = ['open', 'pending', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const ASSIGNMENT_METHODS = ['round_robin', 'manual', 'self', 'bulk', 'team', 'unassign', 'rule'] as const;

export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull(),
  siteKey: text('site_key').notNull(),
  identityKey: text('identity_key').notNull(),
  identityKeyRotatedAt: integer('identity_key_rotated_at'),
  createdAt: integer('created_at').notNull(),
});

export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull(),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  passwordHash: text('password_hash').notNull(),
  presence: text('presence', { enum: ['online', 'offline'] })
    .notNull()
    .default('offline'),
  emailAlerts: integer('email_alerts', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  removedAt: integer('removed_at'),
});

export const sessions = sqliteTable('sessions', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  userId: text('user_id').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
});

export const signInLimits = sqliteTable('sign_in_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  attempts: integer('attempts').notNull(),
});

export const llmCredentials = sqliteTable('llm_credentials', {
  accountId: text('account_id').primaryKey(),
  baseUrl: text('base_url').notNull(),
  secret: text('secret').notNull(),
  hint: text('hint').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const invites = sqliteTable('invites', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  email: text('email').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  tokenHash: text('token_hash').notNull(),
  /** Null: the operator (npm run account:create), before the store had any user. */
  invitedBy: text('invited_by'),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  acceptedAt: integer('accepted_at'),
});

export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const teamMembers = sqliteTable(
  'team_members',
  {
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    accountId: text('account_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

export const profiles = sqliteTable('profiles', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  externalId: text('external_id'),
  email: text('email'),
  name: text('name'),
  /** E.164; set for SMS and WhatsApp contacts (unverified), migrations/0016. */
  phone: text('phone'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const conversations = sqliteTable('conversations', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  channel: text('channel', { enum: CHANNELS }).notNull(),
  status: text('status', { enum: ['open', 'resolved', 'escalated', 'closed'] })
    .notNull()
    .default('open'),
  profileId: text('profile_id'),
  skill: text('skill'),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
  isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
  messageCount: integer('message_count').notNull().default(0),
  escalationReason: text('escalation_reason'),
  startedAt: integer('started_at').notNull(),
  lastActivityAt: integer('last_activity_at').notNull(),
  resolvedAt: integer('resolved_at'),
  escalatedAt: integer('escalated_at'),
  // Filled by triggers (migrations/0004_insights.sql) for the performance dashboard's first-reply time.
  firstMessageAt: integer('first_message_at'),
  firstReplyAt: integer('first_reply_at'),
  // The newest message (rows' preview) and newest shopper message (unread marker): worker/inbox/search-index.ts.
  lastMessageSeq: integer('last_message_seq'),
  lastMessageRole: text('last_message_role'),
  lastMessageText: text('last_message_text'),
  lastMessageAt: integer('last_message_at'),
  lastShopperAt: integer('last_shopper_at'),
});

export const tickets = sqliteTable('tickets', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  number: integer('number').notNull(),
  conversationId: text('conversation_id'),
  profileId: text('profile_id'),
  channel: text('channel', { enum: CHANNELS }).notNull(),
  status: text('status', { enum: TICKET_STATUSES }).notNull().default('open'),
  subject: text('subject').notNull().default(''),
  requesterEmail: text('requester_email'),
  assigneeId: text('assignee_id'),
  teamId: text('team_id'),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
  helpdesk: text('helpdesk', { enum: HELPDESKS }).notNull().default('inbox'),
  deliveryState: text('delivery_state', { enum: ['pending', 'delivered', 'failed'] })
    .notNull()
    .default('delivered'),
  deliveryAttempts: integer('delivery_attempts').notNull().default(0),
  deliveryError: text('delivery_error'),
  remoteId: text('remote_id'),
  routingSnapshot: text('routing_snapshot', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  firstResponseAt: integer('first_response_at'),
  closedAt: integer('closed_at'),
  /** When the first teammate reply is due (office hours counted): worker/tickets/sla.ts. */
  firstResponseDueAt: integer('first_response_due_at'),
});

export const assignmentLog = sqliteTable('assignment_log', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  ticketId: text('ticket_id').notNull(),
  assigneeId: text('assignee_id'),
  previousAssigneeId: text('previous_assignee_id'),
  teamId: text('team_id'),
  actorId: text('actor_id'),
  method: text('method', { enum: ASSIGNMENT_METHODS }).notNull(),
  reason: text('reason').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const settings = sqliteTable('settings', {
  accountId: text('account_id').primaryKey(),
  data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const auditLog = sqliteTable('audit_log', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  changes: text('changes', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: integer('created_at').notNull(),
});

export const events = sqliteTable('events', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  name: text('name').notNull(),
  profileId: text('profile_id'),
  conversationId: text('conversation_id'),
  channel: text('channel'),
  properties: text('properties', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  occurredAt: integer('occurred_at').notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
});

export const orders = sqliteTable('orders', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  profileId: text('profile_id'),
  externalId: text('external_id').notNull(),
  status: text('status').notNull(),
  totalCents: integer('total_cents').notNull(),
  currency: text('currency').notNull().default('USD'),
  items: text('items', { mode: 'json' }).$type<unknown[]>().notNull(),
  placedAt: integer('placed_at').notNull(),
});

export const knowledgeArticles = sqliteTable('knowledge_articles', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  url: text('url'),
  topic: text('topic'),
  updatedAt: integer('updated_at').notNull(),
});

export const products = sqliteTable('products', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  sku: text('sku').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  category: text('category').notNull().default(''),
  priceCents: integer('price_cents').notNull(),
  currency: text('currency').notNull().default('USD'),
  imageUrl: text('image_url'),
  url: text('url'),
  inStock: integer('in_stock', { mode: 'boolean' }).notNull().default(true),
  updatedAt: integer('updated_at').notNull(),
});
