// The baton-notifications queue consumer (and its dead-letter queue): Slack and email alerts.
import { z } from 'zod';
import { backoffSeconds } from '../handoff/delivery-policy';
import { deliverNotification, giveUpNotification, type NotifyEnv } from './deliver';

export const NOTIFICATION_QUEUE_NAME = 'baton-notifications';
export const NOTIFICATION_DLQ_NAME = 'baton-notifications-dlq';

export const isNotificationQueue = (name: string) => name === NOTIFICATION_QUEUE_NAME || name === NOTIFICATION_DLQ_NAME;

const notificationJob = z.object({ accountId: z.string().min(1).max(100), deliveryId: z.string().min(1).max(100) });

export async function handleNotificationBatch(batch: MessageBatch<unknown>, env: NotifyEnv): Promise<void> {
  const deadLetters = batch.queue === NOTIFICATION_DLQ_NAME;
  await Promise.all(
    batch.messages.map(async (message) => {
      const job = notificationJob.safeParse(message.body);
      if (!job.success) {
        console.error('dropping a malformed notification job', JSON.stringify(message.body).slice(0, 300));
        return message.ack();
      }
      try {
        const outcome = deadLetters
          ? await giveUpNotification(env, job.data)
          : await deliverNotification(env, job.data, message.attempts);
        if (outcome.kind === 'retry') message.retry({ delaySeconds: outcome.delaySeconds });
        else message.ack();
      } catch (err) {
        console.error('notification delivery failed unexpectedly', err instanceof Error ? err.message : String(err));
        message.retry({ delaySeconds: backoffSeconds(message.attempts) });
      }
    }),
  );
}
