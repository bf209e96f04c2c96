// The account's settings document in D1. Every write bumps `settings.version`, so a copy held elsewhere
// (a conversation room, the Dispatcher: worker/settings/held.ts) knows it is stale when it learns a
// newer version, without reading the document again.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditLog, settings } from '../db/schema';
import { newId } from '../ids';
import { accountSettings, type AccountSettings } from './schema';

export async function readSettings(db: Database, accountId: string): Promise<AccountSettings> {
  return (await readVersionedSettings(db, accountId)).settings;
}

/** The settings with the version they were saved as (0 for an account that has no row yet). */
export interface VersionedSettings {
  settings: AccountSettings;
  version: number;
}

export async function readVersionedSettings(db: Database, accountId: string): Promise<VersionedSettings> {
  const row = await db.query.settings.findFirst({ where: eq(settings.accountId, accountId) });
  // Stored documents were validated on write; parsing again fills defaults added since.
  return { settings: accountSettings.parse(row?.data ?? {}), version: row?.version ?? 0 };
}

/**
 * The settings version alone (0 when there is no row): what a channel adapter passes to the room with a
 * message, so a held copy older than a save is refreshed before the answer (worker/settings/held.ts).
 */
export async function readSettingsVersion(db: Database, accountId: string): Promise<number> {
  const [row] = await db
    .select({ version: settings.version })
    .from(settings)
    .where(eq(settings.accountId, accountId))
    .limit(1);
  return row?.version ?? 0;
}

/** Replaces one section and writes the audit entry in the same batch. */
export async function writeSection<K extends keyof AccountSettings>(
  db: Database,
  accountId: string,
  actorId: string | null,
  section: K,
  value: AccountSettings[K],
): Promise<AccountSettings> {
  const current = await readSettings(db, accountId);
  const next: AccountSettings = { ...current, [section]: value };
  const now = Date.now();
  await db.batch([
    db
      .insert(settings)
      .values({ accountId, data: next, updatedAt: now, updatedBy: actorId })
      .onConflictDoUpdate({
        target: settings.accountId,
        set: { data: next, version: sql`${settings.version} + 1`, updatedAt: now, updatedBy: actorId },
      }),
    db.insert(auditLog).values({
      id: newId(),
      accountId,
      actorId,
      action: `settings.${String(section)}.update`,
      changes: { before: current[section], after: value },
      createdAt: now,
    }),
  ]);
  return next;
}
