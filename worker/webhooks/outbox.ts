// The webhook outbox: rows are written by the trigger on `events` (migrations/0005_webhooks.sql) and
// queued by the shared sweep (worker/db/delivery-outbox.ts).
import { sweepDeliveries, sweepDeliveriesSoon, type DeliveryJob, type SweepOptions } from '../db/delivery-outbox';

export type WebhookJob = DeliveryJob;

export interface SweepEnv {
  DB: D1Database;
  WEBHOOK_QUEUE: Queue;
}

/** Queues every waiting delivery (of one account, or all); returns how many were queued. */
export function sweepOutbox(env: SweepEnv, opts: SweepOptions = {}): Promise<number> {
  return sweepDeliveries(env.DB, 'webhook_deliveries', env.WEBHOOK_QUEUE, opts);
}

/** For waitUntil after a write: a failure only delays delivery to the next cron sweep. */
export function sweepSoon(env: SweepEnv, accountId: string): Promise<void> {
  return sweepDeliveriesSoon(() => sweepOutbox(env, { accountId, maxBatches: 1 }), 'webhook');
}
