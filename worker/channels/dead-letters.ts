// Outbound deliveries that no sender could take, recorded as failed with the reason (migration
// 0008_dead_deliveries.sql): a channel with no registered sender (worker/channels/senders.ts), or
// retries that ran out on a sender with no record of its own (no `giveUp`). Recording is idempotent by
// (account, delivery id): a redelivered queue message changes nothing. Nothing here is retried. The inbox
// shows them on the ticket of their conversation (worker/tickets/detail.ts: `undelivered`), with the reason.
import { and, asc, eq } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client';
import type { OutboundDelivery } from '../conversation/contract';

export const deadDeliveries = sqliteTable(
  'dead_deliveries',
  {
    accountId: text('account_id').notNull(),
    deliveryId: text('delivery_id').notNull(),
    channel: text('channel').notNull(),
    conversationId: text('conversation_id').notNull(),
    seq: integer('seq').notNull(),
    reason: text('reason').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.deliveryId] })],
);

export async function recordDeadDelivery(db: Database, delivery: OutboundDelivery, reason: string): Promise<void> {
  await db
    .insert(deadDeliveries)
    .values({
      accountId: delivery.accountId,
      deliveryId: delivery.deliveryId,
      channel: delivery.channel,
      conversationId: delivery.conversationId,
      seq: delivery.seq,
      reason,
      createdAt: Date.now(),
    })
    .onConflictDoNothing();
}

export async function deadDeliveryOf(db: Database, accountId: string, deliveryId: string) {
  const [row] = await db
    .select()
    .from(deadDeliveries)
    .where(and(eq(deadDeliveries.accountId, accountId), eq(deadDeliveries.deliveryId, deliveryId)));
  return row ?? null;
}

/** A conversation's messages no sender could take, by seq: the ticket page marks each one with its reason. */
export async function undeliveredOf(db: Database, accountId: string, conversationId: string) {
  return db
    .select({
      seq: deadDeliveries.seq,
      channel: deadDeliveries.channel,
      reason: deadDeliveries.reason,
      at: deadDeliveries.createdAt,
    })
    .from(deadDeliveries)
    .where(and(eq(deadDeliveries.accountId, accountId), eq(deadDeliveries.conversationId, conversationId)))
    .orderBy(asc(deadDeliveries.seq));
}
