// The baton-webhooks queue consumer (and its dead-letter queue), and Resend.
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { webhookDeliveries } from '../db/schema-insights';
import { backoffSeconds } from '../handoff/delivery-policy';
import { notFound } from '../http/errors';
import { deliverWebhook, giveUpWebhook, type DeliverEnv } from './deliver';
import { sweepOutbox, type SweepEnv } from './outbox';

export const WEBHOOK_QUEUE_NAME = 'baton-webhooks';
export const WEBHOOK_DLQ_NAME = 'baton-webhooks-dlq';

export const isWebhookQueue = (name: string) => name === WEBHOOK_QUEUE_NAME || name === WEBHOOK_DLQ_NAME;

const webhookJob = z.object({ accountId: z.string().min(1).max(100), deliveryId: z.string().min(1).max(100) });

export async function handleWebhookBatch(batch: MessageBatch<unknown>, env: DeliverEnv): Promise<void> {
  const deadLetters = batch.queue === WEBHOOK_DLQ_NAME;
  // Deliveries are independent: one slow receiver does not hold up the others.
  await Promise.all(
    batch.messages.map(async (message) => {
      const job = webhookJob.safeParse(message.body);
      if (!job.success) {
        console.error('dropping a malformed webhook job', JSON.stringify(message.body).slice(0, 300));
        return message.ack();
      }
      try {
        const outcome = deadLetters
          ? await giveUpWebhook(env, job.data)
          : await deliverWebhook(env, job.data, message.attempts);
        if (outcome.kind === 'retry') message.retry({ delaySeconds: outcome.delaySeconds });
        else message.ack();
      } catch (err) {
        // Our own failure (D1): retried like a receiver outage.
        console.error('webhook delivery failed unexpectedly', err instanceof Error ? err.message : String(err));
        message.retry({ delaySeconds: backoffSeconds(message.attempts) });
      }
    }),
  );
}

/**
 * The delivery log's Resend: back to pending and into the outbox, then swept onto the queue at once
 * (same event id, fresh signature). If the queue is down the row simply waits for the next sweep.
 */
export async function resendDelivery(
  db: Database,
  env: SweepEnv,
  accountId: string,
  deliveryId: string,
): Promise<void> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ state: 'pending', lastError: null, deliveredAt: null, queuedAt: null })
    .where(and(eq(webhookDeliveries.accountId, accountId), eq(webhookDeliveries.id, deliveryId)))
    .returning({ id: webhookDeliveries.id });
  if (!row) throw notFound('Webhook delivery');
  await sweepOutbox(env, { accountId, maxBatches: 1 });
}
