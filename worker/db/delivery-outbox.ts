// The shared outbox sweep behind webhooks and notifications. Delivery rows are written by triggers in
// the same statement as what they announce, so nothing here can lose one; this only moves rows from
// "waiting" to "queued". A row is claimed by stamping `queued_at` in one UPDATE … RETURNING, so two
// sweeps running at once never queue the same row twice; if the queue refuses, the claim is undone.
// A row still pending a day after it was last queued or tried (a message that must have been lost)
// is claimed again: consumers refresh `queued_at` on every attempt and the longest retry delay is
// hours, so a live row never looks that old.
import { sql } from 'drizzle-orm';
import { openDb } from './client';

export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** sendBatch takes at most 100 messages. */
const BATCH = 100;

/** What every outbox queue message carries. */
export interface DeliveryJob {
  accountId: string;
  deliveryId: string;
}

export type OutboxTable = 'webhook_deliveries' | 'notification_deliveries';
export interface SweepOptions {
  accountId?: string;
  maxBatches?: number;
  now?: number;
}

/** Queues every waiting row of `table` (of one account, or all); returns how many were queued. */
export async function sweepDeliveries(
  d1: D1Database,
  table: OutboxTable,
  queue: Queue,
  opts: SweepOptions = {},
): Promise<number> {
  const db = openDb(d1);
  const t = sql.identifier(table);
  let queued = 0;
  for (let round = 0; round < (opts.maxBatches ?? 20); round++) {
    const now = opts.now ?? Date.now();
    const claimed = await db.all<{ id: string; accountId: string }>(sql`
      UPDATE ${t} SET queued_at = ${now}
      WHERE id IN (
        SELECT id FROM ${t}
        WHERE state = 'pending' AND (queued_at IS NULL OR queued_at < ${now - STALE_AFTER_MS})
          ${opts.accountId ? sql`AND account_id = ${opts.accountId}` : sql``}
        ORDER BY created_at LIMIT ${BATCH})
      RETURNING id, account_id AS accountId`);
    if (claimed.length === 0) break;
    try {
      await queue.sendBatch(
        claimed.map((r) => ({
          body: { accountId: r.accountId, deliveryId: r.id } satisfies DeliveryJob,
          contentType: 'json' as const,
        })),
      );
    } catch (err) {
      await db.run(sql`UPDATE ${t} SET queued_at = NULL
        WHERE id IN (SELECT value FROM json_each(${JSON.stringify(claimed.map((r) => r.id))})) AND queued_at = ${now}`);
      throw err;
    }
    queued += claimed.length;
    if (claimed.length < BATCH) break;
  }
  return queued;
}

/** For waitUntil after a write: a failure only delays delivery to the next cron sweep. */
export async function sweepDeliveriesSoon(sweep: () => Promise<number>, what: string): Promise<void> {
  try {
    await sweep();
  } catch (err) {
    console.error(`${what} sweep failed; the cron sweep will retry`, err instanceof Error ? err.message : String(err));
  }
}
