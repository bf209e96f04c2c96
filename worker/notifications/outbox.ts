// The notification outbox sweep: the same claim-then-queue pattern as worker/webhooks/outbox.ts. Rows
// are written by the assignment_log trigger (migrations/0007_notifications.sql); this only moves them
// from "waiting" to "queued". A claim stamps `queued_at` in one UPDATE … RETURNING (two sweeps never
// queue a row twice) and is undone if the queue refuses. A row still pending a day after it was last
// queued or tried (a lost message) is claimed again.
import { sql } from 'drizzle-orm';
import { openDb } from '../db/client';

export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
const BATCH = 100;

export interface NotificationJob {
  accountId: string;
  deliveryId: string;
}

export interface NotificationSweepEnv {
  DB: D1Database;
  NOTIFICATION_QUEUE: Queue;
}

export async function sweepNotifications(env: NotificationSweepEnv, opts: { accountId?: string; maxBatches?: number; now?: number } = {}): Promise<number> {
  const db = openDb(env.DB);
  let queued = 0;
  for (let round = 0; round < (opts.maxBatches ?? 20); round++) {
    const now = opts.now ?? Date.now();
    const claimed = await db.all<{ id: string; accountId: string }>(sql`
      UPDATE notification_deliveries SET queued_at = ${now}
      WHERE id IN (
        SELECT id FROM notification_deliveries
        WHERE state = 'pending' AND (queued_at IS NULL OR queued_at < ${now - STALE_AFTER_MS})
          ${opts.accountId ? sql`AND account_id = ${opts.accountId}` : sql``}
        ORDER BY created_at LIMIT ${BATCH})
      RETURNING id, account_id AS accountId`);
    if (claimed.length === 0) break;
    try {
      await env.NOTIFICATION_QUEUE.sendBatch(claimed.map((r) => ({ body: { accountId: r.accountId, deliveryId: r.id } satisfies NotificationJob, contentType: 'json' as const })));
    } catch (err) {
      await db.run(sql`UPDATE notification_deliveries SET queued_at = NULL
        WHERE id IN (SELECT value FROM json_each(${JSON.stringify(claimed.map((r) => r.id))})) AND queued_at = ${now}`);
      throw err;
    }
    queued += claimed.length;
    if (claimed.length < BATCH) break;
  }
  return queued;
}

/** For waitUntil after a route that assigned tickets: a failure only delays delivery to the cron sweep. */
export async function sweepNotificationsSoon(env: NotificationSweepEnv, accountId: string): Promise<void> {
  try {
    await sweepNotifications(env, { accountId, maxBatches: 1 });
  } catch (err) {
    console.error('notification sweep failed; the cron sweep will retry', err instanceof Error ? err.message : String(err));
  }
}
