// The baton-channel queue consumer (and its dead-letter queue): delivers outbound messages of email,
// SMS and WhatsApp conversations through their channel's sender. Guarantees:
// - the body is validated (outboundDelivery); a malformed one can never become deliverable, so it is
//   dropped with a log line instead of looping;
// - `retry` results and unexpected failures are retried with backoff; `failed` results are final;
// - after the retries run out, the dead-letter consumer asks the sender to record the delivery failed
//   (a sender with no record of its own: recorded in dead_deliveries, worker/channels/dead-letters.ts);
// - a channel with no registered sender is never retried: no retry can make a sender appear, so the
//   delivery is recorded as failed with that reason at once and acknowledged.
// Senders are idempotent by deliveryId (fixed when the room decided to send), so a redelivered
// message never sends twice to the participant.
import { outboundDelivery } from '../conversation/contract';
import { backoffSeconds } from '../handoff/delivery-policy';
import { senderOf } from './senders';
import { openDb } from '../db/client';
import { recordDeadDelivery } from './dead-letters';
import type { ChannelSender, ChannelWithSender } from '../conversation/contract';

export const CHANNEL_QUEUE_NAME = 'baton-channel';
export const CHANNEL_DLQ_NAME = 'baton-channel-dlq';

export const isChannelQueue = (name: string) => name === CHANNEL_QUEUE_NAME || name === CHANNEL_DLQ_NAME;

export const RETRIES_RAN_OUT = 'Delivery kept failing; the retries ran out';
export const noSenderReason = (channel: string) =>
  `No sender is registered for the ${channel} channel, so this message cannot be delivered`;

/** `senders`: the registry (worker/channels/senders.ts); a parameter so a test can leave a channel without one. */
export async function handleChannelBatch(
  batch: MessageBatch<unknown>,
  env: Env,
  senders: (channel: ChannelWithSender) => ChannelSender | null = senderOf,
): Promise<void> {
  const deadLetters = batch.queue === CHANNEL_DLQ_NAME;
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = outboundDelivery.safeParse(message.body);
      if (!parsed.success) {
        console.error('dropping a malformed channel delivery', JSON.stringify(message.body).slice(0, 300));
        return message.ack();
      }
      const delivery = parsed.data;
      const sender = senders(delivery.channel);
      try {
        if (!sender) {
          console.error(
            `no sender for channel ${delivery.channel}; delivery ${delivery.deliveryId} recorded as failed`,
          );
          await recordDeadDelivery(openDb(env.DB), delivery, noSenderReason(delivery.channel));
          return message.ack();
        }
        if (deadLetters) {
          if (sender.giveUp) await sender.giveUp(env, delivery, RETRIES_RAN_OUT);
          else await recordDeadDelivery(openDb(env.DB), delivery, RETRIES_RAN_OUT);
          return message.ack();
        }
        const result = await sender.deliver(env, delivery);
        if (result.kind === 'retry') return message.retry({ delaySeconds: backoffSeconds(message.attempts) });
        if (result.kind === 'failed') console.error(`channel delivery ${delivery.deliveryId} failed: ${result.error}`);
        return message.ack();
      } catch (err) {
        console.error('channel delivery failed unexpectedly', err instanceof Error ? err.message : String(err));
        return message.retry({ delaySeconds: backoffSeconds(message.attempts) });
      }
    }),
  );
}
