// Delivery state of every SMS and WhatsApp message Baton sends, as the provider reports it. A row is
// written when the provider accepts the message (keyed by the engine's delivery id and the part, so a
// retried delivery finds what it already sent and never sends it twice), and moved by status
// callbacks. States only move forward — queued → sent → delivered → read, or failed — so a late or
// replayed "sent" never hides a "delivered".
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { channelDeliveries, type DeliveryState, type PhoneChannel } from '../db/schema-channels';

export type DeliveryRow = typeof channelDeliveries.$inferSelect;

const RANK: Record<DeliveryState, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };
const below = (state: DeliveryState) => (Object.keys(RANK) as DeliveryState[]).filter((s) => RANK[s] < RANK[state]);

export interface DeliveryKey {
  accountId: string;
  deliveryId: string;
  channel: PhoneChannel;
  conversationId: string;
  seq: number;
  recipient: string;
}

export async function sentParts(db: Database, accountId: string, deliveryId: string): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(channelDeliveries)
    .where(and(eq(channelDeliveries.accountId, accountId), eq(channelDeliveries.deliveryId, deliveryId)))
    .orderBy(asc(channelDeliveries.part));
}

/** Records one part's outcome at the provider: accepted (with its id) or refused for good. */
export function recordPart(
  db: Database,
  key: DeliveryKey,
  part: number,
  outcome: { providerId: string | null; state: DeliveryState; error: string | null },
) {
  const now = Date.now();
  return db
    .insert(channelDeliveries)
    .values({ ...key, part, ...outcome, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [channelDeliveries.accountId, channelDeliveries.deliveryId, channelDeliveries.part],
      set: { ...outcome, updatedAt: now },
    });
}

/** A status callback: moves the message forward; unknown ids and backward steps change nothing. */
export async function applyStatus(
  db: Database,
  accountId: string,
  channel: PhoneChannel,
  providerId: string,
  state: DeliveryState,
  error: string | null,
): Promise<boolean> {
  const lower = below(state);
  if (lower.length === 0) return false;
  const rows = await db
    .update(channelDeliveries)
    .set({ state, error, updatedAt: Date.now() })
    .where(
      and(
        eq(channelDeliveries.accountId, accountId),
        eq(channelDeliveries.channel, channel),
        eq(channelDeliveries.providerId, providerId),
        inArray(channelDeliveries.state, lower),
      ),
    )
    .returning({ seq: channelDeliveries.seq });
  return rows.length > 0;
}

export interface MessageDelivery {
  seq: number;
  state: DeliveryState;
  error: string | null;
}

/**
 * Per message of a conversation, its delivery state for the inbox: a message sent in several parts is
 * as far as its slowest part, and failed when any part failed.
 */
export async function conversationDeliveries(
  db: Database,
  accountId: string,
  conversationId: string,
): Promise<MessageDelivery[]> {
  const rows = await db
    .select({ seq: channelDeliveries.seq, state: channelDeliveries.state, error: channelDeliveries.error })
    .from(channelDeliveries)
    .where(and(eq(channelDeliveries.accountId, accountId), eq(channelDeliveries.conversationId, conversationId)))
    .orderBy(asc(channelDeliveries.seq), asc(channelDeliveries.part));
  const bySeq = new Map<number, MessageDelivery>();
  for (const row of rows) {
    const seen = bySeq.get(row.seq);
    if (!seen || row.state === 'failed' || (seen.state !== 'failed' && RANK[row.state] < RANK[seen.state]))
      bySeq.set(row.seq, { ...row });
  }
  return [...bySeq.values()];
}
