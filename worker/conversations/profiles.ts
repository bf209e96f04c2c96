import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conversations, events, profiles } from '../db/schema';
import type { ShopperClaims } from '../auth/shopper-token';
import { newId } from '../ids';

/** Finds or creates the profile for a verified shopper and refreshes its email and name. */
export async function upsertProfile(db: Database, accountId: string, shopper: ShopperClaims): Promise<string> {
  const now = Date.now();
  const [row] = await db
    .insert(profiles)
    .values({
      id: newId(),
      accountId,
      externalId: shopper.sub,
      email: shopper.email ?? null,
      name: shopper.name ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [profiles.accountId, profiles.externalId],
      set: { email: shopper.email ?? null, name: shopper.name ?? null, updatedAt: now },
    })
    .returning({ id: profiles.id });
  return row!.id;
}

/** When an anonymous shopper identifies, their conversation and its events join the profile. */
export async function linkConversationToProfile(
  db: Database,
  accountId: string,
  conversationId: string,
  profileId: string,
) {
  await db.batch([
    db
      .update(conversations)
      .set({ profileId })
      .where(and(eq(conversations.accountId, accountId), eq(conversations.id, conversationId))),
    db
      .update(events)
      .set({ profileId, properties: sql`json_set(${events.properties}, '$.profile', ${profileId})` })
      .where(and(eq(events.accountId, accountId), eq(events.conversationId, conversationId), isNull(events.profileId))),
  ]);
}

/** The email-only profile of an anonymous shopper who continued by email (found again by email). */
export async function emailProfile(db: Database, accountId: string, email: string): Promise<string> {
  const existing = await db.query.profiles.findFirst({
    where: and(eq(profiles.accountId, accountId), eq(profiles.email, email), isNull(profiles.externalId)),
    columns: { id: true },
  });
  if (existing) return existing.id;
  const id = newId();
  const now = Date.now();
  await db
    .insert(profiles)
    .values({ id, accountId, externalId: null, email, name: null, createdAt: now, updatedAt: now });
  return id;
}

export async function profileEmail(db: Database, accountId: string, profileId: string): Promise<string | null> {
  const row = await db.query.profiles.findFirst({
    where: and(eq(profiles.accountId, accountId), eq(profiles.id, profileId)),
    columns: { email: true },
  });
  return row?.email ?? null;
}
