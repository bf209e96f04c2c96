import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from './client';

/** Runs a list of statements as one D1 batch (one implicit transaction); an empty list does nothing. */
export async function runBatch(db: Database, items: BatchItem<'sqlite'>[]): Promise<void> {
  const [first, ...rest] = items;
  if (first) await db.batch([first, ...rest]);
}
