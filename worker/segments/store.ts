// Saved segments, always read and written inside one account.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { segments } from '../db/schema-insights';
import { notFound } from '../http/errors';
import { newId } from '../ids';
import type { SegmentDefinition } from './definition';

export type SegmentRow = typeof segments.$inferSelect;

export function listSegments(db: Database, accountId: string) {
  return db.select().from(segments).where(eq(segments.accountId, accountId)).orderBy(asc(segments.name));
}

export async function findSegment(db: Database, accountId: string, id: string): Promise<SegmentRow> {
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.accountId, accountId), eq(segments.id, id)))
    .limit(1);
  if (!row) throw notFound('Segment');
  return row;
}

export async function createSegment(
  db: Database,
  accountId: string,
  userId: string | null,
  input: { name: string; definition: SegmentDefinition },
) {
  const now = Date.now();
  const row: SegmentRow = {
    id: newId(),
    accountId,
    name: input.name,
    definition: input.definition,
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
  };
  await db.insert(segments).values(row);
  return row;
}

export async function updateSegment(
  db: Database,
  accountId: string,
  id: string,
  input: { name: string; definition: SegmentDefinition },
) {
  const [row] = await db
    .update(segments)
    .set({ ...input, updatedAt: Date.now() })
    .where(and(eq(segments.accountId, accountId), eq(segments.id, id)))
    .returning();
  if (!row) throw notFound('Segment');
  return row;
}

export async function deleteSegment(db: Database, accountId: string, id: string) {
  const [row] = await db
    .delete(segments)
    .where(and(eq(segments.accountId, accountId), eq(segments.id, id)))
    .returning({ id: segments.id });
  if (!row) throw notFound('Segment');
}
