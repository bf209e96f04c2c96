// Drizzle mirror of migrations/0015_email.sql and 0021_email_address_claims.sql (the SQL is the source of truth).
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const INBOUND_STATES = [
  'accepted',
  'auto_reply',
  'bounce',
  'list',
  'loop',
  'rate_limited',
  'duplicate',
] as const;
export type InboundState = (typeof INBOUND_STATES)[number];
export const OUTBOUND_STATES = ['pending', 'sent', 'retrying', 'failed'] as const;
export type OutboundState = (typeof OUTBOUND_STATES)[number];

/** An attachment as recorded: stored in R2 (key set), or refused by the type/size limits (refused set). */
export interface RecordedAttachment {
  key: string | null;
  name: string;
  contentType: string;
  size: number;
  refused: string | null;
}

export const emailReplyKeys = sqliteTable('email_reply_keys', {
  accountId: text('account_id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const emailThreads = sqliteTable('email_threads', {
  conversationId: text('conversation_id').primaryKey(),
  accountId: text('account_id').notNull(),
  address: text('address').notNull(),
  subject: text('subject').notNull().default(''),
  origin: text('origin', { enum: ['email', 'web_chat'] }).notNull(),
  createdAt: integer('created_at').notNull(),
});

export const emailMessages = sqliteTable('email_messages', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  conversationId: text('conversation_id'),
  direction: text('direction', { enum: ['in', 'out'] }).notNull(),
  messageId: text('message_id').notNull(),
  address: text('address').notNull(),
  subject: text('subject').notNull().default(''),
  state: text('state', { enum: [...INBOUND_STATES, ...OUTBOUND_STATES] }).notNull(),
  reason: text('reason'),
  rawKey: text('raw_key'),
  attachments: text('attachments', { mode: 'json' }).$type<RecordedAttachment[]>().notNull().default([]),
  spf: text('spf'),
  dkim: text('dkim'),
  dmarc: text('dmarc'),
  deliveryId: text('delivery_id'),
  seq: integer('seq'),
  attempts: integer('attempts').notNull().default(0),
  providerId: text('provider_id'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** An account's claim on its inbound address: pending until verified (address-claim.ts). */
export const emailAddressClaims = sqliteTable('email_address_claims', {
  accountId: text('account_id').primaryKey(),
  address: text('address').notNull(),
  tokenHash: text('token_hash').notNull(),
  sentAt: integer('sent_at'),
  verifiedAt: integer('verified_at'),
  createdAt: integer('created_at').notNull(),
});
