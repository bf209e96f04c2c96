import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditLog, settings } from '../db/schema';
import { newId } from '../ids';
import { accountSettings, type AccountSettings } from './schema';

export async function readSettings(db: Database, accountId: string): Promise<AccountSettings> {
  const row = await db.query.settings.findFirst({ where: eq(settings.accountId, accountId) });
  // Stored documents were validated on write; parsing again fills defaults added since.
  return accountSettings.parse(row?.data ?? {});
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
      .onConflictDoUpdate({ target: settings.accountId, set: { data: next, updatedAt: now, updatedBy: actorId } }),
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
