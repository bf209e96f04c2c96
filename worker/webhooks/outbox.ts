// The webhook outbox sweep. Delivery rows are written by a trigger in the same statement as their
// event (migrations/0005_webhooks.sql), so nothing here can lose an event; this only moves rows from
// "waiting" to "queued". A row is claimed by stamping `queued_at` in one UPDATE … RETURNING, so two
// sweeps running at once never queue the same row twice; if the queue refuses, the claim is undone.
// A row still pending a day after it was last queued or tried (a message that must have been lost)
// is claimed again: the consumer refreshes `queued_at` on every attempt and the longest retry delay is
// hours, so a live row never looks that old.
import { sql } from 'drizzle-orm';
import { openDb } from '../db/client';

export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** sendBatch takes at most 100 messages. */
const BATCH = 100;

export interface WebhookJob {
  accountId: string;
  deliveryId: string;
}

export interface SweepEnv {
  DB: D1Database;
  WEBHOOK_QUEUE: Queue;
}

/** Queues every waiting delivery (of one account, or all); returns how many were queued. */
export async function sweepOutbox(env: SweepEnv, opts: { accountId?: string; maxBatches?: number; now?: number } = {}): Promise<number> {
  const db = openDb(env.DB);
  let queued = 0;
  for (let round = 0; round < (opts.maxBatches ?? 20); round++) {
    const now = opts.now ?? Date.now();
    const claimed = await db.all<{ id: string; accountId: string }>(sql`
      UPDATE webhook_deliveries SET queued_at = ${now}
      WHERE id IN (
        SELECT id FROM webhook_deliveries
        WHERE state = 'pending' AND (queued_at IS NULL OR queued_at < ${now - STALE_AFTER_MS})
          ${opts.accountId ? sql`AND account_id = ${opts.accountId}` : sql``}
        ORDER BY created_at LIMIT ${BATCH})
      RETURNING id, account_id AS accountId`);
    if (claimed.length === 0) break;
    try {
      await env.WEBHOOK_QUEUE.sendBatch(claimed.map((r) => ({ body: { accountId: r.accountId, deliveryId: r.id } satisfies WebhookJob, contentType: 'json' as const })));
    } catch (err) {
      await db.run(sql`UPDATE webhook_deliveries SET queued_at = NULL
        WHERE id IN (SELECT value FROM json_each(${JSON.stringify(claimed.map((r) => r.id))})) AND queued_at = ${now}`);
      throw err;
    }
    queued += claimed.length;
    if (claimed.length < BATCH) break;
  }
  return queued;
}

/** For waitUntil after a write: a failure only delays delivery to the next cron sweep. */
export async function sweepSoon(env: SweepEnv, accountId: string): Promise<void> {
  try {
    await sweepOutbox(env, { accountId, maxBatches: 1 });
  } catch (err) {
    console.error('webhook sweep failed; the cron sweep will retry', err instanceof Error ? err.message : String(err));
  }
}
