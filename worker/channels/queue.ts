// The baton-channel queue consumer (and its dead-letter queue): delivers outbound messages of email,
// SMS and WhatsApp conversations through their channel's sender. Guarantees:
// - the body is validated (outboundDelivery); a malformed one can never become deliverable, so it is
//   dropped with a log line instead of looping;
// - `retry` results and unexpected failures are retried with backoff; `failed` results are final;
// - after the retries run out, the dead-letter consumer asks the sender to record the delivery failed.
// Senders are idempotent by deliveryId (fixed when the room decided to send), so a redelivered
// message never sends twice to the participant.
import { outboundDelivery } from '../conversation/contract';
import { backoffSeconds } from '../handoff/delivery-policy';
import { senderOf } from './senders';

export const CHANNEL_QUEUE_NAME = 'baton-channel';
export const CHANNEL_DLQ_NAME = 'baton-channel-dlq';

export const isChannelQueue = (name: string) => name === CHANNEL_QUEUE_NAME || name === CHANNEL_DLQ_NAME;

export async function handleChannelBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const deadLetters = batch.queue === CHANNEL_DLQ_NAME;
  await Promise.all(batch.messages.map(async (message) => {
    const parsed = outboundDelivery.safeParse(message.body);
    if (!parsed.success) {
      console.error('dropping a malformed channel delivery', JSON.stringify(message.body).slice(0, 300));
      return message.ack();
    }
    const delivery = parsed.data;
    const sender = senderOf(delivery.channel);
    try {
      if (deadLetters) {
        await sender?.giveUp?.(env, delivery, 'Delivery kept failing; the retries ran out');
        return message.ack();
      }
      if (!sender) {
        console.error(`no sender for channel ${delivery.channel}; delivery ${delivery.deliveryId} waits for one`);
        return message.retry({ delaySeconds: backoffSeconds(message.attempts) });
      }
      const result = await sender.deliver(env, delivery);
      if (result.kind === 'retry') return message.retry({ delaySeconds: backoffSeconds(message.attempts) });
      if (result.kind === 'failed') console.error(`channel delivery ${delivery.deliveryId} failed: ${result.error}`);
      return message.ack();
    } catch (err) {
      console.error('channel delivery failed unexpectedly', err instanceof Error ? err.message : String(err));
      return message.retry({ delaySeconds: backoffSeconds(message.attempts) });
    }
  }));
}
