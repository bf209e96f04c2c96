// Finds (or creates) the profile a tracked event or an identify call is about, always inside the API
// key's account: a profile id of another account is "not found", and the same external id in two
// stores is two profiles (profiles are unique per account and external id).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { profiles } from '../db/schema';
import { notFound } from '../http/errors';
import { newId } from '../ids';
import type { ProfileRef } from './schema';

export async function resolveProfile(db: Database, accountId: string, ref: ProfileRef): Promise<string> {
  const now = Date.now();
  if (ref.id) {
    const [row] = await db
      .select({ id: profiles.id })
      .from(profiles)
      .where(and(eq(profiles.accountId, accountId), eq(profiles.id, ref.id)))
      .limit(1);
    if (!row) throw notFound('Profile');
    await refresh(db, accountId, row.id, ref, now);
    return row.id;
  }
  if (ref.externalId) {
    // Only the fields sent are changed: an event that carries just the customer id keeps the email.
    const [row] = await db
      .insert(profiles)
      .values({
        id: newId(),
        accountId,
        externalId: ref.externalId,
        email: ref.email ?? null,
        name: ref.name ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [profiles.accountId, profiles.externalId],
        set: {
          email: sql`coalesce(excluded.email, ${profiles.email})`,
          name: sql`coalesce(excluded.name, ${profiles.name})`,
          updatedAt: now,
        },
      })
      .returning({ id: profiles.id });
    return row!.id;
  }
  // Email only: the oldest profile with this email (a known customer before an email-only one).
  const email = ref.email!;
  const [existing] = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(and(eq(profiles.accountId, accountId), eq(profiles.email, email)))
    .orderBy(sql`${profiles.externalId} IS NULL`, asc(profiles.createdAt))
    .limit(1);
  if (existing) {
    await refresh(db, accountId, existing.id, ref, now);
    return existing.id;
  }
  const id = newId();
  await db
    .insert(profiles)
    .values({ id, accountId, externalId: null, email, name: ref.name ?? null, createdAt: now, updatedAt: now });
  return id;
}

async function refresh(db: Database, accountId: string, id: string, ref: ProfileRef, now: number) {
  if (ref.email === undefined && ref.name === undefined) return;
  await db
    .update(profiles)
    .set({
      ...(ref.email !== undefined ? { email: ref.email } : {}),
      ...(ref.name !== undefined ? { name: ref.name } : {}),
      updatedAt: now,
    })
    .where(and(eq(profiles.accountId, accountId), eq(profiles.id, id)));
}
