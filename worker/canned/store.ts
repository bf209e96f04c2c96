// Canned replies in D1. Every query is scoped by account, and a member sees only the account-wide
// replies and their own personal ones: another member's personal reply, or any id of another
// account, is "not found" (404) — never told apart from one that does not exist.
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { cannedReplies } from '../db/schema-inbox';
import { can } from '../auth/permissions';
import type { Member } from '../http/app-env';
import { forbidden, notFound } from '../http/errors';
import { newId } from '../ids';
import type { CannedInput, CannedPatch } from './schema';

export type CannedRow = typeof cannedReplies.$inferSelect;

/** What the API returns for one canned reply. */
export function publicCanned(row: CannedRow) {
  const { accountId: _a, ownerId, ...rest } = row;
  return { ...rest, scope: ownerId === null ? ('account' as const) : ('personal' as const) };
}

const visibleTo = (member: Member) =>
  and(
    eq(cannedReplies.accountId, member.accountId),
    or(isNull(cannedReplies.ownerId), eq(cannedReplies.ownerId, member.userId)),
  );

export function listCanned(db: Database, member: Member): Promise<CannedRow[]> {
  // Personal first (yours are what you reach for), then account-wide, each by name.
  return db
    .select()
    .from(cannedReplies)
    .where(visibleTo(member))
    .orderBy(asc(isNull(cannedReplies.ownerId)), asc(cannedReplies.name), asc(cannedReplies.id));
}

export async function findCanned(db: Database, member: Member, rawId: string): Promise<CannedRow> {
  const id = z.uuid().safeParse(rawId);
  if (!id.success) throw notFound('Canned reply');
  const [row] = await db
    .select()
    .from(cannedReplies)
    .where(and(visibleTo(member), eq(cannedReplies.id, id.data)))
    .limit(1);
  if (!row) throw notFound('Canned reply');
  return row;
}

/** Account-wide replies are account configuration (settings.edit: Managers and up); personal ones are yours. */
function mayEdit(member: Member, scope: 'account' | 'personal'): void {
  if (scope === 'account' && !can(member.role, 'settings.edit')) {
    throw forbidden(
      `Your role (${member.role}) cannot change account-wide canned replies (it needs "settings.edit"); save it as personal instead`,
    );
  }
}

export async function createCanned(db: Database, member: Member, input: CannedInput): Promise<CannedRow> {
  mayEdit(member, input.scope);
  const now = Date.now();
  const row: CannedRow = {
    id: newId(),
    accountId: member.accountId,
    ownerId: input.scope === 'account' ? null : member.userId,
    name: input.name,
    body: input.body,
    setStatus: input.setStatus,
    addTags: input.addTags,
    createdAt: now,
    updatedAt: now,
  };
  await db.insert(cannedReplies).values(row);
  return row;
}

export async function updateCanned(
  db: Database,
  member: Member,
  rawId: string,
  patch: CannedPatch,
): Promise<CannedRow> {
  const row = await findCanned(db, member, rawId);
  mayEdit(member, row.ownerId === null ? 'account' : 'personal');
  const updated = { ...row, ...patch, updatedAt: Date.now() };
  await db
    .update(cannedReplies)
    .set({ ...patch, updatedAt: updated.updatedAt })
    .where(and(eq(cannedReplies.accountId, member.accountId), eq(cannedReplies.id, row.id)));
  return updated;
}

export async function deleteCanned(db: Database, member: Member, rawId: string): Promise<void> {
  const row = await findCanned(db, member, rawId);
  mayEdit(member, row.ownerId === null ? 'account' : 'personal');
  await db
    .delete(cannedReplies)
    .where(and(eq(cannedReplies.accountId, member.accountId), eq(cannedReplies.id, row.id)));
}
