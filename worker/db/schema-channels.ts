// Drizzle mirror of migrations/0016_sms_whatsapp.sql (the SQL is the source of truth).
import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';

export const PHONE_CHANNELS = ['sms', 'whatsapp'] as const;
export type PhoneChannel = (typeof PHONE_CHANNELS)[number];
export const DELIVERY_STATES = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const channelConnections = sqliteTable(
  'channel_connections',
  {
    accountId: text('account_id').notNull(),
    channel: text('channel', { enum: PHONE_CHANNELS }).notNull(),
    config: text('config', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    secret: text('secret').notNull(),
    webhookSecret: text('webhook_secret'),
    verifyToken: text('verify_token'),
    publicOrigin: text('public_origin').notNull(),
    status: text('status', { enum: ['connected', 'expired'] })
      .notNull()
      .default('connected'),
    lastError: text('last_error'),
    checkedAt: integer('checked_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.channel] })],
);

export const channelContacts = sqliteTable(
  'channel_contacts',
  {
    accountId: text('account_id').notNull(),
    channel: text('channel', { enum: PHONE_CHANNELS }).notNull(),
    phone: text('phone').notNull(),
    conversationId: text('conversation_id'),
    optedOutAt: integer('opted_out_at'),
    lastInboundAt: integer('last_inbound_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.channel, t.phone] })],
);

export const channelDeliveries = sqliteTable(
  'channel_deliveries',
  {
    accountId: text('account_id').notNull(),
    deliveryId: text('delivery_id').notNull(),
    part: integer('part').notNull(),
    channel: text('channel', { enum: PHONE_CHANNELS }).notNull(),
    conversationId: text('conversation_id').notNull(),
    seq: integer('seq').notNull(),
    recipient: text('recipient').notNull(),
    providerId: text('provider_id'),
    state: text('state', { enum: DELIVERY_STATES }).notNull(),
    error: text('error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.deliveryId, t.part] })],
);

export const webhookReceipts = sqliteTable(
  'webhook_receipts',
  {
    accountId: text('account_id').notNull(),
    provider: text('provider', { enum: ['twilio', 'whatsapp'] }).notNull(),
    digest: text('digest').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.provider, t.digest] })],
);
