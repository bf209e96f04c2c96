// Outbound deliveries that no sender could take, recorded as failed with the reason (migration
// 0008_dead_deliveries.sql): a channel with no registered sender (worker/channels/senders.ts), or
// retries that ran out on a sender with no record of its own (no `giveUp`). Recording is idempotent by
// (account, delivery id): a redelivered queue message changes nothing. Nothing here is retried. The inbox
// shows them on the ticket of their conversation (worker/tickets/detail.ts: `undelivered`), with the reason,
// together with the failures the senders record themselves (undeliveredOf).
import { and, asc, eq } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client';
import type { OutboundDelivery } from '../conversation/contract';
import { channelDeliveries } from '../db/schema-channels';
import { emailMessages } from './email/schema';

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

/**
 * A conversation's messages that were not delivered, by seq, with the reason: the ticket page marks each
 * one. Those no sender could take (above), and those a channel's sender gave up on or its provider
 * refused for good, as the sender recorded them (an SMS/WhatsApp part failed, an email failed). One
 * D1 round trip; a message failed twice over is listed once (the first record).
 */
export async function undeliveredOf(db: Database, accountId: string, conversationId: string) {
  const [dead, phone, email] = await db.batch([
    db
      .select({
        seq: deadDeliveries.seq,
        channel: deadDeliveries.channel,
        reason: deadDeliveries.reason,
        at: deadDeliveries.createdAt,
      })
      .from(deadDeliveries)
      .where(and(eq(deadDeliveries.accountId, accountId), eq(deadDeliveries.conversationId, conversationId))),
    db
      .select({
        seq: channelDeliveries.seq,
        channel: channelDeliveries.channel,
        reason: channelDeliveries.error,
        at: channelDeliveries.updatedAt,
      })
      .from(channelDeliveries)
      .where(
        and(
          eq(channelDeliveries.accountId, accountId),
          eq(channelDeliveries.conversationId, conversationId),
          eq(channelDeliveries.state, 'failed'),
        ),
      )
      .orderBy(asc(channelDeliveries.seq), asc(channelDeliveries.part)),
    db
      .select({ seq: emailMessages.seq, reason: emailMessages.reason, at: emailMessages.updatedAt })
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.accountId, accountId),
          eq(emailMessages.conversationId, conversationId),
          eq(emailMessages.direction, 'out'),
          eq(emailMessages.state, 'failed'),
        ),
      ),
  ]);
  const bySeq = new Map<number, { seq: number; channel: string; reason: string; at: number }>();
  const failed = [
    ...dead,
    ...phone.map((r) => ({ ...r, reason: r.reason ?? PROVIDER_REFUSED })),
    ...email.flatMap((r) =>
      r.seq === null ? [] : [{ seq: r.seq, channel: 'email', reason: r.reason ?? PROVIDER_REFUSED, at: r.at }],
    ),
  ];
  for (const row of failed) if (!bySeq.has(row.seq)) bySeq.set(row.seq, row);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The reason shown when a sender recorded a failure without one. */
const PROVIDER_REFUSED = 'The provider refused this message';
