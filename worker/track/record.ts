// Stores one tracked event. The event and what it changes (the order of a Placed Order) are written in
// one D1 batch, and the order write only applies if this very event row was inserted: a replayed
// event id (the store retrying) changes nothing at all, not even an order it would overwrite.
import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client';
import { events, orders } from '../db/schema';
import { STORE_EVENT } from '../events/names';
import { newId } from '../ids';
import { orderStatusProperties, placedOrderProperties, type TrackBody } from './schema';

export interface TrackedEvent {
  eventId: string;
  profileId: string;
  /** True when this client event id was stored before: nothing was written this time. */
  duplicate: boolean;
}

/** The idempotency key of a tracked event, in the same per-account key space as conversation events. */
export const trackKey = (clientId: string) => `track:${clientId}`;

export async function recordTrackedEvent(
  db: Database,
  accountId: string,
  profileId: string,
  body: TrackBody,
): Promise<TrackedEvent> {
  const eventId = newId();
  const occurredAt = body.time ?? Date.now();
  const properties = normalizedProperties(body);
  // The id is chosen here (not by insertEvent) so the order write can test that this row exists.
  const insert = db
    .insert(events)
    .values({
      id: eventId,
      accountId,
      name: body.event,
      profileId,
      conversationId: null,
      channel: null,
      properties,
      occurredAt,
      idempotencyKey: trackKey(body.id),
    })
    .onConflictDoNothing({ target: [events.accountId, events.idempotencyKey] })
    .returning({ id: events.id });
  const [inserted] = await db.batch([
    insert,
    ...orderWrites(db, accountId, profileId, eventId, body.event, properties, occurredAt),
  ]);
  if (inserted.length > 0) return { eventId, profileId, duplicate: false };
  const [earlier] = await db
    .select({ id: events.id, profileId: events.profileId })
    .from(events)
    .where(and(eq(events.accountId, accountId), eq(events.idempotencyKey, trackKey(body.id))))
    .limit(1);
  return { eventId: earlier?.id ?? eventId, profileId: earlier?.profileId ?? profileId, duplicate: true };
}

/** Placed Order keeps Baton's defaults (currency, status) in the stored properties. */
function normalizedProperties(body: TrackBody): Record<string, unknown> {
  if (body.event === STORE_EVENT.placedOrder)
    return { ...body.properties, ...placedOrderProperties.parse(body.properties) };
  return body.properties;
}

function orderWrites(
  db: Database,
  accountId: string,
  profileId: string,
  eventId: string,
  name: string,
  properties: Record<string, unknown>,
  occurredAt: number,
): BatchItem<'sqlite'>[] {
  const inserted = sql`EXISTS (SELECT 1 FROM events WHERE id = ${eventId})`;
  if (name === STORE_EVENT.placedOrder) {
    const o = placedOrderProperties.parse(properties);
    // Columns in the table's order (drizzle inserts SELECT output into every column).
    return [
      db
        .insert(orders)
        .select(sql`
      SELECT ${newId()}, ${accountId}, ${profileId}, ${o.orderId}, ${o.status}, ${Math.round(o.value * 100)}, ${o.currency},
             ${JSON.stringify(o.items)}, ${occurredAt}
      WHERE ${inserted}`)
        .onConflictDoUpdate({
          target: [orders.accountId, orders.externalId],
          set: {
            profileId: sql`excluded.profile_id`,
            status: sql`excluded.status`,
            totalCents: sql`excluded.total_cents`,
            currency: sql`excluded.currency`,
            items: sql`excluded.items`,
            placedAt: sql`excluded.placed_at`,
          },
        }),
    ];
  }
  if (name === STORE_EVENT.orderStatusUpdated) {
    const o = orderStatusProperties.parse(properties);
    return [
      db
        .update(orders)
        .set({ status: o.status })
        .where(and(eq(orders.accountId, accountId), eq(orders.externalId, o.orderId), inserted)),
    ];
  }
  return [];
}
