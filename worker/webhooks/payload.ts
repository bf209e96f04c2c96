// The JSON body a webhook receives: the event as Baton stored it, with the profile it belongs to.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { events, profiles } from '../db/schema';

export interface WebhookPayload {
  /** The event id: the same on every retry and resend (also in the Baton-Event-Id header). */
  id: string;
  event: string;
  occurredAt: string;
  profile: { id: string; externalId: string | null; email: string | null; name: string | null } | null;
  conversationId: string | null;
  channel: string | null;
  properties: Record<string, unknown>;
}

export async function payloadOf(db: Database, accountId: string, eventId: string): Promise<WebhookPayload | null> {
  const [row] = await db
    .select({
      id: events.id,
      name: events.name,
      occurredAt: events.occurredAt,
      conversationId: events.conversationId,
      channel: events.channel,
      properties: events.properties,
      profileId: profiles.id,
      externalId: profiles.externalId,
      email: profiles.email,
      profileName: profiles.name,
    })
    .from(events)
    .leftJoin(profiles, and(eq(profiles.id, events.profileId), eq(profiles.accountId, events.accountId)))
    .where(and(eq(events.accountId, accountId), eq(events.id, eventId)))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    event: row.name,
    occurredAt: new Date(row.occurredAt).toISOString(),
    profile: row.profileId
      ? { id: row.profileId, externalId: row.externalId, email: row.email, name: row.profileName }
      : null,
    conversationId: row.conversationId,
    channel: row.channel,
    properties: row.properties,
  };
}
