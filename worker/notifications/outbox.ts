// The notification outbox: rows are written by the assignment_log trigger
// (migrations/0007_notifications.sql) and queued by the shared sweep (worker/db/delivery-outbox.ts).
import { sweepDeliveries, sweepDeliveriesSoon, type DeliveryJob, type SweepOptions } from '../db/delivery-outbox';

export type NotificationJob = DeliveryJob;

export interface NotificationSweepEnv {
  DB: D1Database;
  NOTIFICATION_QUEUE: Queue;
}

export function sweepNotifications(env: NotificationSweepEnv, opts: SweepOptions = {}): Promise<number> {
  return sweepDeliveries(env.DB, 'notification_deliveries', env.NOTIFICATION_QUEUE, opts);
}

/** For waitUntil after a route that assigned tickets: a failure only delays delivery to the cron sweep. */
export function sweepNotificationsSoon(env: NotificationSweepEnv, accountId: string): Promise<void> {
  return sweepDeliveriesSoon(() => sweepNotifications(env, { accountId, maxBatches: 1 }), 'notification');
}
